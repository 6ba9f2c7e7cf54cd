## Exports for HR (CSV, Excel, xAPI)

records-export-xlsx = Ekspor Excel (.xlsx)
xlsx-sheet-attempts = Percobaan
xlsx-sheet-summary = Ringkasan
export-error-write = Tidak dapat menulis { $path }: { $detail }
export-error-workbook = Berkas Excel { $path } tidak dapat dibuat: { $detail }
csv-content = Konten
csv-content-app = aplikasi { $version }
csv-content-pack = paket { $id } { $version } ({ $hash })
