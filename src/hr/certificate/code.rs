//! The two identifiers printed on a certificate, both derived from the record, so the same pass
//! always gets the same ones (reprinting a certificate never makes a second number):
//!
//! - the **certificate number** (nomor sertifikat), `LA/<MODULE>/<YEAR>/<8 characters>`: from
//!   the attempt alone, so the JP export and every reprint carry the same number;
//! - the **verification code**, `XXXXX-XXXXX`: 50 bits of a hash over the HR authority's public
//!   key and the attempt, in Crockford base 32 (no I, L, O or U: nothing to misread when typed
//!   from paper). Tied to the authority, so another HR office's code for the same record differs,
//!   and 50 bits are far too many to guess one that matches a real record.

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of a verification code, without its dash.
pub const CODE_CHARS: usize = 10;

/// The first `chars` base-32 characters of `bytes` (5 bits each, most significant first).
fn base32(bytes: &[u8], chars: usize) -> String {
    let mut out = String::with_capacity(chars);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
            if out.len() == chars {
                return out;
            }
        }
        buffer &= (1 << bits) - 1;
    }
    out
}

/// The certificate number of the pass recorded as `attempt`, passed in `year`, of `module`.
pub fn number(attempt: Uuid, module: &str, year: i32) -> String {
    let digest = Sha256::digest(format!("latih-asn certificate number v1\n{attempt}"));
    format!(
        "LA/{}/{year}/{}",
        module.to_ascii_uppercase(),
        base32(&digest, 8)
    )
}

/// The verification code of `attempt` under the HR authority whose public key (hex) is given.
pub fn code(authority_public_key: &str, attempt: Uuid) -> String {
    let digest = Sha256::digest(format!(
        "latih-asn certificate code v1\n{}\n{attempt}",
        authority_public_key.trim().to_ascii_lowercase()
    ));
    let text = base32(&digest, CODE_CHARS);
    format!("{}-{}", &text[..5], &text[5..])
}

/// A code as a person typed it (any case, spaces or dashes, `O` for zero, `I` or `L` for one),
/// in the printed form; `None` when it cannot be a code.
pub fn normalise(typed: &str) -> Option<String> {
    let mut text = String::with_capacity(CODE_CHARS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        text.push(c);
    }
    (text.len() == CODE_CHARS).then(|| format!("{}-{}", &text[..5], &text[5..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_takes_five_bits_at_a_time() {
        assert_eq!(base32(&[0, 0], 3), "000");
        // 0xFF 0xFF: 11111 11111 111111 → Z Z Z
        assert_eq!(base32(&[0xFF, 0xFF], 3), "ZZZ");
        // 0x08 = 00001 000 → "1", then 000 + 00000 → "0"
        assert_eq!(base32(&[0x08, 0x00], 2), "10");
    }

    #[test]
    fn numbers_and_codes_are_stable_and_differ_by_record_and_authority() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let number_a = number(a, "asn", 2026);
        assert!(number_a.starts_with("LA/ASN/2026/"), "{number_a}");
        assert_eq!(number_a.len(), "LA/ASN/2026/".len() + 8);
        assert_eq!(number_a, number(a, "asn", 2026));
        assert_ne!(number_a, number(b, "asn", 2026));
        let key = "ab".repeat(32);
        let code_a = code(&key, a);
        assert_eq!(code_a.len(), 11);
        assert_eq!(&code_a[5..6], "-");
        assert_eq!(code_a, code(&key.to_uppercase(), a));
        assert_ne!(code_a, code(&key, b));
        assert_ne!(code_a, code(&"cd".repeat(32), a));
    }

    #[test]
    fn typed_codes_are_read_loosely() {
        assert_eq!(normalise("7k3mq 9xa2b").as_deref(), Some("7K3MQ-9XA2B"));
        assert_eq!(normalise("oiL00-00000").as_deref(), Some("01100-00000"));
        assert_eq!(normalise("7K3MQ-9XA2").as_deref(), None);
        assert_eq!(normalise("7K3MQ-9XA2U").as_deref(), None);
        assert_eq!(normalise("sertifikat.pdf"), None);
    }
}
