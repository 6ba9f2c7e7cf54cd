app-name = latih-asn
app-title = latih-asn: Pelatihan Netralitas ASN dan Antikorupsi

common-back = ‹ Kembali
common-cancel = Batal
common-dismiss = Tutup pesan

nav-home = Beranda
nav-switch-profile = Ganti profil
nav-settings = Pengaturan

## Profile
profile-pick-title = Siapa yang belajar hari ini?
profile-pick-hint = Pilih profil Anda. Komputer ini dapat dipakai bergantian oleh beberapa peserta.
profile-new = + Buat profil baru
profile-new-title = Profil peserta baru
profile-new-hint = Data ini disimpan di komputer ini saja dan dipakai untuk catatan pelatihan Anda.
profile-name = Nama lengkap
profile-name-hint = contoh: Siti Aminah, S.E.
profile-nip = NIP (18 angka)
profile-nip-hint = contoh: 19800101 200501 2 001
profile-without-nip = Saya tidak memiliki NIP (tenaga honorer atau tamu)
profile-without-nip-badge = Tanpa NIP
profile-unit = Unit kerja
profile-unit-hint = contoh: Bagian Umum Sekretariat Daerah
profile-instansi = Instansi
profile-instansi-hint = contoh: Pemerintah Kabupaten Mesuji
profile-save = Simpan profil
profile-error-name = Nama lengkap wajib diisi.
profile-error-unit = Unit kerja wajib diisi.
profile-error-instansi = Instansi wajib diisi.
profile-error-nip = NIP wajib diisi. Jika Anda tidak memiliki NIP, centang kotak di atas.
profile-error-duplicate = Sudah ada profil dengan NIP ini di komputer ini.
profile-duplicate-named = NIP ini sudah dipakai profil { $name } di komputer ini. Jika itu profil Anda, pakai profil tersebut.
profile-duplicate-other = NIP ini sudah dipakai profil lain di komputer ini ({ $name }). Periksa kembali NIP yang diketik.
profile-use-existing = Pakai profil tersebut
profile-edit = Ubah data
profile-edit-title = Ubah data profil
profile-edit-hint = Perbaiki nama, NIP, unit kerja, atau instansi. Hasil kuis yang sudah selesai tetap tercatat dengan data saat kuis itu dikerjakan.
profile-save-changes = Simpan perubahan
profile-remove = Hapus dari daftar
profile-remove-title = Hapus profil ini dari daftar?
profile-remove-body = Profil ini tidak akan tampil lagi di daftar komputer ini. Catatan belajar dan hasil kuisnya tidak dihapus: tetap tersimpan di komputer ini dan tetap ikut terkirim ke bagian kepegawaian.
profile-remove-undo = Profil ini dapat dikembalikan ke daftar kapan saja.
profile-remove-confirm = Ya, hapus dari daftar
profile-hidden-show = Lihat profil yang dihapus dari daftar ({ $count })
profile-hidden-hide = Sembunyikan profil yang dihapus dari daftar
profile-hidden-hint = Profil berikut tidak tampil di daftar, tetapi catatannya tetap tersimpan.
profile-restore = Kembalikan ke daftar

nip-error-length = NIP harus 18 angka; yang diketik { $count } angka.
nip-error-digits = NIP hanya boleh berisi angka (spasi boleh).
nip-error-birth = Angka ke-1 sampai ke-8 NIP harus tanggal lahir yang sah: tahun, bulan, lalu tanggal (misalnya 19800101 untuk 1 Januari 1980).
nip-error-tmt = Angka ke-9 sampai ke-14 NIP harus tahun dan bulan TMT (terhitung mulai tanggal pengangkatan) yang sah, misalnya 200501 untuk Januari 2005.
nip-error-tmt-range = TMT pada NIP (angka ke-9 sampai ke-14) harus setelah usia 18 tahun dan tidak di masa depan.
nip-error-gender = Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).
nip-error-sequence = Tiga angka terakhir NIP (nomor urut) tidak boleh 000.

## Home
home-greeting = Selamat datang, { $name }
home-hint = Pilih modul. Baca materinya, coba latihan, lalu ikuti ujian akhir untuk lulus.
home-edit-profile = Ubah data profil
home-lessons-read = { $read } dari { $total } materi dibaca
home-best-score = Skor ujian terbaik: { $score }%
home-no-score = Belum ada ujian
home-open-module = Buka modul ›
status-not-started = Belum mulai
status-in-progress = Sedang belajar
status-passed = Lulus

## Module
module-checked = Berlaku per { $date } (periksa kembali dengan teks resmi di JDIH)
module-objectives = Tujuan pembelajaran
module-lessons = Materi
module-start-reading = Mulai membaca
module-continue = Lanjutkan membaca
module-practice = Latihan
module-exam = Ujian akhir
module-unfinished = Ujian akhir Anda belum selesai: { $answered } dari { $total } soal sudah dijawab dan tersimpan.
module-resume = Lanjutkan ujian
module-quiz-info = Kuis berisi { $count } soal. Nilai lulus ujian: { $mark }. Latihan menjelaskan setiap jawaban; ujian memberi penjelasan di akhir.
module-attempts = Riwayat kuis
mode-practice = Latihan
mode-exam = Ujian akhir

## Lesson
lesson-position = Materi { $n } dari { $total }
lesson-minutes = { $minutes } menit
lesson-state-read = Sudah dibaca
lesson-state-unread = Belum dibaca
lesson-key-points = Poin penting
lesson-previous = ‹ Sebelumnya
lesson-next = Berikutnya ›
lesson-finish = Selesai membaca
lesson-back-to-quiz = ‹ Kembali ke kuis
lesson-back-to-review = ‹ Kembali ke hasil
lesson-keys-hint = Papan ketik: panah kiri/kanan untuk pindah materi, Esc untuk kembali.

## Quiz
quiz-position = Soal { $n } dari { $total }
quiz-hint-single = Pilih satu jawaban.
quiz-hint-multiple = Pilih semua jawaban yang benar (bisa lebih dari satu).
quiz-hint-true-false = Apakah pernyataan ini benar atau salah?
quiz-confirm = Jawab
quiz-confirm-exam = Simpan jawaban dan lanjut
quiz-next = Lanjut ›
quiz-quit = Keluar dari kuis
quiz-leave-title = Keluar dari ujian?
quiz-leave-body = { $answered } dari { $total } jawaban Anda sudah tersimpan. Anda dapat melanjutkan ujian ini nanti dari halaman modul, juga setelah aplikasi ditutup.
quiz-leave-body-lost = { $answered } dari { $total } soal sudah dijawab. Jika keluar sekarang, jawaban ini tidak disimpan.
quiz-leave-stay = Lanjutkan ujian
quiz-leave-go = Keluar, lanjutkan nanti
quiz-right = Benar
quiz-wrong = Belum tepat
quiz-correct-answer = Jawaban benar
quiz-your-answer = Jawaban Anda
quiz-your-right-answer = Jawaban Anda, benar
quiz-other-option = Pilihan lain
cite-legal-basis = Dasar hukum
cite-source = Sumber
quiz-study-again = Pelajari lagi: { $lesson }
quiz-keys-hint = Papan ketik: tekan 1–6 atau A–F untuk memilih, Enter untuk menjawab atau lanjut.
quiz-empty = Modul ini belum memiliki soal.

## Result
result-passed = Lulus
result-not-passed = Belum lulus
result-practice-done = Latihan selesai
result-practice-note = Latihan tidak dihitung untuk kelulusan. Nilai lulus ujian modul ini: { $mark }%.
result-score = Skor { $score }% ({ $correct } dari { $total } benar)
result-score-short = Skor { $score }%
result-pass-mark = Nilai lulus modul ini: { $mark }%
result-back = ‹ Kembali ke modul
result-retry = Ulangi kuis
result-review = Pembahasan setiap soal
result-question-n = Soal { $n }
result-your-answer = Jawaban Anda:
result-right-answer = Jawaban benar:
result-no-answer = (tidak dijawab)
result-question-missing = Soal ini tidak ada lagi di materi yang terpasang.

## Settings
settings-title = Pengaturan
settings-language = Bahasa
settings-language-id = Bahasa Indonesia
settings-language-en = English
settings-theme = Tampilan
settings-theme-light = Terang
settings-theme-dark = Gelap
settings-theme-contrast = Kontras tinggi
settings-text-size = Ukuran teks
settings-data-dir = Folder data
settings-data-dir-hint = Profil, progres, dan hasil kuis disimpan di folder ini, hanya di komputer ini.

## Citations
citation-pasal = Pasal { $pasal }
citation-ayat = { " " }ayat ({ $ayat })
citation-huruf = { " " }huruf { $huruf }
citation-angka = { " " }angka { $angka }
citation-penjelasan = Penjelasan { $article }

## Notices and errors
notice-quarantined = Berkas { $file } rusak dan tidak dapat dibaca. Berkas itu dipindahkan ke { $to } (tidak dihapus); data lain dimuat seperti biasa.
notice-newer = Berkas { $file } dibuat oleh versi aplikasi yang lebih baru (format { $version }). Berkas itu tidak diubah; perbarui aplikasi untuk membacanya.
notice-stuck = Berkas { $file } rusak dan tidak dapat dipindahkan: { $detail }
notice-pack-refused = Paket konten "{ $pack }" ditolak dan tidak dimuat: { $detail }
error-save = Gagal menyimpan { $path }: { $detail }. Data sebelumnya tidak berubah.
error-encode = Gagal menyiapkan data untuk disimpan: { $detail }
error-no-data-dir = Folder data tidak ditemukan. Jalankan dengan --data-dir FOLDER.
error-module-missing = Modul ini tidak lagi tersedia.

## Content errors
content-error = { $location }: { $detail }
content-error-missing-file = berkas tidak ada
content-error-unreadable = berkas tidak dapat dibaca ({ $detail })
content-error-syntax = kesalahan penulisan RON: { $detail }
content-error-version = versi format { $version } tidak didukung
content-error-duplicate = id { $id } dipakai lebih dari sekali
content-error-reference = { $id } merujuk ke { $reference } yang tidak ada
content-error-answer-key = kunci jawaban soal { $id } tidak sah: { $detail }
content-error-no-citation = { $id } tidak memiliki dasar hukum
content-error-missing-translation = { $id } belum diterjemahkan ke bahasa { $lang }
content-error-extra-translation = { $id } ada di berkas bahasa { $lang } tetapi tidak ada di berkas utama
content-error-option-count = jumlah pilihan soal { $id } dalam bahasa { $lang } berbeda
content-error-empty-text = { $id } memiliki teks kosong dalam bahasa { $lang }
content-error-lesson-untested = materi { $id } tidak diuji oleh soal mana pun
content-error-review-lesson = soal { $id } mengarahkan ke materi { $lesson } untuk dipelajari lagi, tetapi materi itu tidak mengutip satu pun pasal yang dikutip soal
content-error-form-gap = tujuan { $id } tidak memiliki soal di paket { $form }
content-error-date = tanggal { $detail } tidak sah (harus YYYY-MM-DD)
content-error-empty-module = modul { $id } tidak memiliki materi atau soal

## Command line
cli-content-ok = Konten sah: { $modules } modul, { $questions } soal.
cli-content-errors = { $count } kesalahan ditemukan; konten ditolak.

## Content packs
pack-title = Paket konten
pack-hint = Paket konten menambah modul (misalnya aturan baru) tanpa memasang ulang aplikasi. Ketik folder paket, lalu Impor. Paket diperiksa lebih dulu; paket yang rusak ditolak dan tidak mengubah apa pun.
pack-none = Belum ada paket konten terpasang.
pack-installed-module = { $module } (paket { $pack })
pack-path-hint = Folder paket, contoh: E:\paket-konten-2026
pack-import = Impor paket
pack-import-ok = Paket "{ $pack }" terpasang. Modulnya kini ada di Beranda.
pack-import-refused = Paket ditolak. Tidak ada yang berubah. Alasannya:
pack-more-errors = … dan { $count } kesalahan lain (periksa dengan: latih-asn content check FOLDER)
pack-not-a-folder = { $path } bukan folder.
settings-open-data-dir = Buka folder data
error-open-folder = Folder data tidak dapat dibuka otomatis. Buka secara manual: { $path }

## Records: verification, bundles, exports
verify-valid = sah
verify-edited = diubah setelah ditulis
verify-unknown-key = kunci perangkat tidak dikenal
verify-broken-chain = urutan rantai rusak
verify-unsigned = tidak bertanda tangan (format lama)
bundle-error-unreadable = berkas tidak dapat dibaca: { $detail }
bundle-error-damaged = berkas rusak atau tidak lengkap: { $detail }
bundle-error-newer = berkas dibuat versi aplikasi yang lebih baru (format { $version }); perbarui aplikasi
bundle-error-checksum = isi berkas tidak cocok dengan checksum-nya: berkas telah diubah
bundle-error-signature = tanda tangan tidak cocok: berkas telah diubah atau bukan dari perangkat yang disebutnya
csv-attempt = ID percobaan
csv-name = Nama
csv-nip = NIP
csv-unit = Unit kerja
csv-instansi = Instansi
csv-module = Modul
csv-mode = Jenis
csv-started = Mulai
csv-finished = Selesai
csv-score = Skor (%)
csv-correct = Benar
csv-total = Jumlah soal
csv-pass-mark = Nilai lulus
csv-passed = Lulus
csv-verification = Verifikasi
csv-exams = Ujian sah
csv-best = Skor ujian terbaik
csv-last = Terakhir
csv-flagged = Catatan tidak sah
csv-yes = ya
csv-no = tidak
cli-import-ok = { $file }: { $added } percobaan dan { $learners } peserta ditambahkan, { $present } sudah ada, { $conflicts } konflik.
cli-import-refused = { $file } ditolak, tidak ada yang berubah: { $detail }
cli-export-ok = Ditulis: { $file }
cli-export-failed = Ekspor gagal: { $detail }
cli-verify-missing = Perangkat { $device }: percobaan nomor { $sequences } hilang dari rantai.
cli-verify-total = { $valid } dari { $total } percobaan sah.
cli-summary-learners = Peserta
cli-summary-total = { $attempts } percobaan, { $flagged } tidak sah (tidak dihitung).
records-title = Catatan pelatihan untuk SDM
records-hint = Simpan catatan pelatihan di komputer ini ke satu berkas, lalu bawa berkas itu (misalnya dengan flashdisk) ke bagian SDM/BKD. Berkas ini ditandatangani komputer ini, sehingga catatan yang diubah akan ditolak. Saat pertama kali menerima catatan dari komputer ini, SDM mencocokkan sidik jari di bawah.
records-export-bundle = Simpan catatan untuk SDM
records-export-csv = Ekspor CSV
records-export-xapi = Ekspor xAPI
records-path-hint = Berkas bundle atau folder, contoh: E:\
records-written = Ditulis: { $file }
records-none-found = Tidak ada berkas bundle di { $path }.
cli-not-found = Tidak ditemukan: { $what }
cli-correction-needs-reason = Koreksi memerlukan --reason (alasan) dan --by (siapa yang memutuskan).
cli-correction-saved = Koreksi disimpan sebagai catatan baru { $id }; catatan lama tidak diubah.
verify-voided = dibatalkan (koreksi)
settings-pick-folder = Pilih folder…
settings-export-folder = Pilih folder tujuan ekspor…
settings-export-folder-default = Ekspor disimpan di folder data (subfolder exports).
settings-export-folder-chosen = Ekspor disimpan di: { $path }
