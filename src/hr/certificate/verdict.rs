//! What *Cek sertifikat* tells HR about a typed code or an opened certificate PDF, in words: the
//! command line prints it and the HR screen shows it, so both say the same.

use std::path::Path;

use crate::hr::certificate::check::{CheckOutcome, Holder, check_code, payload_of_pdf};
use crate::hr::certificate::day_of;
use crate::hr::certificate::payload::{PayloadCheck, check as check_payload};
use crate::hr::error::HrError;
use crate::i18n;
use crate::lang::Lang;
use crate::records::AuthorityKey;
use crate::records::export::Records;

/// The answer: whether the certificate stands, and the lines that say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub stands: bool,
    pub lines: Vec<String>,
}

#[derive(Debug)]
pub enum VerdictError {
    /// The text is neither a code nor a PDF (the line says so).
    NotACode(String),
    /// The PDF could not be read or holds no certificate.
    Unreadable(HrError),
}

fn holder_line(holder: &Holder, lang: Lang) -> String {
    i18n::tr_args(
        lang,
        "cli-cert-holder",
        &[
            ("name", &holder.name),
            ("nip", holder.nip.as_deref().unwrap_or("-")),
            ("module", &holder.module),
            ("date", &holder.date.to_string()),
            ("score", &holder.score.to_string()),
        ],
    )
}

/// Checks `what`: a verification code, or the path of a certificate PDF (whose signed payload
/// is checked first, then its code against the records here).
pub fn verdict(
    what: &str,
    records: &Records<'_>,
    authority: &AuthorityKey,
    lang: Lang,
) -> Result<Verdict, VerdictError> {
    let say = |key: &str, args: &[(&str, &str)]| i18n::tr_args(lang, key, args);
    let mut lines = Vec::new();
    let path = Path::new(what.trim());
    let code = if what.trim().to_ascii_lowercase().ends_with(".pdf") || path.is_file() {
        let text = payload_of_pdf(path).map_err(VerdictError::Unreadable)?;
        let refused = |line: String| {
            Ok(Verdict {
                stands: false,
                lines: vec![line],
            })
        };
        match check_payload(&text, authority) {
            PayloadCheck::Genuine(claims) => {
                lines.push(say("cli-cert-payload-genuine", &[]));
                claims.code
            }
            PayloadCheck::OtherAuthority(claims) => {
                return refused(say(
                    "cli-cert-payload-other",
                    &[("fingerprint", &claims.authority)],
                ));
            }
            PayloadCheck::Forged(_) => return refused(say("cli-cert-payload-forged", &[])),
            PayloadCheck::Malformed => return refused(say("cli-cert-payload-malformed", &[])),
        }
    } else {
        what.trim().to_owned()
    };
    let stands = match check_code(&code, records, authority) {
        CheckOutcome::Valid(holder) => {
            lines.push(say("cli-cert-valid", &[("code", &code)]));
            lines.push(holder_line(&holder, lang));
            true
        }
        CheckOutcome::Voided {
            holder,
            reason,
            by,
            at,
        } => {
            lines.push(say(
                "cli-cert-voided",
                &[
                    ("code", &code),
                    ("reason", &reason),
                    ("by", &by),
                    ("date", &day_of(at).to_string()),
                ],
            ));
            lines.push(holder_line(&holder, lang));
            false
        }
        CheckOutcome::NotVerified { holder, status } => {
            lines.push(say(
                "cli-cert-not-verified",
                &[("code", &code), ("status", &status.label(lang))],
            ));
            lines.push(holder_line(&holder, lang));
            false
        }
        CheckOutcome::NotAPass(holder) => {
            lines.push(say("cli-cert-not-a-pass", &[("code", &code)]));
            lines.push(holder_line(&holder, lang));
            false
        }
        CheckOutcome::Unknown => {
            lines.push(say("cli-cert-unknown", &[("code", &code)]));
            false
        }
        CheckOutcome::NotACode => {
            return Err(VerdictError::NotACode(say(
                "cli-cert-not-a-code",
                &[("what", what)],
            )));
        }
    };
    Ok(Verdict { stands, lines })
}
