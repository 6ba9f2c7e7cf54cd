//! Session codes: the short token that names a session, and the code a trainer shows for a test
//! taken at the participants' own desks.
//!
//! A learner PC has no copy of the session, so the desk code carries everything it needs to
//! start the right test: the session's token, pre or post, the form, and which module (as a
//! 6-bit fingerprint of its id, resolved against the modules on that PC). Seven check bits
//! catch a mistyped code before it starts the wrong test. Crockford's base32 is used because
//! it has no I, L, O or U: what is read off a projector is typed back without confusion.

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::content::Form;
use crate::training::TestPhase;

/// Crockford base32: digits and letters without I, L, O, U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of a session token (30 bits).
pub const TOKEN_CHARS: usize = 6;
/// Characters of a desk code (45 bits: token 30, phase 1, form 1, module 6, check 7).
pub const DESK_CHARS: usize = 9;

/// Namespace of the session ids derived from tokens, so the learner PC and the trainer's laptop
/// compute the same id (the xAPI `context.registration`) from the token alone.
const NAMESPACE: Uuid = Uuid::from_u128(0x6c61_7469_682d_6173_6e2d_7365_7369_6f6e);

/// The session id that belongs to a token.
pub fn session_id(token: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, token.as_bytes())
}

/// A new random token.
pub fn new_token() -> String {
    let bits = rand::random::<u32>() & ((1 << 30) - 1);
    encode(u64::from(bits), TOKEN_CHARS)
}

/// What a desk code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskCode {
    pub token: String,
    pub phase: TestPhase,
    pub form: Form,
    /// The 6-bit fingerprint of the module id (see [`module_tag`]).
    pub module_tag: u8,
}

/// Why a typed code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("the code has the wrong length")]
    Length,
    #[error("the code has a character that is not used in codes")]
    Character,
    #[error("the code does not check: a character is mistyped")]
    Check,
}

/// The 6-bit fingerprint of a module id.
pub fn module_tag(module: &str) -> u8 {
    Sha256::digest(module.as_bytes())[0] & 0x3f
}

impl DeskCode {
    pub fn new(token: &str, phase: TestPhase, form: Form, module: &str) -> DeskCode {
        DeskCode {
            token: token.to_owned(),
            phase,
            form,
            module_tag: module_tag(module),
        }
    }

    /// The code as shown: `XXX-XXX-XXX`.
    pub fn to_code(&self) -> String {
        let token = decode(&self.token).unwrap_or(0);
        let payload = (token << 8)
            | (u64::from(self.phase == TestPhase::Post) << 7)
            | (u64::from(self.form == Form::B) << 6)
            | u64::from(self.module_tag & 0x3f);
        let value = (payload << 7) | u64::from(check(payload));
        let raw = encode(value, DESK_CHARS);
        format!("{}-{}-{}", &raw[0..3], &raw[3..6], &raw[6..9])
    }

    /// Reads a typed code: case, spaces and dashes do not matter; O reads as 0, I and L as 1.
    pub fn parse(typed: &str) -> Result<DeskCode, CodeError> {
        let clean = normalise(typed);
        if clean.len() != DESK_CHARS {
            return Err(CodeError::Length);
        }
        let value = decode(&clean).ok_or(CodeError::Character)?;
        let payload = value >> 7;
        if check(payload) != (value & 0x7f) as u8 {
            return Err(CodeError::Check);
        }
        let token = encode(payload >> 8, TOKEN_CHARS);
        Ok(DeskCode {
            token,
            phase: if payload & 0x80 != 0 {
                TestPhase::Post
            } else {
                TestPhase::Pre
            },
            form: if payload & 0x40 != 0 {
                Form::B
            } else {
                Form::A
            },
            module_tag: (payload & 0x3f) as u8,
        })
    }
}

/// Upper case, separators dropped, look-alike letters read as digits.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// Whether `token` is a well-formed session token.
pub fn is_token(token: &str) -> bool {
    token.len() == TOKEN_CHARS && decode(token).is_some()
}

fn check(payload: u64) -> u8 {
    Sha256::digest(payload.to_be_bytes())[0] & 0x7f
}

fn encode(mut value: u64, chars: usize) -> String {
    let mut out = vec![b'0'; chars];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(value & 31) as usize];
        value >>= 5;
    }
    String::from_utf8(out).unwrap_or_default()
}

fn decode(text: &str) -> Option<u64> {
    text.bytes().try_fold(0u64, |acc, byte| {
        let digit = ALPHABET.iter().position(|&a| a == byte)?;
        Some((acc << 5) | digit as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desk_code_reads_back_what_it_says() {
        for (phase, form) in [
            (TestPhase::Pre, Form::A),
            (TestPhase::Post, Form::B),
            (TestPhase::Pre, Form::B),
        ] {
            let token = new_token();
            let code = DeskCode::new(&token, phase, form, "pilkada");
            let shown = code.to_code();
            assert_eq!(shown.len(), 11, "{shown}");
            let read = DeskCode::parse(&shown.to_lowercase().replace('-', " ")).unwrap();
            assert_eq!(read, code);
            assert_eq!(read.module_tag, module_tag("pilkada"));
        }
    }

    #[test]
    fn a_mistyped_character_is_caught() {
        let code = DeskCode::new("K7Q39P", TestPhase::Pre, Form::A, "asn").to_code();
        let raw: Vec<char> = normalise(&code).chars().collect();
        let mut caught = 0;
        let mut tried = 0;
        for position in 0..raw.len() {
            for &replacement in ALPHABET {
                let replacement = replacement as char;
                if replacement == raw[position] {
                    continue;
                }
                let mut typed = raw.clone();
                typed[position] = replacement;
                let typed: String = typed.into_iter().collect();
                tried += 1;
                if DeskCode::parse(&typed).is_err() {
                    caught += 1;
                }
            }
        }
        // 7 check bits: about 1 in 128 single-character typos slips through.
        assert!(caught * 100 >= tried * 97, "{caught} of {tried}");
        assert_eq!(DeskCode::parse("ABC"), Err(CodeError::Length));
        assert_eq!(DeskCode::parse("ABC-DEF-GH!"), Err(CodeError::Character));
    }

    #[test]
    fn look_alike_letters_read_as_digits() {
        assert_eq!(normalise("o1l-i"), "0111");
        assert!(is_token("K7Q39P"));
        assert!(!is_token("K7Q39U"));
        assert_eq!(session_id("K7Q39P"), session_id("K7Q39P"));
        assert_ne!(session_id("K7Q39P"), session_id("K7Q39Q"));
    }
}
