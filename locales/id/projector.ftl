# Layar proyektor pelatih: mode presentasi (slide) dan kuis ruangan.
projector-module-label = Modul { $n } dari { $total }
projector-lesson-label = { $module } · Materi { $n } dari { $total }
projector-point-label = { $lesson } · Poin { $n } dari { $total }
projector-closing-label = Penutup
projector-closing-heading = Terima kasih
projector-closing-body = Ada pertanyaan? Mari kita diskusikan bersama.
projector-counter = { $n } / { $total }
projector-room-label = Kuis ruangan · { $module } · Soal { $n } dari { $total }
projector-room-think = Baca soalnya dan pikirkan jawaban Anda. Pilihan jawaban menyusul.
projector-room-raise = Angkat kartu jawaban Anda: A sampai { $last }.
projector-room-discuss = Jawaban dan pembahasan
projector-room-done = Kuis ruangan selesai. Terima kasih atas partisipasinya.
projector-room-cards = Jumlah kartu
projector-room-summary = Hasil kuis ruangan
projector-room-question = Soal { $n }
projector-room-right = { $percent }% benar
projector-room-not-counted = tidak dihitung
