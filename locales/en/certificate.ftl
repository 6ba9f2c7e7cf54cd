# Certificates, HR settings and the JP report (src/hr/).

cert-title = CERTIFICATE
cert-number = Number: { $number }
cert-given-to = is awarded to
cert-nip = NIP { $nip }
cert-unit = Unit: { $unit }
cert-passed = who has passed the e-learning course
cert-detail = on { $date } with a score of { $score }, equal to { $jp } JP (lesson hours of 45 minutes)
cert-organiser = organised by { $organiser }
cert-code-label = Verification code
cert-check-hint = Check it: scan the QR code, or run "latih-asn certificate check { $code }" on the HR office's PC.
cert-pdf-title = Certificate of { $name }: { $module }
cert-month-1 = January
cert-month-2 = February
cert-month-3 = March
cert-month-4 = April
cert-month-5 = May
cert-month-6 = June
cert-month-7 = July
cert-month-8 = August
cert-month-9 = September
cert-month-10 = October
cert-month-11 = November
cert-month-12 = December

jp-kind-elearning = E-Learning
jp-sheet = JP
jp-col-nip = NIP
jp-col-name = Name
jp-col-kind = Type
jp-col-training = Training
jp-col-organiser = Organiser
jp-col-start = Start date
jp-col-end = End date
jp-col-jp = JP
jp-col-number = Certificate number

hr-error-settings-damaged = The HR settings in { $path } are damaged ({ $detail }). The file is left as it is; fix or move it first, then save again.
hr-error-settings-newer = The HR settings in { $path } were written by a newer version of the app (format { $version }). The file is left as it is; use that version.
hr-error-setting-invalid = { $field ->
    [instansi] Agency
    [signername] Signer's name
    [signertitle] Signer's title
    [signernip] Signer's NIP
    [organiser] Organiser
   *[jptarget] JP target
}: { $detail }
hr-setting-empty = may not be empty
hr-setting-too-long = at most { $limit } characters on one line
hr-setting-out-of-range = must be 1 to { $max }
hr-error-settings-incomplete = The certificate settings are incomplete: set the agency and the signer's name and title first (latih-asn certificate settings set …).
hr-error-no-authority = This PC has no HR authority key, so certificates cannot be signed. First run: latih-asn records authority init --name "…"
hr-error-write = Cannot write { $path }: { $detail }
hr-error-workbook = Cannot make the workbook { $path }: { $detail }
hr-error-folder-missing = The folder { $path } does not exist. Create it first; nothing was written.
hr-error-folder-read-only = The folder { $path } cannot be written to ({ $detail }). Nothing was written.
hr-error-cancelled = Cancelled: { $written } of { $total } files were written whole.
hr-error-no-learner = No participant { $what } with valid records.
hr-error-no-module = The module { $module } is not in the content loaded on this PC.
hr-error-no-pass = { $name } has no valid pass of the final test of { $module } (voided records and records that do not verify do not count).
hr-error-no-attempt = There is no test record { $attempt }.
hr-error-not-verified = This record does not verify ({ $status }); no certificate was made.
hr-error-voided = This record was voided by HR; no certificate was made.
hr-error-not-a-pass = This record is not a passed final test; no certificate was made.
hr-error-pdf = Cannot make the PDF: { $detail }
hr-error-pdf-unreadable = { $path } cannot be read as a PDF: { $detail }
hr-error-no-payload = { $path } carries no readable latih-asn certificate data (not a certificate, or saved again by another program). Check its verification code or its QR code instead.

cli-cert-need-module = Name the module: --module ID (e.g. asn).
cli-cert-need-who = Name one participant (--nip NIP --module ID) or one unit (--unit "Unit name").
cli-cert-made = Certificate of { $name } written to { $path } (number { $number }, verification code { $code }).
cli-cert-batch = { $count ->
    [one] 1 certificate
   *[other] { $count } certificates
} written to { $path }.
cli-cert-none = Nobody in the unit { $unit } has passed a final test with valid records yet.
cli-cert-holder = { $name } (NIP { $nip }), module { $module }, passed { $date }, score { $score }
cli-cert-valid = Code { $code } is valid: its test record verifies and is not voided.
cli-cert-voided = Code { $code } belongs to a record VOIDED by HR ({ $reason }; by { $by }, { $date }). The certificate no longer stands.
cli-cert-not-verified = Code { $code } belongs to a record that NO LONGER verifies ({ $status }). The certificate does not stand.
cli-cert-not-a-pass = Code { $code } belongs to a record that is not a passed final test. No valid certificate carries this code.
cli-cert-unknown = Code { $code } matches no record on this PC (another HR office's code, or invented).
cli-cert-not-a-code = "{ $what }" is neither a verification code (XXXXX-XXXXX) nor a PDF file.
cli-cert-payload-genuine = The signature on this certificate is genuine: made by this PC's HR authority and unchanged.
cli-cert-payload-other = This certificate was signed by another HR authority ({ $fingerprint }), not this PC's.
cli-cert-payload-forged = The signature on this certificate does NOT match: it was changed after it was signed. Not a valid certificate.
cli-cert-payload-malformed = The certificate data in this file is damaged, or it is not a latih-asn certificate.
cli-cert-setting-instansi = Agency
cli-cert-setting-signer-name = Signer
cli-cert-setting-signer-title = Title
cli-cert-setting-signer-nip = Signer's NIP
cli-cert-setting-organiser = Organiser
cli-cert-setting-jp-target = JP target per year
cli-cert-jp-format = The file name must end in .csv or .xlsx.
cli-cert-jp-year = The year { $year } makes no sense.
cli-cert-jp-written = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
} ({ $jp } JP) of { $year } written to { $path }.
