//! The NIP, the 18-digit number of an ASN: birth date (yyyymmdd), TMT (yyyymm, the start of
//! service), gender (1 man, 2 woman) and a 3-digit sequence.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;

/// A NIP that passed [`Nip::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Nip(String);

/// What is wrong with a NIP, said so the user can fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NipError {
    #[error("the NIP has {0} digits, it needs 18")]
    Length(usize),
    #[error("the NIP may contain only digits")]
    NotDigits,
    #[error("digits 1-8 are not a valid birth date")]
    BirthDate,
    #[error("digits 9-14 are not a valid TMT year and month")]
    Tmt,
    #[error("the TMT is before the holder was 18 or in the future")]
    TmtOutOfRange,
    #[error("digit 15 (gender) must be 1 or 2")]
    Gender,
    #[error("digits 16-18 (sequence) cannot be 000")]
    Sequence,
}

impl NipError {
    pub fn message(self, lang: Lang) -> String {
        match self {
            NipError::Length(n) => i18n::tr_count(
                lang,
                "nip-error-length",
                "count",
                i64::try_from(n).unwrap_or(0),
            ),
            NipError::NotDigits => i18n::tr(lang, "nip-error-digits"),
            NipError::BirthDate => i18n::tr(lang, "nip-error-birth"),
            NipError::Tmt => i18n::tr(lang, "nip-error-tmt"),
            NipError::TmtOutOfRange => i18n::tr(lang, "nip-error-tmt-range"),
            NipError::Gender => i18n::tr(lang, "nip-error-gender"),
            NipError::Sequence => i18n::tr(lang, "nip-error-sequence"),
        }
    }
}

impl Nip {
    /// A NIP read back from a signed record or the app's own cache, where it was checked when
    /// it was first typed. Not for anything a person typed.
    pub(crate) fn trusted(text: String) -> Nip {
        Nip(text)
    }
}

impl Nip {
    /// Checks a NIP as typed (spaces and dots, as on many ID cards, are ignored) against `today`.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Nip, NipError> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if digits.len() != 18 {
            return Err(NipError::Length(digits.len()));
        }
        let number = |range: std::ops::Range<usize>| -> u32 { digits[range].parse().unwrap_or(0) };
        let birth = NaiveDate::from_ymd_opt(
            i32::try_from(number(0..4)).unwrap_or(0),
            number(4..6),
            number(6..8),
        )
        .filter(|date| date.year() >= 1900 && *date <= today)
        .ok_or(NipError::BirthDate)?;
        let tmt =
            NaiveDate::from_ymd_opt(i32::try_from(number(8..12)).unwrap_or(0), number(12..14), 1)
                .filter(|date| date.year() >= 1900)
                .ok_or(NipError::Tmt)?;
        let adult = birth.with_year(birth.year() + 18).unwrap_or(birth);
        let tmt_month_end = tmt
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(tmt);
        if tmt_month_end <= adult.with_day(1).unwrap_or(adult) || tmt > today {
            return Err(NipError::TmtOutOfRange);
        }
        if !matches!(&digits[14..15], "1" | "2") {
            return Err(NipError::Gender);
        }
        if &digits[15..18] == "000" {
            return Err(NipError::Sequence);
        }
        Ok(Nip(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Nip {
    /// The usual grouping: 19800101 200501 1 001.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(
            f,
            "{} {} {} {}",
            &d[0..8],
            &d[8..14],
            &d[14..15],
            &d[15..18]
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn table() {
        let cases: &[(&str, Result<&str, NipError>)] = &[
            ("198001012005011001", Ok("198001012005011001")),
            ("19800101 200501 2 015", Ok("198001012005012015")),
            ("19800101.200501.1.001", Ok("198001012005011001")),
            ("19800101200501100", Err(NipError::Length(17))),
            ("1980010120050110011", Err(NipError::Length(19))),
            ("", Err(NipError::Length(0))),
            ("19800101200501100A", Err(NipError::NotDigits)),
            ("198013012005011001", Err(NipError::BirthDate)),
            ("198002302005011001", Err(NipError::BirthDate)),
            ("203001012050011001", Err(NipError::BirthDate)),
            ("198001012005131001", Err(NipError::Tmt)),
            ("198001011990011001", Err(NipError::TmtOutOfRange)),
            ("198001012030011001", Err(NipError::TmtOutOfRange)),
            ("198001012005013001", Err(NipError::Gender)),
            ("198001012005010001", Err(NipError::Gender)),
            ("198001012005011000", Err(NipError::Sequence)),
        ];
        for (input, expected) in cases {
            let got = Nip::parse(input, today()).map(|nip| nip.as_str().to_owned());
            assert_eq!(got, expected.map(str::to_owned), "{input:?}");
        }
    }

    #[test]
    fn displays_in_groups() {
        let nip = Nip::parse("198001012005011001", today()).unwrap();
        assert_eq!(nip.to_string(), "19800101 200501 1 001");
    }

    #[test]
    fn messages_are_translated() {
        let id = NipError::Length(17).message(Lang::Id);
        let en = NipError::Length(17).message(Lang::En);
        assert!(id.contains("17") && en.contains("17"));
        assert_ne!(id, en);
    }
}
