//! The compact text form shared by assignment links and hand-in codes: a short prefix that says
//! what the text is and which version wrote it, then URL-safe base64 of a little binary record
//! that ends with a CRC-32 of everything before it.
//!
//! ```text
//! LA1.<base64url( record bytes ‖ crc32(prefix ‖ record bytes) )>
//! ```
//!
//! The checksum covers the prefix too, so a code of one kind pasted where another is expected,
//! a changed character, or a code cut short (the usual damage from chat apps and e-mail) is
//! always refused with a reason instead of read wrongly. A CRC catches accidents, not intent:
//! anyone who reads this file can write a valid code (the README says so plainly).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

/// Why a code could not be read, in words a teacher or student can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing there (an empty line, an empty link).
    Empty,
    /// Not a code of the expected kind at all (another prefix, or none).
    WrongKind,
    /// A code of the right kind from a newer Lectern.
    Newer(u32),
    /// Characters that are not in a code: typed by hand, or mangled by an app.
    BadCharacters,
    /// The checksum does not match: a character changed, or the code was cut short.
    Damaged,
    /// The checksum matches but the record inside does not make sense.
    Malformed(&'static str),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "it is empty"),
            CodeError::WrongKind => write!(f, "it is not a Lectern code of this kind"),
            CodeError::Newer(v) => write!(
                f,
                "it was made by a newer version of Lectern (format {v}); reload to update"
            ),
            CodeError::BadCharacters => write!(
                f,
                "it contains characters a code never has; copy it again without changes"
            ),
            CodeError::Damaged => write!(
                f,
                "it is damaged or incomplete (the checksum does not match); copy the whole code again"
            ),
            CodeError::Malformed(what) => write!(f, "it does not hold a valid record ({what})"),
        }
    }
}

/// One kind of code: its prefix letters and the version this app writes.
#[derive(Clone, Copy, Debug)]
pub struct Kind {
    /// Two capital letters, e.g. `LA` for assignments.
    pub tag: &'static str,
    pub version: u32,
}

impl Kind {
    fn prefix(self) -> String {
        format!("{}{}.", self.tag, self.version)
    }

    /// The same kind at another version: what an older format's code is written and read as.
    pub fn at_version(self, version: u32) -> Kind {
        Kind { version, ..self }
    }

    /// The text form of `record`.
    pub fn encode(self, record: &[u8]) -> String {
        let prefix = self.prefix();
        let mut bytes = record.to_vec();
        bytes.extend_from_slice(&checksum(&prefix, record).to_be_bytes());
        format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The record inside `text`, once the prefix, characters and checksum are all right.
    /// Whitespace anywhere (line breaks added by e-mail) is ignored.
    pub fn decode(self, text: &str) -> Result<Vec<u8>, CodeError> {
        self.decode_since(text, self.version)
            .map(|(_, record)| record)
    }

    /// Like [`Kind::decode`], for a kind whose older versions are still read: a code of any
    /// version from `oldest` to this kind's, with the version it has.
    pub fn decode_since(self, text: &str, oldest: u32) -> Result<(u32, Vec<u8>), CodeError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(CodeError::Empty);
        }
        let rest = compact.strip_prefix(self.tag).ok_or(CodeError::WrongKind)?;
        let (version, body) = rest.split_once('.').ok_or(CodeError::WrongKind)?;
        let version: u32 = version.parse().map_err(|_| CodeError::WrongKind)?;
        if version > self.version {
            return Err(CodeError::Newer(version));
        }
        if version < oldest {
            return Err(CodeError::WrongKind);
        }
        let kind = self.at_version(version);
        let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|e| match e {
            base64::DecodeError::InvalidByte(..) => CodeError::BadCharacters,
            // A length or a last character no encoder writes: cut short, or changed.
            _ => CodeError::Damaged,
        })?;
        if bytes.len() < 4 {
            return Err(CodeError::Damaged);
        }
        let (record, sum) = bytes.split_at(bytes.len() - 4);
        let sum = u32::from_be_bytes(sum.try_into().expect("4 bytes"));
        if sum != checksum(&kind.prefix(), record) {
            return Err(CodeError::Damaged);
        }
        Ok((version, record.to_vec()))
    }
}

/// CRC-32 (ISO-HDLC, the one zip and PNG use), computed bit by bit: no lookup table in the wasm.
const CRC_32: crc::Crc<u32, crc::NoTable> =
    crc::Crc::<u32, crc::NoTable>::new(&crc::CRC_32_ISO_HDLC);

/// CRC-32 of the prefix and the record.
fn checksum(prefix: &str, record: &[u8]) -> u32 {
    let mut digest = CRC_32.digest();
    digest.update(prefix.as_bytes());
    digest.update(record);
    digest.finalize()
}

/// CRC-32 of some text, e.g. a file's body or a reading's question ids.
pub fn crc32(bytes: &[u8]) -> u32 {
    CRC_32.checksum(bytes)
}

/// Builds a record: unsigned LEB128 numbers and length-prefixed text.
#[derive(Default)]
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn new() -> Self {
        Writer(Vec::new())
    }

    pub fn byte(&mut self, value: u8) -> &mut Self {
        self.0.push(value);
        self
    }

    pub fn u32_fixed(&mut self, value: u32) -> &mut Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    /// A number in as few bytes as it needs (7 bits a byte).
    pub fn varint(&mut self, mut value: u64) -> &mut Self {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.0.push(low);
                return self;
            }
            self.0.push(low | 0x80);
        }
    }

    /// Text, cut at `max_bytes` (on a character boundary) so a code stays short.
    pub fn text(&mut self, text: &str, max_bytes: usize) -> &mut Self {
        let text = truncate(text, max_bytes);
        self.varint(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
        self
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.varint(bytes.len() as u64);
        self.0.extend_from_slice(bytes);
        self
    }

    pub fn finish(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.0)
    }
}

/// Reads a record written by [`Writer`]; every read checks that the bytes are there.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    pub fn byte(&mut self) -> Result<u8, CodeError> {
        let (&first, rest) = self
            .bytes
            .split_first()
            .ok_or(CodeError::Malformed("too short"))?;
        self.bytes = rest;
        Ok(first)
    }

    pub fn u32_fixed(&mut self) -> Result<u32, CodeError> {
        let raw = self.take(4)?;
        Ok(u32::from_be_bytes(raw.try_into().expect("4 bytes")))
    }

    pub fn varint(&mut self) -> Result<u64, CodeError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(CodeError::Malformed("number too long"))
    }

    /// A length-prefixed byte string of at most `max` bytes.
    pub fn bytes(&mut self, max: usize) -> Result<&'a [u8], CodeError> {
        let len = self.varint()?;
        if len > max as u64 {
            return Err(CodeError::Malformed("a field is too long"));
        }
        self.take(len as usize)
    }

    pub fn text(&mut self, max: usize) -> Result<String, CodeError> {
        let bytes = self.bytes(max)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| CodeError::Malformed("text is not UTF-8"))
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], CodeError> {
        if self.bytes.len() < len {
            return Err(CodeError::Malformed("too short"));
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    /// Every byte must have been read: trailing bytes mean a record this app does not know.
    pub fn end(&self) -> Result<(), CodeError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(CodeError::Malformed("unexpected bytes at the end"))
        }
    }
}

/// `text` cut to at most `max_bytes`, never inside a character.
pub fn truncate(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Host only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KIND: Kind = Kind {
        tag: "LT",
        version: 1,
    };

    /// The catalogue's check value for CRC-32/ISO-HDLC (what crc32fast computed before): links,
    /// codes and result files made by earlier builds still check.
    #[test]
    fn the_checksum_is_the_standard_crc_32() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(checksum("LA1.", b"123456789"), crc32(b"LA1.123456789"));
    }

    #[test]
    fn a_record_round_trips_through_text() {
        let record = Writer::new()
            .byte(7)
            .varint(300)
            .text("Zoë", 40)
            .u32_fixed(0xdead_beef)
            .finish();
        let code = KIND.encode(&record);
        assert!(code.starts_with("LT1."), "{code}");
        let decoded = KIND.decode(&code).unwrap();
        let mut r = Reader::new(&decoded);
        assert_eq!(r.byte().unwrap(), 7);
        assert_eq!(r.varint().unwrap(), 300);
        assert_eq!(r.text(40).unwrap(), "Zoë");
        assert_eq!(r.u32_fixed().unwrap(), 0xdead_beef);
        r.end().unwrap();
    }

    #[test]
    fn wrapped_lines_and_spaces_are_ignored() {
        let code = KIND.encode(b"hello world");
        let wrapped = format!("  {}\n{} ", &code[..8], &code[8..]);
        assert_eq!(KIND.decode(&wrapped).unwrap(), b"hello world");
    }

    #[test]
    fn other_kinds_and_versions_are_named() {
        let code = KIND.encode(b"x");
        let other = Kind {
            tag: "LR",
            version: 1,
        };
        assert_eq!(other.decode(&code), Err(CodeError::WrongKind));
        let newer = Kind {
            tag: "LT",
            version: 2,
        }
        .encode(b"x");
        assert_eq!(KIND.decode(&newer), Err(CodeError::Newer(2)));
        assert_eq!(KIND.decode("   "), Err(CodeError::Empty));
        assert_eq!(KIND.decode("hello"), Err(CodeError::WrongKind));
        assert_eq!(KIND.decode("LT1.ab$cd"), Err(CodeError::BadCharacters));
    }

    #[test]
    fn older_versions_are_read_when_asked_for() {
        let newest = Kind {
            tag: "LT",
            version: 3,
        };
        let old = newest.at_version(2).encode(b"old");
        assert_eq!(newest.decode_since(&old, 2), Ok((2, b"old".to_vec())));
        assert_eq!(newest.decode_since(&old, 3), Err(CodeError::WrongKind));
        assert_eq!(newest.decode(&old), Err(CodeError::WrongKind));
        let current = newest.encode(b"new");
        assert_eq!(newest.decode_since(&current, 1), Ok((3, b"new".to_vec())));
        let future = newest.at_version(4).encode(b"x");
        assert_eq!(newest.decode_since(&future, 1), Err(CodeError::Newer(4)));
        // The checksum covers the version: an old body under a new prefix is damaged.
        let relabelled = old.replacen("LT2.", "LT3.", 1);
        assert_eq!(newest.decode_since(&relabelled, 1), Err(CodeError::Damaged));
    }

    #[test]
    fn a_code_cut_short_is_damaged_whatever_its_length() {
        let code = KIND.encode(b"a record of some length");
        for cut in 1..code.len() - 4 {
            assert_eq!(
                KIND.decode(&code[..code.len() - cut]),
                Err(CodeError::Damaged),
                "cut {cut}"
            );
        }
    }

    #[test]
    fn a_code_with_its_prefix_swapped_fails_the_checksum() {
        // Same body, other tag: the checksum covers the prefix.
        let code = KIND.encode(b"some record");
        let swapped = code.replacen("LT1.", "LR1.", 1);
        let other = Kind {
            tag: "LR",
            version: 1,
        };
        assert_eq!(other.decode(&swapped), Err(CodeError::Damaged));
    }

    #[test]
    fn reader_refuses_short_and_overlong_fields() {
        let record = Writer::new().text("abcdef", 100).finish();
        assert!(Reader::new(&record).text(3).is_err());
        assert!(Reader::new(&record[..3]).text(100).is_err());
        assert!(Reader::new(&[0xff; 11]).varint().is_err());
        let mut r = Reader::new(&[1, 2]);
        r.byte().unwrap();
        assert!(r.end().is_err());
    }

    #[test]
    fn truncate_keeps_whole_characters() {
        assert_eq!(truncate("héllo", 2), "h");
        assert_eq!(truncate("héllo", 3), "hé");
        assert_eq!(truncate("abc", 10), "abc");
    }

    proptest! {
        #[test]
        fn any_record_round_trips(record in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(KIND.decode(&KIND.encode(&record)).unwrap(), record);
        }

        #[test]
        fn any_truncation_is_refused(record in proptest::collection::vec(any::<u8>(), 0..120), cut in 1usize..400) {
            let code = KIND.encode(&record);
            let cut = cut.min(code.len() - 1).max(1);
            prop_assert!(KIND.decode(&code[..code.len() - cut]).is_err());
        }

        #[test]
        fn any_changed_character_is_refused(record in proptest::collection::vec(any::<u8>(), 1..120), at in any::<usize>(), with in 0usize..64) {
            const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let code = KIND.encode(&record);
            let body_start = "LT1.".len();
            let at = body_start + at % (code.len() - body_start);
            let mut bytes = code.clone().into_bytes();
            prop_assume!(bytes[at] != ALPHABET[with]);
            bytes[at] = ALPHABET[with];
            let changed = String::from_utf8(bytes).unwrap();
            // A changed last character may only touch base64's unused padding bits; then the
            // bytes are the same and the record is rightly the same.
            match KIND.decode(&changed) {
                Err(_) => {}
                Ok(decoded) => prop_assert_eq!(decoded, record),
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = KIND.decode(&text);
            let _ = KIND.decode(&format!("LT1.{text}"));
        }
    }
}
