//! The text encodings spreadsheet files arrive in: UTF-8 (with or without a byte-order
//! mark), UTF-16 (Excel's "Unicode text", with or without a mark) and Windows-1252
//! (CSV files saved by older versions of Excel).

use super::ImportError;

/// The encoding a file was read in, to show the user what was assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252 (Western European), for files that are not valid UTF-8.
    Windows1252,
}

impl Encoding {
    /// Its usual label (`utf-8`, `utf-16le`, `utf-16be`, `windows-1252`).
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Decodes a whole file, without its byte-order mark. A byte-order mark decides;
/// without one, NUL bytes in every other position mean UTF-16, valid UTF-8 is UTF-8,
/// and anything else is read as Windows-1252. A file with no text is
/// [`ImportError::Empty`]; UTF-16, or UTF-8 after its mark, that does not decode is
/// [`ImportError::Encoding`].
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // A mark says UTF-8: reading the rest as Windows-1252 would garble it all.
        let text = String::from_utf8(rest.to_vec()).map_err(|_| ImportError::Encoding)?;
        (text, Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else if let Some(encoding) = utf16_by_nul_bytes(bytes) {
        let unit = match encoding {
            Encoding::Utf16Be => u16::from_be_bytes,
            _ => u16::from_le_bytes,
        };
        (utf16(bytes, unit)?, encoding)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), Encoding::Utf8),
            Err(_) => (windows_1252(bytes), Encoding::Windows1252),
        }
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok((text, encoding))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let pairs = bytes.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return Err(ImportError::Encoding);
    }
    char::decode_utf16(pairs.map(|p| unit([p[0], p[1]])))
        .collect::<Result<String, _>>()
        .map_err(|_| ImportError::Encoding)
}

/// UTF-16 without a byte-order mark: text files never contain NUL, but the ASCII
/// delimiters, digits and line ends of UTF-16 text put one beside every such byte,
/// all on the same side of each pair.
fn utf16_by_nul_bytes(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd > 0 && even * 4 <= odd {
        Some(Encoding::Utf16Le)
    } else if even > 0 && odd * 4 <= even {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic quotes,
/// dashes, `€` and a few letters; its five unassigned bytes map to the C1 controls,
/// as browsers do.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}
