# Daftar pegawai: impor dari CSV atau Excel, pratinjau, templat.

roster-column-nip = NIP
roster-column-name = Nama
roster-column-unit = Unit Kerja
roster-column-position = Jabatan

roster-error-read = Gagal membaca { $path }: { $detail }
roster-error-too-large = Berkas berukuran { $size }, melebihi batas { $limit }; berkas tidak dibaca. Daftar pegawai biasanya jauh lebih kecil: periksa apakah berkas yang dipilih sudah benar.
roster-error-not-spreadsheet = Ini bukan berkas CSV atau Excel (.xlsx). Simpan daftar pegawai dari Excel sebagai .xlsx atau CSV, lalu impor lagi.
roster-error-old-excel = Ini buku kerja Excel lama (.xls) atau buku kerja yang dilindungi kata sandi. Buka di Excel, simpan sebagai .xlsx tanpa kata sandi (atau CSV), lalu impor lagi.
roster-error-workbook = Buku kerja Excel ini tidak dapat dibaca: { $detail }
roster-error-columns = Kolom { $missing } tidak ditemukan di 10 baris pertama. Kolom yang ada: { $found }. Beri judul kolom NIP, Nama dan Unit Kerja (lihat templat: roster template).
roster-error-columns-empty = Berkas ini kosong: kolom { $missing } tidak ditemukan. Beri judul kolom NIP, Nama dan Unit Kerja (lihat templat: roster template).
roster-error-newer = Daftar pegawai { $path } dibuat oleh versi aplikasi yang lebih baru (format { $format }). Berkas tidak diubah; perbarui aplikasi ini.
roster-error-damaged = Daftar pegawai { $path } rusak dan tidak dibaca: { $detail }. Berkas tidak diubah; pulihkan dari cadangan atau pindahkan berkas itu, lalu impor lagi.
roster-error-changed = Daftar pegawai diubah oleh impor lain sejak dibuka; tidak ada yang disimpan. Buka lagi dan ulangi impor.
roster-error-write = Gagal menyimpan { $path }: { $detail }
roster-error-template-kind = Templat harus berakhiran .csv atau .xlsx: { $path }

roster-bad-no-nip = NIP kosong
roster-bad-number = NIP tersimpan sebagai angka sehingga digit terakhirnya hilang; format kolom NIP sebagai Teks lalu ketik ulang NIP
roster-bad-duplicate = NIP yang sama sudah ada di baris { $line }
roster-bad-no-name = nama kosong
roster-bad-no-unit = unit kerja kosong

roster-cli-columns = Judul kolom di baris { $line }: { $columns }
roster-cli-columns-sheet = Lembar "{ $sheet }", judul kolom di baris { $line }: { $columns }
roster-cli-counts = Ditambah: { $add }, diubah: { $change }, dihapus: { $remove }, tetap: { $unchanged }, baris bermasalah: { $bad }
roster-cli-change = ~ { $old } → { $new }
roster-cli-remove = - { $who }
roster-cli-held = { $count } pegawai tidak ada di berkas tetapi tidak dihapus, karena ada baris yang NIP-nya tidak terbaca atau berkas tidak berisi pegawai. Perbaiki berkas dan impor lagi untuk menghapus mereka.
roster-cli-bad-row = Baris { $line }: { $reason }
roster-cli-bad-row-nip = Baris { $line } (NIP { $nip }): { $reason }
roster-cli-nothing-to-change = Daftar pegawai sudah sesuai dengan berkas ini.
roster-cli-not-applied = Belum ada yang diubah. Untuk menerapkan: latih-asn roster import "{ $file }" --yes
roster-cli-applied = Daftar pegawai disimpan: { $count } pegawai di { $units } unit kerja.
roster-cli-empty = Daftar pegawai belum ada. Impor dengan: latih-asn roster import BERKAS (templat: latih-asn roster template --out pegawai.xlsx)
roster-cli-show-count = { $count } pegawai di { $units } unit kerja.
roster-cli-show-unit = { $unit }: { $count }
roster-cli-show-history = Riwayat impor:
roster-cli-show-import = { $at } { $source }: +{ $add } ~{ $change } -{ $remove }, baris bermasalah { $bad }
roster-cli-template-written = Templat ditulis: { $file }
