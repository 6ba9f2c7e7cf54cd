//! The empty list HR fills in when it has no export of its own: the header the import reads,
//! in a CSV Excel opens correctly or in a workbook whose NIP column keeps all 18 digits.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::RosterError;

/// The template's header, in the file's language (Indonesian, as HR's own files are).
pub const TEMPLATE_HEADER: [&str; 4] = ["NIP", "Nama", "Unit Kerja", "Jabatan"];

/// Column widths of the workbook, in Excel's character units.
const WIDTHS: [f64; 4] = [22.0, 36.0, 36.0, 30.0];

/// Writes an empty template at `path`: `.csv` (UTF-8 with BOM so Excel reads the accents, `;`
/// as Excel expects on Indonesian Windows) or `.xlsx` (the NIP column formatted as Text), by
/// the extension. Atomic: an existing file is replaced whole or not at all.
pub fn write_template(path: &Path) -> Result<(), RosterError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = match extension.as_str() {
        "csv" => format!("\u{feff}{}\r\n", TEMPLATE_HEADER.join(";")).into_bytes(),
        "xlsx" => workbook().map_err(|error| RosterError::write(path, error))?,
        _ => {
            return Err(RosterError::TemplateKind {
                path: path.to_owned(),
            });
        }
    };
    crate::records::write_atomic(path, &bytes).map_err(|error| RosterError::write(path, error))
}

fn workbook() -> Result<Vec<u8>, XlsxError> {
    let bold = Format::new().set_bold();
    // "@" is Excel's Text format: a NIP typed or pasted into the column stays 18 digits.
    let text = Format::new().set_num_format("@");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Pegawai")?;
    for ((col, title), width) in (0u16..).zip(TEMPLATE_HEADER).zip(WIDTHS) {
        sheet.write_string_with_format(0, col, title, &bold)?;
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_format(0, &text)?;
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}
