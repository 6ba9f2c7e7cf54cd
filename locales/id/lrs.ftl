## Mengirim catatan ke Learning Record Store xAPI (records push)

lrs-config-empty-endpoint = Alamat LRS kosong.
lrs-config-not-a-url = { $url } bukan alamat web. Tulis lengkap, mis. https://lrs.contoh.go.id/xAPI
lrs-config-not-http = { $url } bukan alamat http:// atau https://.
lrs-config-has-query = { $url } memuat bagian ? atau #: isikan endpoint xAPI LRS saja.
lrs-config-ends-with-statements = { $url } berakhir dengan /statements: isikan endpoint sebelumnya (…/xAPI); pernyataan dikirim ke ENDPOINT/statements.
lrs-config-empty-user = Pengguna LRS kosong.
lrs-error-no-config = LRS belum diatur. Isi di Pengaturan, atau: records push --endpoint URL --user PENGGUNA --key KUNCI --save
lrs-error-config-unreadable = Pengaturan LRS di { $path } tidak dapat dibaca ({ $detail }); tidak ada yang dikirim. Hapus dengan records push clear-config lalu atur lagi.
lrs-error-save = Pengaturan LRS tidak dapat disimpan ke { $path }: { $detail }
lrs-error-state = Catatan pengiriman ({ $path }) tidak dapat dipakai: { $detail }. Tidak ada yang dikirim.
lrs-error-state-newer = Catatan pengiriman ({ $path }) berasal dari versi aplikasi yang lebih baru (format { $version }); dibiarkan apa adanya dan tidak ada yang dikirim.
lrs-error-busy = Pengiriman lain dari folder data ini sedang berjalan; tunggu sampai selesai.
lrs-state-set-aside = Catatan pengiriman sebelumnya rusak ({ $detail }); dipindahkan ke { $path } dan semua catatan dikirim ulang. LRS menyimpan satu salinan untuk setiap catatan, jadi tidak ada yang ganda.
lrs-state-repaired = Catatan pengiriman sebelumnya ({ $path }) terpotong karena program berhenti saat menyimpannya; pernyataan dari saat itu dikirim ulang (LRS menyimpan satu salinan untuk setiap pernyataan).
lrs-trouble-timeout = LRS tidak menjawab tepat waktu
lrs-trouble-network = tidak ada sambungan ke LRS ({ $detail })
lrs-trouble-status = LRS menjawab { $status } ({ $reason })
lrs-refused = Ditolak { $id }: { $status } { $reason }
lrs-refused-conflict = Ditolak { $id }: 409, LRS sudah menyimpan pernyataan lain dengan id ini ({ $reason })
lrs-stop-cancelled = Dihentikan atas permintaan.
lrs-stop-gave-up = Tidak ada jawaban yang dapat dipakai setelah { $attempts } kali mencoba: { $trouble }.
lrs-stop-unauthorized = LRS menolak pengguna atau kunci ({ $status } { $reason }). Periksa di Pengaturan.
lrs-stop-redirected = LRS mengalihkan permintaan ({ $status } ke { $reason }): ganti endpoint dengan alamat itu.
lrs-stop-rejected = LRS menolak permintaan secara keseluruhan ({ $status } { $reason }): periksa endpoint.
lrs-stop-not-an-lrs = Jawaban yang diterima bukan jawaban LRS ({ $status } { $reason }): mungkin halaman login jaringan. Tidak ada isi kiriman ini yang dianggap tersimpan.
lrs-stop-unreachable = LRS tidak dapat dihubungi: { $detail }
lrs-stop-all-refused = LRS menolak semua pernyataan dalam satu kiriman ({ $status }): kemungkinan besar masalahnya pada LRS atau alamatnya, bukan pada tiap catatan, jadi pengiriman dihentikan.
lrs-stop-not-saved = LRS menerima satu kiriman, tetapi hal itu tidak dapat disimpan ke { $path } ({ $detail }): dihentikan agar tidak ada yang terkirim dua kali.
lrs-report = Terkirim: { $sent }; sudah terkirim sebelumnya: { $already }; ditolak: { $refused }; belum terkirim: { $remaining }.
lrs-cli-pushing = Mengirim catatan ke { $endpoint } sebagai { $user }…
lrs-cli-progress = { $sent } dari { $total } terkirim, { $refused } ditolak ({ $already } sudah terkirim sebelumnya).
lrs-cli-retrying = Gangguan: { $trouble }. Mencoba lagi dalam { $seconds } dtk (percobaan ulang { $attempt } dari { $max }).
lrs-cli-stopped = Berhenti: { $reason }
lrs-cli-complete = Semua catatan yang sah sudah ada di LRS.
lrs-cli-incomplete = Belum semua catatan ada di LRS. Jalankan records push lagi: hanya yang belum ada yang dikirim.
lrs-cli-key-in-clear = Peringatan: alamat ini memakai http:// biasa ke komputer lain; kunci dikirim tanpa enkripsi. Gunakan https:// bila LRS menyediakannya.
lrs-cli-saved = Pengaturan LRS disimpan di { $path } (hanya dapat dibaca pengguna ini).
lrs-cli-config = LRS: { $endpoint }
    Pengguna: { $user }
    Kunci: { $key }
    Pernyataan yang sudah diterima LRS: { $acknowledged }
lrs-cli-key-set = tersimpan (tidak ditampilkan)
lrs-cli-key-empty = tidak ada
lrs-cli-cleared = Pengaturan dan kunci LRS dihapus. Catatan pengiriman tetap disimpan.
