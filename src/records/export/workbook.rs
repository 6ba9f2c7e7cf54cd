//! Excel workbooks, written with `rust_xlsxwriter`.

use std::io::Write;

use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};

use crate::i18n;
use crate::lang::Lang;
use crate::records::summary::Summary;

use super::Records;
use super::table::{
    ATTEMPT_COLUMNS, Cell, Labels, SUMMARY_COLUMNS, attempt_rows, header, summary_rows,
};

/// Column widths stay within these bounds (in Excel's character units).
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// An Excel workbook: the attempts on the first sheet, the learner × module summary on the
/// second, each with a bold, frozen header row, a filter and columns as wide as their content.
/// NIPs are text cells (all 18 digits); numbers are numbers. Rows are streamed to a temporary
/// file, so memory stays flat with many records.
pub fn xlsx<W: Write + Send>(
    out: W,
    records: &Records<'_>,
    summary: &Summary,
    lang: Lang,
) -> Result<(), XlsxError> {
    let labels = Labels::new(lang);
    let bold = CellFormat::new().set_bold();
    // "@" is Excel's text format: a NIP edited in Excel stays text.
    let text = CellFormat::new().set_num_format("@");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(i18n::tr(lang, "xlsx-sheet-attempts"))?;
    write_sheet(
        sheet,
        &header(lang, &ATTEMPT_COLUMNS),
        attempt_rows(
            records.learners,
            records.attempts,
            records.verification,
            &labels,
        ),
        &bold,
        &text,
    )?;
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(i18n::tr(lang, "xlsx-sheet-summary"))?;
    write_sheet(
        sheet,
        &header(lang, &SUMMARY_COLUMNS),
        summary_rows(records.learners, summary, &labels),
        &bold,
        &text,
    )?;
    workbook.save_to_writer(out)
}

fn write_sheet<'a, const N: usize>(
    sheet: &mut Worksheet,
    header: &[String],
    rows: impl Iterator<Item = [Cell<'a>; N]>,
    bold: &CellFormat,
    text: &CellFormat,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (col, title) in (0u16..).zip(header) {
        sheet.write_string_with_format(0, col, title, bold)?;
    }
    let mut last_row = 0;
    for (row, cells) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(&cells) {
            let shown = match cell {
                Cell::Text(value) => {
                    sheet.write_string(row, col, value.as_ref())?;
                    value.chars().count()
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col, f64::from(*n))?;
                    n.to_string().len()
                }
                Cell::Decimal { value, places } => {
                    sheet.write_number(row, col, *value)?;
                    format!("{value:.places$}").len()
                }
                Cell::Nip(nip) => {
                    sheet.write_string_with_format(row, col, *nip, text)?;
                    nip.len()
                }
                Cell::Empty => 0,
            };
            if let Some(width) = widths.get_mut(usize::from(col)) {
                *width = (*width).max(shown);
            }
        }
        last_row = row;
    }
    for (col, width) in (0u16..).zip(widths) {
        let width = u16::try_from((width + 2).clamp(MIN_WIDTH, MAX_WIDTH)).unwrap_or(60);
        sheet.set_column_width(col, f64::from(width))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(header.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}
