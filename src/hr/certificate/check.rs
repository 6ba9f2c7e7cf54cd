//! Checking a certificate offline, three ways:
//!
//! - by its **verification code** ([`check_code`]), against the records on HR's PC: which record
//!   it belongs to and whose it is, or that it matches nothing, or that the record was voided
//!   or no longer verifies;
//! - by its **QR payload** ([`super::payload::check`], also `check_payload`), against the HR
//!   authority's public key alone: is it signed by this authority and unchanged;
//! - by its **PDF file** ([`check_pdf`]): the payload from the PDF's metadata, checked as above.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::code;
use super::payload::{self, PayloadCheck};
use crate::hr::error::HrError;
use crate::quiz::Mode;
use crate::records::export::Records;
use crate::records::{AuthorityKey, CorrectionKind, Status};

pub use super::payload::check as check_payload;

/// Whose record a code belongs to, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub attempt: Uuid,
    pub learner: Uuid,
    pub name: String,
    pub nip: Option<String>,
    pub module: String,
    /// The day the test was finished (WIB).
    pub date: NaiveDate,
    pub score: u8,
}

/// What a verification code turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckOutcome {
    /// A valid, non-voided passed final test: the certificate stands.
    Valid(Holder),
    /// The record was voided by HR: the certificate no longer stands.
    Voided {
        holder: Holder,
        reason: String,
        by: String,
        at: DateTime<Utc>,
    },
    /// The record no longer verifies (edited, from a device no longer trusted…).
    NotVerified { holder: Holder, status: Status },
    /// The record is not a passed final test (no certificate should carry its code).
    NotAPass(Holder),
    /// No record here has this code (another HR office's, or invented).
    Unknown,
    /// The text is not a verification code (`XXXXX-XXXXX`).
    NotACode,
}

/// Finds the record whose verification code under `authority` is `typed`.
pub fn check_code(typed: &str, records: &Records<'_>, authority: &AuthorityKey) -> CheckOutcome {
    let Some(wanted) = code::normalise(typed) else {
        return CheckOutcome::NotACode;
    };
    let Some(attempt) = records
        .attempts
        .iter()
        .find(|attempt| code::code(&authority.public_key, attempt.id) == wanted)
    else {
        return CheckOutcome::Unknown;
    };
    let person = records.learners.iter().find(|l| l.id == attempt.learner);
    let signed = attempt.taken_by.as_deref();
    let holder = Holder {
        attempt: attempt.id,
        learner: attempt.learner,
        name: person
            .map(|l| l.name.clone())
            .or_else(|| signed.map(|info| info.name.clone()))
            .unwrap_or_default(),
        nip: person
            .map(|l| l.nip.clone())
            .or_else(|| signed.map(|info| info.nip.clone()))
            .flatten()
            .map(|nip| nip.as_str().to_owned()),
        module: attempt.module.clone(),
        date: super::day_of(attempt.finished),
        score: attempt.score.percent(),
    };
    let void = records.verification.corrections.iter().find(
        |c| matches!(&c.kind, CorrectionKind::Void { attempt: voided } if *voided == attempt.id),
    );
    if let Some(void) = void {
        return CheckOutcome::Voided {
            holder,
            reason: void.reason.clone(),
            by: void.by.clone(),
            at: void.at,
        };
    }
    let status = records.verification.status_of(&attempt.id);
    if status != Status::Valid {
        return CheckOutcome::NotVerified { holder, status };
    }
    if attempt.mode != Mode::Exam || !attempt.passed {
        return CheckOutcome::NotAPass(holder);
    }
    CheckOutcome::Valid(holder)
}

/// The certificate payload in a PDF's metadata (its document info's subject).
///
/// Read from the file's bytes, without a general PDF parser (which would add megabytes to the
/// binary): this app writes the document info uncompressed, as `/Subject <FEFF…>` (a UTF-16 hex
/// string) or `/Subject (…)`. The last such subject that is a certificate payload counts (a
/// later revision of the file comes after the earlier one). A PDF re-saved by a program that
/// packs its objects into compressed streams has no readable payload: check its QR code or its
/// verification code instead.
pub fn payload_of_pdf(path: &Path) -> Result<String, HrError> {
    let bytes = std::fs::read(path).map_err(|error| HrError::PdfUnreadable {
        path: path.to_path_buf(),
        detail: error.to_string(),
    })?;
    if !bytes.starts_with(b"%PDF-") {
        return Err(HrError::PdfUnreadable {
            path: path.to_path_buf(),
            detail: "not a PDF file".into(),
        });
    }
    subjects(&bytes)
        .into_iter()
        .rev()
        .map(|raw| text_string(&raw))
        .find(|text| text.starts_with(payload::HEADER))
        .ok_or_else(|| HrError::NoPayload {
            path: path.to_path_buf(),
        })
}

/// The raw bytes of every `/Subject` string in `pdf`, in file order.
fn subjects(pdf: &[u8]) -> Vec<Vec<u8>> {
    const KEY: &[u8] = b"/Subject";
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = find(&pdf[at..], KEY) {
        let mut i = at + offset + KEY.len();
        at = i;
        while pdf.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match pdf.get(i) {
            Some(b'<') if pdf.get(i + 1) != Some(&b'<') => {
                if let Some(raw) = hex_string(&pdf[i + 1..]) {
                    found.push(raw);
                }
            }
            Some(b'(') => {
                if let Some(raw) = literal_string(&pdf[i + 1..]) {
                    found.push(raw);
                }
            }
            _ => {}
        }
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A hex string's bytes, up to its `>` (whitespace ignored, an odd last digit padded with 0).
fn hex_string(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut digits = Vec::new();
    for byte in bytes {
        match byte {
            b'>' => {
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                return Some(
                    digits
                        .chunks(2)
                        .map(|pair| pair[0] << 4 | pair[1])
                        .collect(),
                );
            }
            b if b.is_ascii_whitespace() => {}
            b => digits.push(
                char::from(*b)
                    .to_digit(16)
                    .and_then(|d| u8::try_from(d).ok())?,
            ),
        }
    }
    None
}

/// A literal string's bytes, up to its closing `)`: nested parentheses, and the escapes
/// `\n \r \t \b \f \( \) \\`, octal `\ddd` and a backslash before a line break.
fn literal_string(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        i += 1;
        match byte {
            b'\\' => {
                let escaped = *bytes.get(i)?;
                i += 1;
                match escaped {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut value = u32::from(escaped - b'0');
                        for _ in 0..2 {
                            match bytes.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(u8::try_from(value & 0xFF).unwrap_or(0));
                    }
                    b'\r' => {
                        if bytes.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(byte);
            }
            b')' if depth == 0 => return Some(out),
            b')' => {
                depth -= 1;
                out.push(byte);
            }
            other => out.push(other),
        }
    }
    None
}

/// A PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding (ASCII and Latin-1
/// for everything a payload holds outside names, which then come as UTF-16).
fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// Reads the payload from a certificate PDF and checks it against `authority`.
pub fn check_pdf(path: &Path, authority: &AuthorityKey) -> Result<PayloadCheck, HrError> {
    Ok(payload::check(&payload_of_pdf(path)?, authority))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_read_as_hex_or_literal_strings_last_one_last() {
        let pdf = b"%PDF-1.7\n1 0 obj << /Title (x) /Subject <FEFF 0041\n0042> >> endobj\n\
                    2 0 obj << /Subject (a\\(b\\)\\n\\101 (c)) /Subject<</X 1>> >> endobj";
        let found = subjects(pdf);
        assert_eq!(found.len(), 2);
        assert_eq!(text_string(&found[0]), "AB");
        assert_eq!(found[1], b"a(b)\nA (c)".to_vec());
        assert_eq!(hex_string(b"4>"), Some(vec![0x40]));
        assert_eq!(hex_string(b"4G>"), None);
        assert_eq!(literal_string(b"never closed"), None);
    }

    #[test]
    fn pdf_text_strings_decode_both_encodings() {
        assert_eq!(text_string(b"LATIH"), "LATIH");
        let utf16: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Ṡiti".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text_string(&utf16), "Ṡiti");
    }
}
