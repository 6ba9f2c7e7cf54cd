app-name = latih-asn
app-title = latih-asn: ASN Neutrality and Anti-Corruption Training

common-back = ‹ Back
common-cancel = Cancel
common-dismiss = Dismiss

nav-home = Home
nav-switch-profile = Switch profile
nav-settings = Settings

## Profile
profile-pick-title = Who is learning today?
profile-pick-hint = Pick your profile. Several participants can share this computer.
profile-new = + Create a new profile
profile-new-title = New participant profile
profile-new-hint = This data stays on this computer and is used for your training records.
profile-name = Full name
profile-name-hint = e.g. Siti Aminah, S.E.
profile-nip = NIP (18 digits)
profile-nip-hint = e.g. 19800101 200501 2 001
profile-without-nip = I have no NIP (honorary staff or guest)
profile-without-nip-badge = No NIP
profile-unit = Work unit
profile-unit-hint = e.g. General Affairs, Regional Secretariat
profile-instansi = Agency
profile-instansi-hint = e.g. Mesuji Regency Government
profile-save = Save profile
profile-error-name = Full name is required.
profile-error-unit = Work unit is required.
profile-error-instansi = Agency is required.
profile-error-nip = The NIP is required. If you have no NIP, tick the box above.
profile-error-duplicate = A profile with this NIP already exists on this computer.
profile-duplicate-named = This NIP already belongs to the profile of { $name } on this computer. If that is your profile, use it.
profile-duplicate-other = This NIP already belongs to another profile on this computer ({ $name }). Check the NIP you typed.
profile-use-existing = Use that profile
profile-edit = Edit details
profile-edit-title = Edit profile details
profile-edit-hint = Correct the name, NIP, work unit or agency. Quizzes already finished stay recorded with the details they were taken under.
profile-save-changes = Save changes
profile-remove = Remove from list
profile-remove-title = Remove this profile from the list?
profile-remove-body = This profile will no longer appear in this computer's list. Its learning records and quiz results are not deleted: they stay on this computer and are still sent to the personnel office.
profile-remove-undo = The profile can be put back on the list at any time.
profile-remove-confirm = Yes, remove from the list
profile-hidden-show = { $count ->
    [one] Show the profile removed from the list
   *[other] Show the { $count } profiles removed from the list
}
profile-hidden-hide = Hide the profiles removed from the list
profile-hidden-hint = These profiles are not on the list, but their records are kept.
profile-restore = Put back on the list

nip-error-length = { $count ->
    [one] A NIP has 18 digits; you typed { $count } digit.
   *[other] A NIP has 18 digits; you typed { $count } digits.
}
nip-error-digits = A NIP may contain only digits (spaces are fine).
nip-error-birth = Digits 1 to 8 of the NIP must be a valid birth date: year, month, then day (e.g. 19800101 for 1 January 1980).
nip-error-tmt = Digits 9 to 14 of the NIP must be a valid year and month of appointment (TMT, the date the appointment took effect), e.g. 200501 for January 2005.
nip-error-tmt-range = The year and month of appointment (TMT) in the NIP (digits 9 to 14) must be after age 18 and not in the future.
nip-error-gender = Digit 15 of the NIP (gender) must be 1 (male) or 2 (female).
nip-error-sequence = The last three digits of the NIP (sequence number) cannot be 000.

## Home
home-greeting = Welcome, { $name }
home-hint = Pick a module. Read the lessons, try the practice quiz, then take the final test to pass.
home-edit-profile = Edit profile details
home-lessons-read = { $read } of { $total } lessons read
home-best-score = Best test score: { $score }%
home-no-score = No test taken yet
home-open-module = Open module ›
status-not-started = Not started
status-in-progress = In progress
status-passed = Passed

## Module
module-checked = Valid as of { $date } (check again against the official text at JDIH)
module-objectives = Learning objectives
module-lessons = Lessons
module-start-reading = Start reading
module-continue = Continue reading
module-practice = Practice
module-exam = Final test
module-unfinished = Your final test is not finished: { $answered } of { $total } questions are answered and saved.
module-resume = Continue the test
module-quiz-info = A quiz has { $count } questions. Pass mark for the test: { $mark }. Practice explains every answer; the test explains at the end.
module-attempts = Quiz history
mode-practice = Practice
mode-exam = Final test

## Lesson
lesson-position = Lesson { $n } of { $total }
lesson-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
lesson-state-read = Read
lesson-state-unread = Not read yet
lesson-key-points = Key points
lesson-previous = ‹ Previous
lesson-next = Next ›
lesson-finish = Finish reading
lesson-back-to-quiz = ‹ Back to the quiz
lesson-back-to-review = ‹ Back to the results
lesson-keys-hint = Keyboard: left/right arrows to change lesson, Esc to go back.

## Quiz
quiz-position = Question { $n } of { $total }
quiz-hint-single = Choose one answer.
quiz-hint-multiple = Choose every right answer (there can be more than one).
quiz-hint-true-false = Is this statement true or false?
quiz-confirm = Answer
quiz-confirm-exam = Save answer and continue
quiz-next = Next ›
quiz-quit = Leave the quiz
quiz-leave-title = Leave the test?
quiz-leave-body = { $answered } of { $total } of your answers are saved. You can continue this test later from the module page, also after the app is closed.
quiz-leave-body-lost = { $answered } of { $total } questions are answered. If you leave now, these answers are not saved.
quiz-leave-stay = Continue the test
quiz-leave-go = Leave, continue later
quiz-right = Right
quiz-wrong = Not quite
quiz-correct-answer = Right answer
quiz-your-answer = Your answer
quiz-your-right-answer = Your answer, right
quiz-other-option = Other option
cite-legal-basis = Legal basis
cite-source = Source
quiz-study-again = Study again: { $lesson }
quiz-keys-hint = Keyboard: press 1–6 or A–F to choose, Enter to answer or continue.
quiz-empty = This module has no questions yet.

## Result
result-passed = Passed
result-not-passed = Not passed yet
result-practice-done = Practice finished
result-practice-note = Practice does not count towards passing. The pass mark of this module's exam: { $mark }%.
result-score = Score { $score }% ({ $correct } of { $total } right)
result-score-short = Score { $score }%
result-pass-mark = Pass mark for this module: { $mark }%
result-back = ‹ Back to the module
result-retry = Take the quiz again
result-review = Every question explained
result-question-n = Question { $n }
result-your-answer = Your answer:
result-right-answer = Right answer:
result-no-answer = (not answered)
result-question-missing = This question is no longer in the installed content.

## Settings
settings-title = Settings
settings-language = Language
settings-language-id = Bahasa Indonesia
settings-language-en = English
settings-theme = Appearance
settings-theme-light = Light
settings-theme-dark = Dark
settings-theme-contrast = High contrast
settings-text-size = Text size
settings-data-dir = Data folder
settings-data-dir-hint = Profiles, progress and quiz results are kept in this folder, on this computer only.

## Citations
citation-pasal = Article { $pasal }
citation-ayat = ({ $ayat })
citation-huruf = ({ $huruf })
citation-angka = { " " }point { $angka }
citation-penjelasan = Elucidation of { $article }

## Notices and errors
notice-quarantined = The file { $file } is damaged and cannot be read. It was moved to { $to } (not deleted); everything else loaded as usual.
notice-newer = The file { $file } was made by a newer version of the app (format { $version }). It was left unchanged; update the app to read it.
notice-stuck = The file { $file } is damaged and could not be moved aside: { $detail }
notice-pack-refused = Content pack "{ $pack }" was refused and not loaded: { $detail }
error-save = Could not save { $path }: { $detail }. The earlier data is unchanged.
error-encode = Could not prepare data for saving: { $detail }
error-no-data-dir = No data folder was found. Run with --data-dir FOLDER.
error-module-missing = This module is no longer available.

## Content errors
content-error = { $location }: { $detail }
content-error-missing-file = the file is missing
content-error-unreadable = the file cannot be read ({ $detail })
content-error-syntax = RON syntax error: { $detail }
content-error-version = format version { $version } is not supported
content-error-duplicate = the id { $id } is used more than once
content-error-reference = { $id } refers to { $reference }, which does not exist
content-error-answer-key = the answer key of question { $id } is invalid: { $detail }
content-error-no-citation = { $id } has no legal basis
content-error-missing-translation = { $id } has no { $lang } translation
content-error-extra-translation = { $id } is in the { $lang } file but not in the main file
content-error-option-count = question { $id } has a different number of options in { $lang }
content-error-empty-text = { $id } has empty text in { $lang }
content-error-lesson-untested = lesson { $id } is not tested by any question
content-error-review-lesson = question { $id } sends the learner to lesson { $lesson } to study again, but that lesson cites none of the articles the question cites
content-error-form-gap = objective { $id } has no question in form { $form }
content-error-date = the date { $detail } is invalid (use YYYY-MM-DD)
content-error-empty-module = module { $id } has no lessons or no questions

## Command line
cli-content-ok = Content is valid: { $modules } modules, { $questions } questions.
cli-content-errors = { $count ->
    [one] { $count } error found; the content is refused.
   *[other] { $count } errors found; the content is refused.
}

## Content packs
pack-title = Content packs
pack-hint = A content pack adds modules (for example new rules) without reinstalling the app. Type the pack's folder, then Import. The pack is checked first; a broken pack is refused and changes nothing.
pack-none = No content pack installed yet.
pack-installed-module = { $module } (pack { $pack })
pack-path-hint = Pack folder, e.g. E:\content-pack-2026
pack-import = Import pack
pack-import-ok = Pack "{ $pack }" installed. Its modules are now on the home screen.
pack-import-refused = The pack was refused. Nothing changed. The reasons:
pack-more-errors = { $count ->
    [one] … and { $count } more error (check with: latih-asn content check FOLDER)
   *[other] … and { $count } more errors (check with: latih-asn content check FOLDER)
}
pack-not-a-folder = { $path } is not a folder.
settings-open-data-dir = Open the data folder
error-open-folder = The data folder could not be opened automatically. Open it by hand: { $path }

## Records: verification, bundles, exports
verify-valid = valid
verify-edited = edited after it was written
verify-unknown-key = unknown device key
verify-broken-chain = chain order broken
verify-unsigned = unsigned (old format)
bundle-error-unreadable = the file cannot be read: { $detail }
bundle-error-damaged = the file is damaged or incomplete: { $detail }
bundle-error-newer = the file was made by a newer version of the app (format { $version }); update the app
bundle-error-checksum = the contents do not match their checksum: the file was changed
bundle-error-signature = the signature does not match: the file was changed or is not from the device it names
csv-attempt = Attempt ID
csv-name = Name
csv-nip = NIP
csv-unit = Work unit
csv-instansi = Agency
csv-module = Module
csv-mode = Type
csv-started = Started
csv-finished = Finished
csv-score = Score (%)
csv-correct = Right
csv-total = Questions
csv-pass-mark = Pass mark
csv-passed = Passed
csv-verification = Verification
csv-exams = Valid tests
csv-best = Best test score
csv-last = Last
csv-flagged = Records that do not verify
csv-yes = yes
csv-no = no
cli-import-ok = { $file }: { $added } attempts and { $learners } learners added, { $present } already present, { $conflicts } conflicts.
cli-import-refused = { $file } refused, nothing changed: { $detail }
cli-export-ok = Written: { $file }
cli-export-failed = Export failed: { $detail }
cli-verify-missing = Device { $device }: attempts number { $sequences } are missing from the chain.
cli-verify-total = { $valid } of { $total } attempts are valid.
cli-summary-learners = Learners
cli-summary-total = { $attempts } attempts, { $flagged } do not verify (not counted).
records-title = Training records for HR
records-hint = Save this computer's training records to one file, then take that file (on a USB stick, for example) to HR/BKD. The file is signed by this computer, so records that were changed are refused. The first time HR receives records from this computer, HR compares the fingerprint below.
records-export-bundle = Save records for HR
records-export-csv = Export CSV
records-export-xapi = Export xAPI
records-path-hint = Bundle file or folder, e.g. E:\
records-written = Written: { $file }
records-none-found = No bundle files in { $path }.
cli-not-found = Not found: { $what }
cli-correction-needs-reason = A correction needs --reason and --by (who decided).
cli-correction-saved = Correction saved as new record { $id }; the earlier records are unchanged.
verify-voided = voided (correction)
settings-pick-folder = Choose a folder…
settings-export-folder = Choose where exports go…
settings-export-folder-default = Exports are saved in the data folder (exports subfolder).
settings-export-folder-chosen = Exports are saved in: { $path }
