# Kotak pesan saat aplikasi tidak dapat dimulai (program yang diklik ganda tidak punya konsol).
startup-error-title = latih-asn tidak dapat dibuka
startup-error-data-folder = latih-asn tidak dapat membuka folder datanya, tempat catatan belajar disimpan.

    { $problem }

    Yang perlu dilakukan: pastikan disk tidak penuh dan Anda boleh menulis ke { $folder }. Di flashdisk atau PC yang dikunci, buat folder bernama latih-asn-data di samping latih-asn.exe lalu buka aplikasi lagi. Jika tetap gagal, hubungi petugas TI dan berikan berkas log yang disebut di bawah.
startup-error-window = latih-asn tidak dapat membuka jendelanya.

    { $problem }

    Yang perlu dilakukan: nyalakan ulang PC lalu buka aplikasi lagi. Jika jendela tetap tidak terbuka, hubungi petugas TI dan berikan berkas log yang disebut di bawah.
startup-error-content = latih-asn tidak dapat membaca materi pelajaran di dalamnya: salinan program ini rusak.

    Yang perlu dilakukan: pasang ulang latih-asn. Catatan belajar Anda tetap tersimpan; catatan itu bukan bagian dari program.
startup-error-log = Rincian ada di berkas log: { $path }
startup-error-no-log = Berkas log tidak dapat ditulis.
