# Trainer area: training sessions, attendance, presenter mode, pre-test and post-test, room quiz, report.
cli-import-sessions = { $count } new training sessions received.
cli-import-sessions-failed = The records were saved, but the training sessions they carried could not be saved ({ $detail }).
trainer-error-unknown-session = There is no session with code { $code } on this PC.
trainer-error-closed = This session is closed.
