//! Plain-text decoding: refuses binary content and reports where invalid
//! UTF-8 starts.

use crate::IngestError;

/// How much of the start of an input the binary check looks at.
const SNIFF_BYTES: usize = 8192;

/// NUL bytes, or more than one byte in ten a control character other than
/// tab, newline, carriage return, form feed and escape: not text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    controls * 10 > head.len()
}

/// Decodes a text file: UTF-8 (BOM stripped) or UTF-16 with a BOM; line
/// endings normalised to `\n` so sentence and paragraph rules see one form.
pub fn decode_text(bytes: &[u8]) -> Result<String, IngestError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let body = bytes.get(bom_len..).unwrap_or_default();
            let (text, had_errors) = encoding.decode_without_bom_handling(body);
            if had_errors {
                return Err(IngestError::InvalidEncoding(encoding.name()));
            }
            return non_empty(normalise_newlines(&text));
        }
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if looks_binary(body) {
        return Err(IngestError::Binary);
    }
    let offset = bytes.len() - body.len();
    match std::str::from_utf8(body) {
        Ok(text) => non_empty(normalise_newlines(text)),
        Err(e) => Err(IngestError::InvalidUtf8 {
            byte: offset + e.valid_up_to(),
        }),
    }
}

fn normalise_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

fn non_empty(text: String) -> Result<String, IngestError> {
    if text.trim().is_empty() {
        Err(IngestError::Empty)
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let text = decode_text(b"\xef\xbb\xbfClashes in Goma.\r\nTwo dead.").unwrap();
        assert_eq!(text, "Clashes in Goma.\nTwo dead.");
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyiv".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&bytes).unwrap(), "Kyiv");
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = decode_text(b"Shelling in Kharkiv \xff today").unwrap_err();
        assert_eq!(err.to_string(), "invalid UTF-8 at byte 20");
    }

    #[test]
    fn binary_and_empty() {
        assert!(matches!(
            decode_text(b"\x7fELF\x02\x01\x01\0\0\0"),
            Err(IngestError::Binary)
        ));
        assert!(matches!(decode_text(b" \n\t "), Err(IngestError::Empty)));
        assert!(matches!(decode_text(b""), Err(IngestError::Empty)));
    }
}
