//! The signed text in a certificate's QR code (and in its PDF metadata): what the certificate
//! says, signed by the HR authority, so anyone with the authority's public key can check a
//! printout or a file offline, without the records.
//!
//! Plain UTF-8 lines, readable by any QR app:
//!
//! ```text
//! LATIH-ASN SERTIFIKAT 1
//! code=7K3MQ-9XA2B
//! number=LA/ASN/2026/4TQ0V8ZC
//! nip=198001012005012001
//! name=Siti Aminah
//! module=asn
//! date=2026-12-01
//! score=90
//! jp=2
//! authority=3F9A 22C1 8B07 D4E5
//! sig=<Ed25519 signature, hex, of every byte above, newlines included>
//! ```
//!
//! Values never contain a line break (they are flattened when the payload is made). A payload
//! that is edited anywhere (a score, a name) or signed by another key is refused.

use chrono::NaiveDate;

use crate::records::{Authority, AuthorityKey};

/// The first line: what this text is and its format's version.
pub const HEADER: &str = "LATIH-ASN SERTIFIKAT 1";
const SIGNATURE_PREFIX: &str = "sig=";

/// What a certificate's payload states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub code: String,
    pub number: String,
    /// Empty for a participant without NIP.
    pub nip: String,
    pub name: String,
    pub module: String,
    pub date: NaiveDate,
    pub score: u8,
    pub jp: u32,
    /// The fingerprint of the HR authority that signed it.
    pub authority: String,
}

/// What checking a payload found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadCheck {
    /// Signed by the authority given, unchanged.
    Genuine(Claims),
    /// Well formed, but signed by another authority (named by its fingerprint), or its claimed
    /// fingerprint is not the one given.
    OtherAuthority(Claims),
    /// Well formed, claims the authority given, but the signature does not match: edited.
    Forged(Claims),
    /// Not a certificate payload at all (or damaged beyond reading).
    Malformed,
}

fn flat(text: &str) -> String {
    text.replace(['\n', '\r'], " ").trim().to_owned()
}

impl Claims {
    /// The bytes the signature covers.
    fn body(&self) -> String {
        format!(
            "{HEADER}\ncode={}\nnumber={}\nnip={}\nname={}\nmodule={}\ndate={}\nscore={}\njp={}\nauthority={}\n",
            flat(&self.code),
            flat(&self.number),
            flat(&self.nip),
            flat(&self.name),
            flat(&self.module),
            self.date.format("%Y-%m-%d"),
            self.score,
            self.jp,
            flat(&self.authority),
        )
    }

    /// The payload, signed by `authority` (whose fingerprint it states).
    pub fn sign(mut self, authority: &Authority) -> String {
        self.authority = authority.key.fingerprint();
        let body = self.body();
        let signature = authority.sign(body.as_bytes());
        format!("{body}{SIGNATURE_PREFIX}{signature}")
    }
}

/// Reads a payload's claims and checks its signature against `authority`.
pub fn check(text: &str, authority: &AuthorityKey) -> PayloadCheck {
    let text = text.trim_start_matches('\u{feff}').trim_end();
    let Some((body, signature)) = text.rsplit_once(&format!("\n{SIGNATURE_PREFIX}")) else {
        return PayloadCheck::Malformed;
    };
    let body = format!("{body}\n");
    let Some(claims) = parse(&body) else {
        return PayloadCheck::Malformed;
    };
    // The text must be exactly what `body` makes of these claims, so nothing unsigned can ride
    // along (extra lines, other spacing).
    if claims.body() != body {
        return PayloadCheck::Malformed;
    }
    if !crate::records::authority::fingerprint_matches(&authority.fingerprint(), &claims.authority)
    {
        return PayloadCheck::OtherAuthority(claims);
    }
    if authority.verifies(body.as_bytes(), signature.trim()) {
        PayloadCheck::Genuine(claims)
    } else {
        PayloadCheck::Forged(claims)
    }
}

fn parse(body: &str) -> Option<Claims> {
    let mut lines = body.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut field = |name: &str| -> Option<String> {
        let line = lines.next()?;
        line.strip_prefix(name)?
            .strip_prefix('=')
            .map(str::to_owned)
    };
    Some(Claims {
        code: field("code")?,
        number: field("number")?,
        nip: field("nip")?,
        name: field("name")?,
        module: field("module")?,
        date: NaiveDate::parse_from_str(&field("date")?, "%Y-%m-%d").ok()?,
        score: field("score")?.parse().ok()?,
        jp: field("jp")?.parse().ok()?,
        authority: field("authority")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            code: "7K3MQ-9XA2B".into(),
            number: "LA/ASN/2026/4TQ0V8ZC".into(),
            nip: "198001012005012001".into(),
            name: "Ni Luh Putu Ayu\nSuryani".into(),
            module: "asn".into(),
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            score: 90,
            jp: 2,
            authority: String::new(),
        }
    }

    fn authority() -> (tempfile::TempDir, Authority) {
        let dir = tempfile::tempdir().unwrap();
        let authority = Authority::create(dir.path(), "BKPSDM", chrono::Utc::now()).unwrap();
        (dir, authority)
    }

    #[test]
    fn a_signed_payload_checks_and_any_edit_is_refused() {
        let (_dir, hr) = authority();
        let text = claims().sign(&hr);
        let PayloadCheck::Genuine(read) = check(&text, &hr.key) else {
            panic!("{text}");
        };
        assert_eq!(read.name, "Ni Luh Putu Ayu Suryani");
        assert_eq!(read.score, 90);
        assert_eq!(read.authority, hr.key.fingerprint());

        let edited = text.replace("score=90", "score=100");
        assert!(matches!(check(&edited, &hr.key), PayloadCheck::Forged(c) if c.score == 100));
        let extra = text.replace("jp=2\n", "jp=2\nnote=x\n");
        assert_eq!(check(&extra, &hr.key), PayloadCheck::Malformed);
        assert_eq!(check("hello", &hr.key), PayloadCheck::Malformed);

        let (_other_dir, other) = authority();
        let theirs = claims().sign(&other);
        assert!(matches!(
            check(&theirs, &hr.key),
            PayloadCheck::OtherAuthority(_)
        ));
        // Another key claiming this authority's fingerprint.
        let mut stolen = claims();
        stolen.authority = hr.key.fingerprint();
        let body = stolen.body();
        let forged = format!("{body}sig={}", other.sign(body.as_bytes()));
        assert!(matches!(check(&forged, &hr.key), PayloadCheck::Forged(_)));
    }
}
