//! Files whose encoding changes part-way: a UTF-8 page with a GBK report pasted under it, or
//! two files joined with `cat`. Decoded whole in one encoding, one half becomes mojibake; decoded
//! line by line, each line in the encoding it is valid in, both halves read.

use encoding_rs::{Encoding, UTF_8};

/// Lines of valid UTF-8 that hold at least this many non-ASCII characters count as UTF-8 lines.
/// Bytes of a legacy encoding almost never form that many valid multi-byte UTF-8 characters.
const MIN_UTF8_CHARS: usize = 4;

/// Each encoding's share of a file: which parts were decoded how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Lines decoded as UTF-8.
    pub utf8_lines: usize,
    /// Lines decoded in the other encoding.
    pub other_lines: usize,
}

/// How one line's bytes read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// Valid UTF-8 (ASCII included).
    Utf8,
    /// Mostly valid UTF-8 with a few damaged bytes: decoded as UTF-8, the damage replaced.
    DamagedUtf8,
    /// Not UTF-8: few or no valid multi-byte characters among the errors.
    Other,
}

fn classify(line: &[u8]) -> (Line, usize) {
    if let Ok(s) = std::str::from_utf8(line) {
        return (Line::Utf8, s.chars().filter(|c| !c.is_ascii()).count());
    }
    let (mut valid, mut errors) = (0usize, 0usize);
    for chunk in line.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        errors += usize::from(!chunk.invalid().is_empty());
    }
    if valid >= 4 * errors {
        (Line::DamagedUtf8, valid)
    } else {
        (Line::Other, 0)
    }
}

/// The bytes of the lines that are not UTF-8, for detecting their encoding.
pub fn other_lines(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in bytes.split(|&b| b == b'\n') {
        if classify(line).0 == Line::Other {
            out.extend_from_slice(line);
            out.push(b'\n');
        }
    }
    out
}

/// Decodes `bytes` line by line when it holds both valid UTF-8 lines with Chinese text and
/// lines that are not UTF-8 at all: the first as UTF-8, the rest as `other`. `None` when the
/// file is in one encoding (all lines UTF-8, or no line with enough UTF-8 text). Returns the
/// text, the count of replaced sequences and the lines of each part.
pub fn decode_mixed(bytes: &[u8], other: &'static Encoding) -> Option<(String, usize, Parts)> {
    if other == UTF_8 {
        return None;
    }
    let mut utf8_chars = 0usize;
    let mut utf8_lines = 0usize;
    let mut not_utf8 = 0usize;
    for line in bytes.split(|&b| b == b'\n') {
        match classify(line) {
            (Line::Other, _) => not_utf8 += 1,
            (_, wide) if wide >= MIN_UTF8_CHARS => {
                utf8_lines += 1;
                utf8_chars += wide;
            }
            _ => {}
        }
    }
    // A line or two of UTF-8-looking bytes in a GBK file is chance; a real UTF-8 part has
    // several lines and a few dozen characters.
    if not_utf8 == 0 || utf8_lines < 2 || utf8_chars < 20 {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut malformed = 0usize;
    let mut parts = Parts {
        utf8_lines: 0,
        other_lines: 0,
    };
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let (kind, wide) = classify(line);
        if kind == Line::Other {
            parts.other_lines += 1;
            let (decoded, had_errors) = other.decode_without_bom_handling(line);
            if had_errors {
                malformed += decoded.matches('\u{FFFD}').count();
            }
            text.push_str(&decoded);
        } else {
            parts.utf8_lines += usize::from(wide > 0);
            let decoded = String::from_utf8_lossy(line);
            malformed += decoded.matches('\u{FFFD}').count();
            text.push_str(&decoded);
        }
    }
    Some((text, malformed, parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    fn joined(utf8: &str, gbk: &str) -> Vec<u8> {
        let mut bytes = utf8.as_bytes().to_vec();
        bytes.extend_from_slice(&GB18030.encode(gbk).0);
        bytes
    }

    #[test]
    fn both_halves_read() {
        let bytes = joined(
            "县委常委会召开会议\n会议传达学习了上级精神，研究部署近期工作\n",
            "会议强调，要抓紧抓实抓细各项工作\n要坚持两手抓、两手都要硬\n",
        );
        let (text, malformed, parts) = decode_mixed(&bytes, GB18030).expect("mixed");
        assert_eq!(
            text,
            "县委常委会召开会议\n会议传达学习了上级精神，研究部署近期工作\n\
             会议强调，要抓紧抓实抓细各项工作\n要坚持两手抓、两手都要硬\n"
        );
        assert_eq!(malformed, 0);
        assert_eq!(parts.utf8_lines, 2);
        assert_eq!(parts.other_lines, 2);
    }

    #[test]
    fn one_encoding_is_not_mixed() {
        let gbk = GB18030
            .encode("会议强调，要抓紧抓实抓细各项工作\n要坚持两手抓\n")
            .0;
        assert_eq!(decode_mixed(&gbk, GB18030), None);
        let utf8 = "会议强调\n要坚持两手抓、两手都要硬\n".as_bytes();
        assert_eq!(decode_mixed(utf8, GB18030), None);
        // One short UTF-8-looking line in a GBK file is not a UTF-8 part.
        assert_eq!(
            decode_mixed(&joined("标题\n", "会议强调，要抓紧抓实\n"), GB18030),
            None
        );
    }

    #[test]
    fn a_damaged_utf8_line_stays_utf8() {
        let mut bytes = "县委常委会召开会议\n会议传达学习了上级精神\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice("会议强调要抓紧".as_bytes());
        bytes.push(0xFF);
        bytes.extend_from_slice("抓实抓细\n".as_bytes());
        bytes.extend_from_slice(&GB18030.encode("要坚持两手抓、两手都要硬\n").0);
        let (text, malformed, parts) = decode_mixed(&bytes, GB18030).expect("mixed");
        assert!(
            text.contains("会议强调要抓紧\u{FFFD}抓实抓细\n要坚持两手抓"),
            "{text}"
        );
        assert_eq!(malformed, 1);
        assert_eq!(parts.other_lines, 1);
        assert_eq!(
            other_lines(&bytes),
            GB18030.encode("要坚持两手抓、两手都要硬\n").0.to_vec()
        );
    }
}
