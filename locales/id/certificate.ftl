# Sertifikat, pengaturan HR dan laporan JP (src/hr/).

cert-title = SERTIFIKAT
cert-number = Nomor: { $number }
cert-given-to = diberikan kepada
cert-nip = NIP { $nip }
cert-unit = Unit kerja: { $unit }
cert-passed = yang telah lulus pelatihan e-learning
cert-detail = pada { $date } dengan nilai { $score }, setara { $jp } JP (jam pelajaran @ 45 menit)
cert-organiser = diselenggarakan oleh { $organiser }
cert-code-label = Kode verifikasi
cert-check-hint = Periksa keaslian: pindai kode QR, atau jalankan "latih-asn certificate check { $code }" di komputer bagian kepegawaian (BKPSDM/BKD).
cert-pdf-title = Sertifikat { $name }: { $module }
cert-month-1 = Januari
cert-month-2 = Februari
cert-month-3 = Maret
cert-month-4 = April
cert-month-5 = Mei
cert-month-6 = Juni
cert-month-7 = Juli
cert-month-8 = Agustus
cert-month-9 = September
cert-month-10 = Oktober
cert-month-11 = November
cert-month-12 = Desember

jp-kind-elearning = E-Learning
jp-sheet = JP
jp-col-nip = NIP
jp-col-name = Nama
jp-col-kind = Jenis
jp-col-training = Nama pelatihan
jp-col-organiser = Penyelenggara
jp-col-start = Tanggal mulai
jp-col-end = Tanggal selesai
jp-col-jp = JP
jp-col-number = Nomor sertifikat

hr-error-settings-damaged = Pengaturan HR di { $path } rusak ({ $detail }). Berkas dibiarkan apa adanya; perbaiki atau pindahkan dulu, lalu simpan lagi.
hr-error-settings-newer = Pengaturan HR di { $path } dibuat oleh versi aplikasi yang lebih baru (format { $version }). Berkas dibiarkan apa adanya; gunakan versi itu.
hr-error-setting-invalid = { $field ->
    [instansi] Instansi
    [signername] Nama penanda tangan
    [signertitle] Jabatan penanda tangan
    [signernip] NIP penanda tangan
    [organiser] Penyelenggara
   *[jptarget] Target JP
}: { $detail }
hr-setting-empty = tidak boleh kosong
hr-setting-too-long = paling banyak { $limit } karakter dalam satu baris
hr-setting-out-of-range = harus 1 sampai { $max }
hr-error-settings-incomplete = Pengaturan sertifikat belum lengkap: isi instansi, nama dan jabatan penanda tangan dulu (latih-asn certificate settings set …).
hr-error-no-authority = Komputer ini belum memiliki kunci otoritas HR, jadi sertifikat tidak dapat ditandatangani. Jalankan dulu: latih-asn records authority init --name "…"
hr-error-write = Tidak dapat menulis { $path }: { $detail }
hr-error-workbook = Tidak dapat membuat buku kerja { $path }: { $detail }
hr-error-folder-missing = Folder { $path } tidak ada. Buat dulu foldernya; tidak ada yang ditulis.
hr-error-folder-read-only = Folder { $path } tidak dapat ditulisi ({ $detail }). Tidak ada yang ditulis.
hr-error-cancelled = Dibatalkan: { $written } dari { $total } berkas sudah ditulis utuh.
hr-error-no-learner = Tidak ada peserta { $what } dengan catatan yang sah.
hr-error-no-module = Modul { $module } tidak ada di konten yang dimuat di komputer ini.
hr-error-no-pass = { $name } belum lulus ujian akhir modul { $module } dengan catatan yang sah (catatan yang dibatalkan atau tidak terverifikasi tidak dihitung).
hr-error-no-attempt = Tidak ada catatan ujian { $attempt }.
hr-error-not-verified = Catatan ini tidak terverifikasi ({ $status }); sertifikat tidak dibuat.
hr-error-voided = Catatan ini sudah dibatalkan oleh HR; sertifikat tidak dibuat.
hr-error-not-a-pass = Catatan ini bukan ujian akhir yang lulus; sertifikat tidak dibuat.
hr-error-pdf = Tidak dapat membuat PDF: { $detail }
hr-error-pdf-unreadable = { $path } tidak dapat dibaca sebagai PDF: { $detail }
hr-error-no-payload = { $path } tidak memuat data sertifikat latih-asn yang dapat dibaca (bukan sertifikat, atau disimpan ulang oleh program lain). Periksa kode verifikasi atau kode QR-nya.

cli-cert-need-module = Sebutkan modulnya: --module ID (mis. asn).
cli-cert-need-who = Sebutkan satu peserta (--nip NIP --module ID) atau satu unit (--unit "Nama unit").
cli-cert-made = Sertifikat { $name } ditulis ke { $path } (nomor { $number }, kode verifikasi { $code }).
cli-cert-batch = { $count } sertifikat ditulis ke { $path }.
cli-cert-none = Belum ada peserta di unit { $unit } yang lulus ujian akhir dengan catatan yang sah.
cli-cert-holder = { $name } (NIP { $nip }), modul { $module }, lulus { $date }, nilai { $score }
cli-cert-valid = Kode { $code } sah: catatan ujiannya terverifikasi dan tidak dibatalkan.
cli-cert-voided = Kode { $code } milik catatan yang sudah DIBATALKAN oleh HR ({ $reason }; oleh { $by }, { $date }). Sertifikatnya tidak berlaku.
cli-cert-not-verified = Kode { $code } milik catatan yang TIDAK terverifikasi lagi ({ $status }). Sertifikatnya tidak berlaku.
cli-cert-not-a-pass = Kode { $code } milik catatan yang bukan ujian akhir yang lulus. Tidak ada sertifikat yang sah dengan kode ini.
cli-cert-unknown = Kode { $code } tidak cocok dengan catatan mana pun di komputer ini (kode dari kantor HR lain, atau dikarang).
cli-cert-not-a-code = "{ $what }" bukan kode verifikasi (XXXXX-XXXXX) dan bukan berkas PDF.
cli-cert-payload-genuine = Tanda tangan di sertifikat ini sah: dibuat oleh otoritas HR komputer ini dan tidak diubah.
cli-cert-payload-other = Sertifikat ini ditandatangani oleh otoritas HR lain ({ $fingerprint }), bukan otoritas komputer ini.
cli-cert-payload-forged = Tanda tangan di sertifikat ini TIDAK cocok: isinya diubah setelah ditandatangani. Sertifikat tidak sah.
cli-cert-payload-malformed = Isi sertifikat di berkas ini rusak atau bukan sertifikat latih-asn.
cli-cert-setting-instansi = Instansi
cli-cert-setting-signer-name = Penanda tangan
cli-cert-setting-signer-title = Jabatan
cli-cert-setting-signer-nip = NIP penanda tangan
cli-cert-setting-organiser = Penyelenggara
cli-cert-setting-jp-target = Target JP per tahun
cli-cert-jp-format = Nama berkas harus berakhiran .csv atau .xlsx.
cli-cert-jp-year = Tahun { $year } tidak masuk akal.
cli-cert-jp-written = { $rows } baris ({ $jp } JP) tahun { $year } ditulis ke { $path }.
