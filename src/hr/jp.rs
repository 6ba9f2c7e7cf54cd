//! Jam pelajaran (JP) per employee and year: the rows a staff system (SIASN-style "riwayat
//! pengembangan kompetensi") takes, as CSV or Excel, and the totals against HR's yearly target
//! for the screen.
//!
//! **What counts.** The same passes that earn a certificate ([`super::certificate::first_passes`]):
//! a learner's first valid, non-voided passed final test of each module, credited with the
//! module's JP ([`crate::content::Module::jp`]) in the year it was passed (WIB). Passing the same
//! module again adds nothing. **Waivers count no JP**: a waiver says a module is not required of
//! someone, not that they trained; counting it would credit hours nobody spent. Passes of a
//! module that is not loaded here (a pack since removed) are left out: its JP is unknown.
//!
//! **Who is in the export.** Only people with a NIP: a staff system keys every row by NIP, and a
//! row without one would only be refused there. People without NIP still appear in
//! [`jp_per_person`].
//!
//! The CSV follows the conventions of the records exports (see [`crate::records::export`]):
//! UTF-8 with a BOM, `;` between cells, ISO 8601 dates, NIPs as `="…"`, text that could run as
//! a formula neutralised with a `'`. The `.xlsx` has the same columns, NIPs as text cells.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format as CellFormat, Workbook, XlsxError};
use uuid::Uuid;

use super::certificate::{code, day_of, first_passes};
use crate::content::Catalog;
use crate::hr::error::HrError;
use crate::hr::settings::HrSettings;
use crate::i18n;
use crate::lang::Lang;
use crate::records::export::Records;
use crate::records::export::csv_file::{csv_error, csv_nip, csv_writer, neutralise};

/// One training of one employee, as a staff system takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JpRow {
    pub learner: Uuid,
    pub nip: String,
    pub name: String,
    /// Jenis pengembangan kompetensi ("E-Learning").
    pub kind: String,
    /// Nama pelatihan: the module's title in the chosen language.
    pub training: String,
    /// Penyelenggara ([`HrSettings::organiser`]).
    pub organiser: String,
    /// Tanggal mulai: the day the learner first started the module.
    pub start: NaiveDate,
    /// Tanggal selesai: the day the final test was passed.
    pub end: NaiveDate,
    pub jp: u32,
    /// Nomor sertifikat, as on the certificate.
    pub number: String,
}

/// One employee's JP in a year, against HR's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonJp {
    pub learner: Uuid,
    pub nip: Option<String>,
    pub name: String,
    pub unit: String,
    pub jp: u32,
    pub target: u32,
}

impl PersonJp {
    pub fn reached(&self) -> bool {
        self.jp >= self.target
    }
}

/// The export's rows for `year`, by name and NIP, then by date.
pub fn jp_rows(
    records: &Records<'_>,
    catalog: &Catalog,
    settings: &HrSettings,
    year: i32,
    lang: Lang,
) -> Vec<JpRow> {
    let people: std::collections::HashMap<Uuid, &crate::records::Learner> =
        records.learners.iter().map(|l| (l.id, l)).collect();
    let kind = i18n::tr(lang, "jp-kind-elearning");
    let mut rows: Vec<JpRow> = first_passes(records)
        .into_values()
        .filter_map(|pass| {
            let attempt = pass.attempt;
            let end = day_of(attempt.finished);
            if end.year() != year {
                return None;
            }
            let module = catalog.module(&attempt.module)?;
            let person = people.get(&attempt.learner);
            let signed = attempt.taken_by.as_deref();
            let nip = person
                .map(|l| l.nip.clone())
                .or_else(|| signed.map(|info| info.nip.clone()))
                .flatten()?;
            let name = person
                .map(|l| l.name.clone())
                .or_else(|| signed.map(|info| info.name.clone()))
                .unwrap_or_default();
            Some(JpRow {
                learner: attempt.learner,
                nip: nip.as_str().to_owned(),
                name,
                kind: kind.clone(),
                training: module.title.get(lang).clone(),
                organiser: settings.organiser().to_owned(),
                start: day_of(pass.started),
                end,
                jp: module.jp(),
                number: code::number(attempt.id, &module.id, end.year()),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.name.to_lowercase(), &a.nip, a.end, &a.number).cmp(&(
            b.name.to_lowercase(),
            &b.nip,
            b.end,
            &b.number,
        ))
    });
    rows
}

/// Every person's JP in `year` (zero for those with no pass), by name.
pub fn jp_per_person(
    records: &Records<'_>,
    catalog: &Catalog,
    settings: &HrSettings,
    year: i32,
) -> Vec<PersonJp> {
    let mut totals: std::collections::HashMap<Uuid, u32> = std::collections::HashMap::new();
    for pass in first_passes(records).into_values() {
        let attempt = pass.attempt;
        if day_of(attempt.finished).year() != year {
            continue;
        }
        if let Some(module) = catalog.module(&attempt.module) {
            *totals.entry(attempt.learner).or_default() += module.jp();
        }
    }
    let mut people: Vec<PersonJp> = records
        .learners
        .iter()
        .map(|learner| PersonJp {
            learner: learner.id,
            nip: learner.nip.as_ref().map(|nip| nip.as_str().to_owned()),
            name: learner.name.clone(),
            unit: learner.unit.clone(),
            jp: totals.get(&learner.id).copied().unwrap_or(0),
            target: settings.jp_target,
        })
        .collect();
    people.sort_by_cached_key(|p| (p.name.to_lowercase(), p.learner));
    people
}

/// The file format of a JP export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JpFormat {
    Csv,
    Xlsx,
}

impl JpFormat {
    /// From a file name's extension (`.csv`, `.xlsx`), any case.
    pub fn from_path(path: &Path) -> Option<JpFormat> {
        let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(JpFormat::Csv),
            "xlsx" => Some(JpFormat::Xlsx),
            _ => None,
        }
    }
}

/// Column headers (Fluent keys), in the order of [`JpRow`]'s cells.
const COLUMNS: [&str; 9] = [
    "jp-col-nip",
    "jp-col-name",
    "jp-col-kind",
    "jp-col-training",
    "jp-col-organiser",
    "jp-col-start",
    "jp-col-end",
    "jp-col-jp",
    "jp-col-number",
];

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn csv(out: &mut BufWriter<File>, rows: &[JpRow], lang: Lang) -> io::Result<()> {
    let mut csv = csv_writer(out)?;
    csv.write_record(
        COLUMNS
            .iter()
            .map(|key| neutralise(&i18n::tr(lang, key)).into_owned()),
    )
    .map_err(csv_error)?;
    for row in rows {
        let cells = [
            csv_nip(&row.nip).into_owned(),
            neutralise(&row.name).into_owned(),
            neutralise(&row.kind).into_owned(),
            neutralise(&row.training).into_owned(),
            neutralise(&row.organiser).into_owned(),
            iso(row.start),
            iso(row.end),
            row.jp.to_string(),
            neutralise(&row.number).into_owned(),
        ];
        csv.write_record(&cells).map_err(csv_error)?;
    }
    csv.flush()
}

fn xlsx(out: &mut BufWriter<File>, rows: &[JpRow], lang: Lang) -> Result<(), XlsxError> {
    let bold = CellFormat::new().set_bold();
    let text = CellFormat::new().set_num_format("@");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(i18n::tr(lang, "jp-sheet"))?;
    let mut widths: Vec<usize> = Vec::new();
    for (col, key) in (0u16..).zip(COLUMNS) {
        let title = i18n::tr(lang, key);
        widths.push(title.chars().count());
        sheet.write_string_with_format(0, col, &title, &bold)?;
    }
    for (row_index, row) in (1u32..).zip(rows) {
        let texts = [
            (0, &row.nip),
            (1, &row.name),
            (2, &row.kind),
            (3, &row.training),
            (4, &row.organiser),
            (8, &row.number),
        ];
        for (col, value) in texts {
            sheet.write_string_with_format(row_index, col, value, &text)?;
            widths[usize::from(col)] = widths[usize::from(col)].max(value.chars().count());
        }
        sheet.write_string(row_index, 5, iso(row.start))?;
        sheet.write_string(row_index, 6, iso(row.end))?;
        sheet.write_number(row_index, 7, f64::from(row.jp))?;
        widths[5] = widths[5].max(10);
        widths[6] = widths[6].max(10);
    }
    for (col, width) in (0u16..).zip(widths) {
        sheet.set_column_width(
            col,
            f64::from(u16::try_from((width + 2).clamp(8, 60)).unwrap_or(60)),
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row.max(1), 8)?;
    workbook.save_to_writer(out)
}

enum Failure {
    Io(io::Error),
    Xlsx(XlsxError),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Io(error)
    }
}

impl From<XlsxError> for Failure {
    fn from(error: XlsxError) -> Self {
        match error {
            XlsxError::IoError(error) => Failure::Io(error),
            other => Failure::Xlsx(other),
        }
    }
}

/// Writes `rows` to `path` atomically (complete or absent; an older file stays until then).
pub fn write_jp(path: &Path, rows: &[JpRow], format: JpFormat, lang: Lang) -> Result<(), HrError> {
    crate::records::write_atomic_with(path, |out| -> Result<(), Failure> {
        match format {
            JpFormat::Csv => csv(out, rows, lang)?,
            JpFormat::Xlsx => xlsx(out, rows, lang)?,
        }
        Ok(())
    })
    .map_err(|failure| match failure {
        Failure::Io(error) => HrError::write(path, error),
        Failure::Xlsx(error) => HrError::Workbook {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
    })
}
