## Content packs: managing installed packs
pack-busy = Sedang memproses paket konten…
pack-name-version = { $name } (versi { $version })
pack-details = Diperiksa { $date } · { $state } · { $trust }
pack-state-enabled = aktif
pack-state-disabled = nonaktif (modulnya tidak ditampilkan)
pack-enable = Aktifkan
pack-disable = Nonaktifkan
pack-remove = Hapus paket
pack-remove-confirm = Hapus paket "{ $pack }"? Modulnya hilang dari Beranda semua peserta di komputer ini. Hasil kuis yang sudah tersimpan tidak ikut terhapus.
pack-remove-yes = Ya, hapus paket
pack-removed = Paket "{ $pack }" sudah dihapus.
pack-enabled = Paket "{ $pack }" diaktifkan. Modulnya kembali ada di Beranda.
pack-disabled = Paket "{ $pack }" dinonaktifkan. Modulnya tidak ditampilkan sampai diaktifkan lagi.
pack-change-failed = Tidak ada yang berubah. Alasannya:
pack-set-aside = Paket konten "{ $pack }" disisihkan dan tidak dimuat: { $detail }. Paket dipindahkan ke { $to } (tidak dihapus) dan tidak akan diperiksa lagi setiap kali aplikasi dibuka. Pasang ulang paket yang benar dari Pengaturan.

## Content packs: who signed a pack
pack-trust-trusted = ditandatangani oleh { $publisher } (penerbit tepercaya)
pack-trust-unknown = ditandatangani dengan kunci yang belum dipercaya di komputer ini (sidik { $fingerprint })
pack-trust-unsigned = tidak ditandatangani
pack-confirm-title = Paket "{ $pack }" lolos pemeriksaan, tetapi bukan dari penerbit tepercaya.
pack-claims-publisher = Paket ini menyebut penerbitnya: { $publisher } (tidak dapat dibuktikan tanpa tanda tangan).
pack-confirm-hint = Pasang hanya jika Anda tahu dari mana paket ini berasal, misalnya diterima langsung dari BKD atau narasumber yang Anda kenal.
pack-confirm-hint-unknown = Pasang hanya jika Anda tahu dari mana paket ini berasal. Agar paket dari penerbit ini terpasang tanpa pertanyaan, percayai kuncinya dengan: latih-asn content trust-publisher KUNCI --name NAMA
pack-confirm = Pasang paket ini

## Content packs: why a pack or a change was refused
pack-error-not-a-file = { $kind ->
    [symlink] berupa tautan simbolik (symlink), bukan berkas biasa; hanya berkas biasa yang dibaca
    [fifo] berupa pipa bernama (FIFO), bukan berkas biasa; hanya berkas biasa yang dibaca
    [device] berupa berkas perangkat, bukan berkas biasa; hanya berkas biasa yang dibaca
    [socket] berupa soket, bukan berkas biasa; hanya berkas biasa yang dibaca
   *[other] bukan berkas biasa atau folder; hanya berkas biasa yang dibaca
}
pack-error-too-large = berkas lebih besar dari batas { $limit } KiB
pack-error-pack-too-large = paket lebih besar dari batas { $limit } KiB secara keseluruhan
pack-error-installed-too-large = bersama paket yang sudah terpasang ({ $installed } KiB), paket ini melewati batas { $limit } KiB untuk semua paket; hapus paket yang tidak dipakai lagi dulu
pack-error-too-many-entries = paket berisi lebih dari { $limit } berkas dan folder
pack-error-too-deep = folder bersarang lebih dari { $limit } tingkat
pack-error-file-name = nama berkas bukan teks UTF-8 yang sah
pack-error-path = jalur { $path } tidak diizinkan dalam paket
pack-error-changed-while-read = berkas berubah ketika sedang dibaca
pack-error-invalid-id = id { $what ->
    [modules] modul
    [lessons] materi
    [objectives] tujuan
    [questions] soal
    [instruments] sumber hukum
    [pack] paket
   *[other] { $what }
} "{ $id }" tidak sah: gunakan 1–64 karakter huruf kecil a–z, angka 0–9, dan tanda hubung (-)
pack-error-folder-mismatch = modul atau paket "{ $id }" berada di folder "{ $folder }"; id dan nama folder harus sama
pack-error-too-many = { $found } { $what ->
    [packs] paket
    [modules] modul
    [lessons] materi
    [objectives] tujuan pembelajaran
    [questions] soal
    [options] pilihan jawaban
    [citations] kutipan dasar hukum
    [keypoints] poin kunci
    [instruments] sumber hukum
   *[other] { $what }
}, melebihi batas { $limit }
pack-error-too-long = { $id }: { $field ->
    [title] judul
    [summary] ringkasan
    [objective] teks tujuan
    [keypoint] poin kunci
    [stem] teks soal
    [option] teks pilihan
    [why] alasan pilihan
    [explanation] pembahasan
    [citation] bagian kutipan (pasal, ayat, huruf, angka)
    [name] nama
    [version] versi
   *[other] { $field }
} lebih panjang dari { $limit } karakter
pack-error-out-of-range = { $id }: { $field ->
    [passmark] nilai lulus (pass_mark)
    [quizsize] jumlah soal per kuis (quiz_size)
    [minutes] waktu baca (minutes)
    [jp] jam pelajaran (jp)
   *[other] { $field }
} bernilai { $value }; yang diizinkan { $min } sampai { $max }
pack-error-markup = materi { $id } ({ $lang }) memuat { $markup ->
    [link] tautan
    [image] gambar
   *[html] HTML
}, padahal materi tidak boleh memuatnya
pack-error-jp-too-high = { $id }: jp bernilai { $jp }, padahal { $minutes } menit belajar (materi ditambah dua menit per soal kuis) hanya membenarkan paling banyak { $max } JP (JP × 45 tidak boleh melebihi dua kali menitnya)
content-warning-replaced = { $module }: { $item } mengutip { $instrument }, yang sudah diganti oleh { $replaced }; periksa terhadap aturan yang baru
content-warning-jp-computed = { $module }: module.ron tidak memuat jp; modul ini dihitung { $jp } JP dari { $minutes } menit belajar (45 menit per JP, dibulatkan ke atas). Tulis angka yang dimaksud di module.ron, mis. jp: { $jp } (paling banyak { $max } untuk menit ini)
content-warning-jp-too-short = { $module }: module.ron tidak memuat jp; modul ini dihitung { $jp } JP, angka terkecil, walaupun { $minutes } menit belajarnya terlalu sedikit untuk menyatakan jp (jp yang ditulis butuh paling sedikit 23 menit). Tambah waktu materi sebelum menulis jp
pack-error-too-many-errors = pemeriksaan dihentikan setelah { $limit } kesalahan; perbaiki dulu yang di atas
pack-error-conflict-pack = { $what ->
    [modules] modul
    [instruments] sumber hukum
   *[pack] paket
} "{ $id }" sudah dipasang oleh paket "{ $pack }"; hapus paket itu dulu bila ini versi penggantinya
pack-error-conflict-app = { $what ->
    [modules] modul
   *[instruments] sumber hukum
} "{ $id }" sudah ada di aplikasi dan tidak dapat diganti oleh paket
pack-error-bad-signature = tanda tangan paket tidak cocok ({ $detail }); paket mungkin diubah setelah ditandatangani
pack-error-changed-since-check = berkas berubah sejak paket diperiksa saat dipasang
pack-error-app-content = { $path } adalah isi bawaan aplikasi, bukan paket konten.
pack-error-busy = Pemasangan atau penghapusan paket lain sedang berjalan. Tunggu sampai selesai, lalu coba lagi.
pack-error-not-installed = Paket "{ $pack }" tidak terpasang.
pack-error-bad-key = Kunci tidak sah: kunci publik harus 64 digit heksadesimal dan diberi nama; berkas kunci penerbit harus dibuat dengan: latih-asn content keygen
pack-error-write = Tidak dapat menulis ke folder data: { $detail }
pack-error-interrupted = Proses paket berhenti sebelum selesai: { $detail }

## Command line: content packs
cli-content-app = Ini isi bawaan aplikasi (folder sumber), diperiksa sebagai isi aplikasi, bukan sebagai paket.
cli-pack-identity = Paket { $pack }: { $name }, versi { $version }, hash { $hash }
cli-pack-installed = Paket { $pack } terpasang; modul: { $modules }.
cli-pack-needs-yes = Paket belum dipasang. Bila Anda tahu asal paket ini, jalankan lagi dengan --yes untuk memasangnya.
cli-pack-removed = Paket { $pack } dihapus.
cli-pack-disabled = Paket { $pack } dinonaktifkan.
cli-pack-enabled = Paket { $pack } diaktifkan.
cli-pack-trusted = Penerbit { $pack } kini dipercaya di komputer ini.
cli-pack-keygen = Kunci rahasia penerbit ditulis ke { $file } (simpan baik-baik; jangan dibagikan). Kunci publik untuk dipercaya admin: { $key } (sidik { $fingerprint })
cli-pack-signed = Paket { $pack } ditandatangani (hash { $hash }, kunci { $fingerprint }); pack.sig ditulis.
