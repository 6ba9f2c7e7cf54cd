# Area Pelatih: sesi pelatihan, daftar hadir, presentasi, pre-test dan post-test, kuis ruangan, laporan.
cli-import-sessions = { $count } sesi pelatihan baru diterima.
cli-import-sessions-failed = Catatan sudah tersimpan, tetapi sesi pelatihan yang dibawa gagal disimpan ({ $detail }).
trainer-error-unknown-session = Tidak ada sesi dengan kode { $code } di komputer ini.
trainer-error-closed = Sesi ini sudah ditutup.
