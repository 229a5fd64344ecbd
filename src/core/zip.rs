//! A zip file writer, files stored uncompressed: what a SCORM package is.
//!
//! Stored, not deflated, on purpose. A deflate encoder (the `zip` crate, or `miniz_oxide` alone)
//! would add tens of kilobytes to the teacher's wasm for a package that is made a few times a
//! term and uploaded once; stored, the package is about as large as the app's files themselves
//! (about 1 MB, well within any LMS's upload limit). The CRC-32 is the `crc` crate's, as for
//! every other checksum in Lectern.
//!
//! The layout (APPNOTE.TXT 6.3.x, §4.3): for each file a local header and the bytes, then the
//! central directory and its end record. No data descriptors, no zip64 (refused past 4 GB or
//! 65,535 files), names in UTF-8 (flag bit 11), and every date 1980-01-01 00:00 so the same
//! files always make the same zip.

use crate::core::codec::crc32;
use std::fmt;

/// A file to put in the zip: its path inside (`/`-separated) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Over the 4 GB or 65,535 files a zip without zip64 can hold.
    TooLarge,
    /// A path that is empty, absolute, has `..`, a backslash or a repeated name.
    BadPath(String),
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZipError::TooLarge => write!(f, "too much for one zip file"),
            ZipError::BadPath(path) => write!(f, "`{path}` cannot be a path in a zip file"),
        }
    }
}

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// Version 1.0: stored files need nothing newer.
const VERSION: u16 = 10;
/// General purpose flag bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// MS-DOS date of 1980-01-01 (day 1, month 1, year 1980 + 0); the time is 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;

/// The zip of `files`, in the order given.
pub fn write(files: &[ZipFile]) -> Result<Vec<u8>, ZipError> {
    if files.len() > usize::from(u16::MAX) {
        return Err(ZipError::TooLarge);
    }
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let path = &file.path;
        let bad = path.is_empty()
            || path.starts_with('/')
            || path.contains('\\')
            || path.split('/').any(|part| part.is_empty() || part == "..")
            || !seen.insert(path.as_str());
        if bad {
            return Err(ZipError::BadPath(path.clone()));
        }
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for file in files {
        let offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
        let size = u32::try_from(file.bytes.len()).map_err(|_| ZipError::TooLarge)?;
        let name = file.path.as_bytes();
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        let crc = crc32(&file.bytes);
        // The fields both headers share, from "version needed" to the extra field's length.
        let mut common = Vec::with_capacity(26);
        for value in [
            VERSION, UTF8_NAMES, 0, /* stored */
            0, /* time */
            DOS_DATE,
        ] {
            common.extend_from_slice(&value.to_le_bytes());
        }
        for value in [crc, size, size] {
            common.extend_from_slice(&value.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        out.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name);
        out.extend_from_slice(&file.bytes);

        central.extend_from_slice(&CENTRAL_HEADER.to_le_bytes());
        central.extend_from_slice(&VERSION.to_le_bytes()); // made by: MS-DOS, 1.0
        central.extend_from_slice(&common);
        // Comment length, disk number, internal and external attributes, local header offset.
        central.extend_from_slice(&[0; 2 + 2 + 2 + 4]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let central_offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    let central_size = u32::try_from(central.len()).map_err(|_| ZipError::TooLarge)?;
    u32::try_from(out.len() + central.len() + 22).map_err(|_| ZipError::TooLarge)?;
    out.extend_from_slice(&central);
    let count = files.len() as u16;
    out.extend_from_slice(&END_OF_CENTRAL_DIRECTORY.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // no comment
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &[u8]) -> ZipFile {
        ZipFile {
            path: path.into(),
            bytes: bytes.to_vec(),
        }
    }

    /// The zip of one file, `a.txt` holding `hello`, field by field from APPNOTE.TXT: what any
    /// unzip reads.
    #[test]
    fn one_file_is_laid_out_as_the_specification_says() {
        let zip = write(&[file("a.txt", b"hello")]).unwrap();
        let crc: [u8; 4] = 0x3610_a686u32.to_le_bytes(); // CRC-32 of "hello"
        let mut expected: Vec<u8> = Vec::new();
        // Local header.
        expected.extend_from_slice(b"PK\x03\x04");
        expected.extend_from_slice(&[10, 0, 0, 8, 0, 0, 0, 0, 0x21, 0]);
        expected.extend_from_slice(&crc);
        expected.extend_from_slice(&[5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0]);
        expected.extend_from_slice(b"a.txthello");
        // Central directory entry.
        expected.extend_from_slice(b"PK\x01\x02");
        expected.extend_from_slice(&[10, 0, 10, 0, 0, 8, 0, 0, 0, 0, 0x21, 0]);
        expected.extend_from_slice(&crc);
        expected.extend_from_slice(&[5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0]);
        expected.extend_from_slice(&[0; 14]);
        expected.extend_from_slice(b"a.txt");
        // End of central directory: 1 entry, 51 bytes at offset 40.
        expected.extend_from_slice(b"PK\x05\x06");
        expected.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0, 51, 0, 0, 0, 40, 0, 0, 0, 0, 0]);
        assert_eq!(zip, expected);
    }

    #[test]
    fn the_same_files_make_the_same_zip() {
        let files = [
            file("index.html", b"<p>hi</p>"),
            file("icons/é.svg", b"<svg/>"),
        ];
        assert_eq!(write(&files).unwrap(), write(&files).unwrap());
        assert_eq!(
            write(&[]).unwrap().len(),
            22,
            "an empty zip is its end record"
        );
    }

    #[test]
    fn bad_paths_are_refused() {
        for path in ["", "/abs", "a/../b", "a\\b", "a//b", "dir/"] {
            assert_eq!(
                write(&[file(path, b"")]),
                Err(ZipError::BadPath(path.into())),
                "{path:?}"
            );
        }
        assert_eq!(
            write(&[file("a", b"1"), file("a", b"2")]),
            Err(ZipError::BadPath("a".into()))
        );
    }
}
