## Exports for HR (CSV, Excel, xAPI)

records-export-xlsx = Export Excel (.xlsx)
xlsx-sheet-attempts = Attempts
xlsx-sheet-summary = Summary
export-error-write = Cannot write { $path }: { $detail }
export-error-workbook = The Excel file { $path } could not be made: { $detail }
csv-content = Content
csv-content-app = app { $version }
csv-content-pack = pack { $id } { $version } ({ $hash })
