# The employee roster: import from CSV or Excel, preview, template.

roster-column-nip = NIP
roster-column-name = Name (Nama)
roster-column-unit = Unit (Unit Kerja)
roster-column-position = Position (Jabatan)

roster-error-read = Cannot read { $path }: { $detail }
roster-error-too-large = The file is { $size }, over the { $limit } limit; it was not read. An employee list is usually far smaller: check that this is the right file.
roster-error-not-spreadsheet = This is not a CSV or Excel (.xlsx) file. Save the employee list from Excel as .xlsx or CSV and import it again.
roster-error-old-excel = This is an old Excel workbook (.xls) or a password-protected one. Open it in Excel, save it as .xlsx without a password (or as CSV), and import it again.
roster-error-workbook = This Excel workbook cannot be read: { $detail }
roster-error-columns = No { $missing } column in the first 10 rows. Columns found: { $found }. Give the columns the headers NIP, Nama and Unit Kerja (see the template: roster template).
roster-error-columns-empty = This file is empty: no { $missing } column. Give the columns the headers NIP, Nama and Unit Kerja (see the template: roster template).
roster-error-newer = The roster { $path } was written by a newer version of the app (format { $format }). It was left as it is; update this app.
roster-error-damaged = The roster { $path } is damaged and was not read: { $detail }. It was left as it is; restore it from a backup or move it away, then import again.
roster-error-changed = The roster was changed by another import since it was opened; nothing was saved. Open it again and repeat the import.
roster-error-write = Cannot save { $path }: { $detail }
roster-error-template-kind = A template must end in .csv or .xlsx: { $path }

roster-bad-no-nip = the NIP is empty
roster-bad-number = stored as a number; format the NIP column as Text and type the NIP again (its last digits are lost)
roster-bad-duplicate = the same NIP is already on line { $line }
roster-bad-no-name = the name is empty
roster-bad-no-unit = the unit is empty

roster-cli-columns = Header on line { $line }: { $columns }
roster-cli-columns-sheet = Sheet "{ $sheet }", header on line { $line }: { $columns }
roster-cli-counts = Added: { $add }, changed: { $change }, removed: { $remove }, unchanged: { $unchanged }, bad rows: { $bad }
roster-cli-change = ~ { $old } → { $new }
roster-cli-remove = - { $who }
roster-cli-held = { $count } employees are absent from the file but are kept, because some rows have a NIP that cannot be read or the file holds nobody. Fix the file and import it again to remove them.
roster-cli-bad-row = Line { $line }: { $reason }
roster-cli-bad-row-nip = Line { $line } (NIP { $nip }): { $reason }
roster-cli-nothing-to-change = The roster already matches this file.
roster-cli-not-applied = Nothing was changed. To apply: latih-asn roster import "{ $file }" --yes
roster-cli-applied = Roster saved: { $count } employees in { $units } units.
roster-cli-empty = There is no roster yet. Import one with: latih-asn roster import FILE (template: latih-asn roster template --out pegawai.xlsx)
roster-cli-show-count = { $count } employees in { $units } units.
roster-cli-show-unit = { $unit }: { $count }
roster-cli-show-history = Imports:
roster-cli-show-import = { $at } { $source }: +{ $add } ~{ $change } -{ $remove }, bad rows { $bad }
roster-cli-template-written = Template written: { $file }
