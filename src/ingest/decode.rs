//! Bytes to text: byte-order marks, UTF-16, GB18030/GBK and the other legacy encodings a
//! Chinese newsroom's files come in, plus a sniff of what a file is when it is not text at all.
//!
//! The encoding is never guessed by hand: a BOM or a clear UTF-16 NUL pattern decides first, then
//! valid UTF-8, then a charset the page declares, and only then `chardetng`.

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, with the name of the encoding used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, line breaks normalised to `\n`, the BOM removed.
    pub text: String,
    /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `GB18030` (also for GBK/GB2312, which
    /// it extends) or another `encoding_rs` name such as `Big5`.
    pub encoding: String,
    /// Byte sequences that were not valid in that encoding, each replaced by U+FFFD.
    pub malformed: usize,
    /// The encoding is a single-byte one (`windows-1252`, `KOI8-R` …) and the text is not plain
    /// ASCII: any bytes decode in such an encoding, so the result may be nonsense.
    pub doubtful: bool,
    /// For a file whose encoding changes part-way, how it was decoded, e.g.
    /// `decoded in parts: 12 lines as UTF-8, 30 lines as GB18030`.
    pub mixed: Option<String>,
}

/// Decodes `bytes`, preferring a BOM, then UTF-16 by its NUL pattern, then valid UTF-8, then
/// `declared` (a charset from an HTML `<meta>`), then what `chardetng` detects.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> DecodedText {
    let (encoding, name, body): (&'static Encoding, &str, &[u8]) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            (UTF_8, "UTF-8 (BOM)", rest)
        } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            (UTF_16LE, "UTF-16LE", rest)
        } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            (UTF_16BE, "UTF-16BE", rest)
        } else if let Some(enc) = utf16_by_nuls(bytes) {
            (enc, enc.name(), bytes)
        } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            // Valid UTF-8 is UTF-8 whatever a page declares (see `detect`): validated once,
            // copied once, with no detector and no decoder.
            return DecodedText {
                text: normalise_newlines(text.to_string()),
                encoding: display_name(UTF_8).to_string(),
                malformed: 0,
                doubtful: false,
                mixed: None,
            };
        } else {
            let enc = detect(bytes, declared);
            if let Some(mixed) = decode_in_parts(bytes, enc) {
                return mixed;
            }
            (enc, display_name(enc), bytes)
        };
    let (raw, malformed) = decode_counting(encoding, body);
    DecodedText {
        doubtful: encoding.is_single_byte() && !body.is_ascii(),
        text: normalise_newlines(raw),
        encoding: name.to_string(),
        malformed,
        mixed: None,
    }
}

/// A file that is not UTF-8 as a whole but has UTF-8 lines beside lines in `enc`, decoded line
/// by line; `None` when it is in one encoding.
fn decode_in_parts(bytes: &[u8], enc: &'static Encoding) -> Option<DecodedText> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    // A UTF-8 part beside a GBK one detects as UTF-8 (damaged) or, when the UTF-8 bytes rule
    // out GBK, as a single-byte encoding: the lines that are not UTF-8 tell what they are.
    let enc = if enc == UTF_8 || enc.is_single_byte() {
        let rest = super::mixed::other_lines(bytes);
        let sample = &rest[..rest.len().min(SAMPLE_BYTES)];
        match guess(sample, sample.len() == rest.len()) {
            g if g == GBK => GB18030,
            g => g,
        }
    } else {
        enc
    };
    if enc == UTF_8 || enc.is_single_byte() {
        return None;
    }
    let (text, malformed, parts) = super::mixed::decode_mixed(bytes, enc)?;
    let other = display_name(enc);
    Some(DecodedText {
        text: normalise_newlines(text),
        encoding: format!("UTF-8 + {other}"),
        malformed,
        doubtful: false,
        mixed: Some(format!(
            "decoded in parts: {} lines as UTF-8, {} lines as {other}",
            parts.utf8_lines, parts.other_lines
        )),
    })
}

/// Picks the encoding of BOM-less, non-UTF-16 bytes.
fn detect(bytes: &[u8], declared: Option<&'static Encoding>) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    // Detection looks at the first megabyte only: `chardetng` reads about 10 MB a second, and a
    // megabyte of a report is plenty to tell its encoding. Damage further on is still counted
    // when the whole file is decoded.
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let whole = sample.len() == bytes.len();
    // Damaged UTF-8 before a declared charset: pages re-saved as UTF-8 keep their old <meta>.
    if mostly_utf8(sample, whole) {
        return UTF_8;
    }
    // A page that declares UTF-16 but has no BOM and no NUL pattern is not UTF-16 (the HTML
    // standard treats such labels the same way).
    if let Some(enc) = declared.map(Encoding::output_encoding)
        && enc != UTF_8
    {
        return enc;
    }
    let guess = guess(sample, whole);
    if guess.is_single_byte() && repaired_guess(sample) == Some(GBK) {
        return GB18030;
    }
    guess
}

/// How much of a file encoding detection reads.
const SAMPLE_BYTES: usize = 1 << 20;

/// What `chardetng` makes of `bytes`; `whole` says whether they are the whole file or a prefix.
fn guess(bytes: &[u8], whole: bool) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, whole);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// `chardetng` rules out an encoding at the first invalid sequence, so a GBK file with a few
/// damaged bytes comes out as a single-byte Western encoding. Decode as GB18030, drop what did
/// not decode, re-encode, and ask `chardetng` again about the repaired bytes.
fn repaired_guess(bytes: &[u8]) -> Option<&'static Encoding> {
    let (text, malformed) = decode_counting(GB18030, bytes);
    let hanzi = text.chars().filter(|c| is_ideograph(*c)).count();
    // Only a few damaged bytes among many characters count as damage; otherwise the bytes are
    // simply not GB18030.
    if malformed == 0 || hanzi < 20 * malformed {
        return None;
    }
    let repaired: String = text.chars().filter(|c| *c != '\u{FFFD}').collect();
    let (bytes, _, _) = GB18030.encode(&repaired);
    Some(guess(&bytes, true))
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// The name reported for a detected encoding: GBK and GB2312 files are decoded with the GB18030
/// decoder, a superset that decodes their bytes identically, so they are all called `GB18030`.
fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GBK || enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// UTF-8 with a few damaged bytes: many valid multi-byte characters and few errors. Legacy
/// Chinese encodings almost never form long runs of valid UTF-8 by chance, so this does not
/// catch GBK. When `bytes` is a prefix (`whole` false), a character cut at its end is no error.
fn mostly_utf8(bytes: &[u8], whole: bool) -> bool {
    let mut valid_multibyte = 0usize;
    let mut errors = 0usize;
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let cut_at_end = !whole && chunks.peek().is_none() && chunk.invalid().len() < 4;
        if !chunk.invalid().is_empty() && !cut_at_end {
            errors += 1;
        }
    }
    errors > 0 && valid_multibyte >= 20 * errors
}

/// UTF-16 without a BOM. ASCII characters (digits, punctuation, line breaks) leave NUL bytes in
/// UTF-16, so a file with NULs is decoded both ways, the side with more NULs first, and taken as
/// UTF-16 when nearly every character comes out as something a report contains.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Chinese news is mostly ideographs, with ASCII only in digits, some punctuation and line
    // breaks: one code unit in forty is enough. The other side is not clean either: ideographs
    // such as 一 (U+4E00) and 开 (U+5F00) carry a NUL byte too.
    if (even + odd) * 40 < sample.len() / 2 || even.max(odd) < 4 {
        return None;
    }
    let order = if odd >= even {
        [UTF_16LE, UTF_16BE]
    } else {
        [UTF_16BE, UTF_16LE]
    };
    order.into_iter().find(|enc| {
        let (text, malformed) = decode_counting(enc, sample);
        let total = text.chars().count();
        let plausible = text.chars().filter(|c| is_plausible(*c)).count();
        // One malformed unit is allowed: the sample may end inside a surrogate pair.
        malformed <= 1 && plausible * 100 >= total * 97
    })
}

/// Characters a report in Chinese (or with some Western words) is made of: printable ASCII and
/// Latin-1, general and CJK punctuation, ideographs and full-width forms. Binary data read as
/// UTF-16 is mostly other things: controls, surrogates, Hangul, private use.
fn is_plausible(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{17F}' | '\u{2000}'..='\u{206F}'
        | '\u{2150}'..='\u{22FF}' | '\u{2460}'..='\u{27BF}' | '\u{3000}'..='\u{30FF}'
        | '\u{FF00}'..='\u{FFEF}')
        || is_ideograph(c)
}

/// Decodes without BOM sniffing, replacing each malformed sequence with U+FFFD and counting them.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3))
        .saturating_add(16);
    let mut out = String::with_capacity(capacity);
    let mut rest = bytes;
    let mut malformed = 0usize;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(rest.len().saturating_mul(3) + 16),
            DecoderResult::Malformed(_, _) => {
                malformed += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, malformed)
}

/// Turns `\r\n` and lone `\r` into `\n`, without copying text that has neither.
pub fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The charset an HTML page declares in its first kilobytes (`<meta charset=gbk>` or
/// `content="text/html; charset=gb2312"`), if `encoding_rs` knows the label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            return Some(enc);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// What non-text bytes look like, from their magic numbers: `a PDF`, `a PNG image`, `a gzip
/// archive` …; `None` when the bytes may be text. ZIP files are not named here: a ZIP may be a
/// Word document and has to be looked into.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let kind = if starts(b"%PDF-") {
        "a PDF"
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        "a PNG image"
    } else if starts(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "a GIF image"
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        "a WebP image"
    } else if starts(b"BM") && is_bmp(bytes) {
        "a BMP image"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "a TIFF image"
    } else if starts(b"\x1F\x8B") {
        "a gzip archive"
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        "a 7z archive"
    } else if starts(b"Rar!\x1A\x07") {
        "a RAR archive"
    } else if starts(b"\xFD7zXZ\0") {
        "an xz archive"
    } else if starts(b"BZh") && bytes.get(4..10) == Some(b"\x31\x41\x59\x26\x53\x59") {
        "a bzip2 archive"
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "an old-format Office file (.doc/.xls/.ppt) or an encrypted one"
    } else if starts(b"{\\rtf") {
        "an RTF document"
    } else if starts(b"\x7FELF") {
        "a program (ELF executable)"
    } else {
        return None;
    };
    Some(kind)
}

/// A BMP header: `BM`, then a reserved zero word and a pixel offset inside a plausible range, so
/// a text that happens to start with "BM" is not refused.
fn is_bmp(bytes: &[u8]) -> bool {
    let (Some(reserved), Some(offset)) = (bytes.get(6..10), bytes.get(10..14)) else {
        return false;
    };
    let offset = u32::from_le_bytes([offset[0], offset[1], offset[2], offset[3]]);
    reserved == [0, 0, 0, 0] && (26..=4096).contains(&offset)
}

/// Counts control characters (NUL, BEL, …, but not tab, line feed or form feed) in the first
/// 8192 characters of `text`: `(control, sampled)`. Many of them mean binary data, not text.
pub fn count_controls(text: &str) -> (usize, usize) {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(8192) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\x0C') {
            control += 1;
        }
    }
    (control, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "本报讯 14日，市委常委会召开扩大会议，会议强调，要坚持两手抓、两手都要硬。\n";

    fn check(bytes: &[u8], declared: Option<&'static Encoding>, text: &str, encoding: &str) {
        let got = decode(bytes, declared);
        assert_eq!(got.text, text, "text of {bytes:?}");
        assert_eq!(got.encoding, encoding, "encoding of {bytes:?}");
    }

    fn encoded(enc: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn encodings() {
        check(TEXT.as_bytes(), None, TEXT, "UTF-8");
        check(
            &[b"\xEF\xBB\xBF", TEXT.as_bytes()].concat(),
            None,
            TEXT,
            "UTF-8 (BOM)",
        );
        check(&encoded(GB18030, TEXT), None, TEXT, "GB18030");
        check(&encoded(GBK, TEXT), None, TEXT, "GB18030");
        check(
            &[&b"\xFF\xFE"[..], &utf16(TEXT, true)].concat(),
            None,
            TEXT,
            "UTF-16LE",
        );
        check(
            &[&b"\xFE\xFF"[..], &utf16(TEXT, false)].concat(),
            None,
            TEXT,
            "UTF-16BE",
        );
        check(
            &utf16("2020年2月3日\n盐城市召开会议 1 2 3\n", true),
            None,
            "2020年2月3日\n盐城市召开会议 1 2 3\n",
            "UTF-16LE",
        );
        check(
            &utf16("2020年2月3日\n盐城市召开会议 1 2 3\n", false),
            None,
            "2020年2月3日\n盐城市召开会议 1 2 3\n",
            "UTF-16BE",
        );
        check(
            &encoded(
                encoding_rs::BIG5,
                "會議強調，要堅持兩手抓、兩手都要硬，奪取疫情防控和經濟社會發展雙勝利。",
            ),
            None,
            "會議強調，要堅持兩手抓、兩手都要硬，奪取疫情防控和經濟社會發展雙勝利。",
            "Big5",
        );
        check(b"plain ascii", None, "plain ascii", "UTF-8");
    }

    #[test]
    fn single_byte_guesses_are_doubtful() {
        assert!(decode(&[0xFF; 64], None).doubtful);
        assert!(
            decode(
                &encoded(encoding_rs::WINDOWS_1252, "Café déjà vu, naïve façade"),
                None
            )
            .doubtful
        );
        assert!(!decode(b"plain ascii", None).doubtful);
        assert!(!decode(&encoded(GBK, TEXT), None).doubtful);
    }

    #[test]
    fn declared_charset_is_used_only_when_not_utf8() {
        let gbk = encoded(GBK, "会议指出");
        check(&gbk, Some(GBK), "会议指出", "GB18030");
        // A page re-saved as UTF-8 that still declares gb2312 is read as UTF-8.
        check("会议指出".as_bytes(), Some(GBK), "会议指出", "UTF-8");
        // So is one with a damaged byte.
        let mut damaged = TEXT.as_bytes().to_vec();
        damaged.insert(0, 0xFF);
        check(&damaged, Some(GBK), &format!("\u{FFFD}{TEXT}"), "UTF-8");
        // A declared UTF-16 without a BOM falls back to detection.
        check(&gbk, Some(UTF_16LE), "会议指出", "GB18030");
    }

    #[test]
    fn newlines() {
        check(b"a\r\nb\rc\n", None, "a\nb\nc\n", "UTF-8");
        check("会议\r\n强调\r".as_bytes(), None, "会议\n强调\n", "UTF-8");
    }

    #[test]
    fn malformed_bytes_are_counted() {
        let mut gbk = encoded(GB18030, &TEXT.repeat(3));
        gbk.insert(0, 0xFF);
        gbk.push(0x81);
        let got = decode(&gbk, None);
        assert_eq!(got.encoding, "GB18030");
        assert_eq!(got.malformed, 2);
        assert!(got.text.contains("两手抓"));

        let mut utf8 = TEXT.repeat(3).into_bytes();
        utf8.insert(3, 0xFF);
        let got = decode(&utf8, None);
        assert_eq!((got.encoding.as_str(), got.malformed), ("UTF-8", 1));
        assert!(got.text.contains("两手都要硬"));

        let got = decode(
            &[&b"\xFF\xFE"[..], &utf16(TEXT, true), &[0x00, 0xD8]].concat(),
            None,
        );
        assert_eq!((got.encoding.as_str(), got.malformed), ("UTF-16LE", 1));
    }

    #[test]
    fn long_files_are_detected_from_their_start() {
        // Over a megabyte, with damage only after the first one: the whole file still counts it.
        let long = TEXT.repeat(SAMPLE_BYTES / TEXT.len() + 100);
        let mut gbk = encoded(GB18030, &long);
        gbk.push(0xFF);
        let got = decode(&gbk, None);
        assert_eq!((got.encoding.as_str(), got.malformed), ("GB18030", 1));
        let mut utf8 = long.clone().into_bytes();
        utf8.push(0xFF);
        let got = decode(&utf8, None);
        assert_eq!((got.encoding.as_str(), got.malformed), ("UTF-8", 1));
        // A prefix that ends inside a character is not damaged.
        let cut = &long.as_bytes()[..long.len() - 2];
        assert!(!mostly_utf8(cut, false));
        assert!(mostly_utf8(cut, true));
    }

    fn check_charset(html: &str, expect: Option<&str>) {
        assert_eq!(
            declared_charset(html.as_bytes()).map(Encoding::name),
            expect,
            "{html}"
        );
    }

    #[test]
    fn charsets() {
        check_charset(r#"<meta charset="gbk">"#, Some("GBK"));
        check_charset(r"<META CHARSET=GB2312>", Some("GBK"));
        check_charset(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />"#,
            Some("gb18030"),
        );
        check_charset(r"<meta charset='utf-8'>", Some("UTF-8"));
        check_charset(
            r#"<meta charset="nonsense"><meta charset="big5">"#,
            Some("Big5"),
        );
        check_charset("<p>没有声明</p>", None);
    }

    fn check_sniff(bytes: &[u8], expect: Option<&str>) {
        assert_eq!(sniff_binary(bytes), expect, "{bytes:?}");
    }

    #[test]
    fn sniffing() {
        check_sniff(b"%PDF-1.7\n%\xE2\xE3", Some("a PDF"));
        check_sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("a PNG image"));
        check_sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF", Some("a JPEG image"));
        check_sniff(b"GIF89a\x01\0", Some("a GIF image"));
        check_sniff(b"RIFF\x24\0\0\0WEBPVP8 ", Some("a WebP image"));
        check_sniff(b"BM\x36\0\x0c\0\0\0\0\0\x36\0\0\0", Some("a BMP image"));
        check_sniff(b"II*\0\x08\0\0\0", Some("a TIFF image"));
        check_sniff(b"\x1F\x8B\x08\0", Some("a gzip archive"));
        check_sniff(b"7z\xBC\xAF\x27\x1C\0\x04", Some("a 7z archive"));
        check_sniff(b"Rar!\x1A\x07\x01\0", Some("a RAR archive"));
        check_sniff("BMW 汽车很贵".as_bytes(), None);
        check_sniff("%PDF 不在开头也不算".as_bytes(), None);
        check_sniff(TEXT.as_bytes(), None);
    }

    #[test]
    fn control_characters() {
        assert_eq!(count_controls("会议\t强调\n\x0C"), (0, 7));
        assert_eq!(count_controls("a\0b\x07"), (2, 4));
    }
}
