//! A cap on how deeply an HTML page's elements nest, applied before the page is parsed.
//!
//! The HTML tree builder checks the stack of open elements at every tag, so a page whose
//! elements nest tens of thousands deep (20,000 unclosed `<li>`, 100,000 nested `<div>`) takes
//! time quadratic in its size. No real page nests more than a few dozen deep; beyond
//! [`MAX_DEPTH`] the tags themselves are dropped and their text kept, so any page parses in time
//! linear in its size.

use std::borrow::Cow;

/// Open elements kept; deeper tags are dropped, their text stays.
pub const MAX_DEPTH: usize = 256;

/// Elements that never hold content, so they never nest.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose start ends an open element of the same name (`<li>` after `<li>`), as the
/// tree builder does, so that a list of unclosed items does not count as nesting.
const SELF_ENDING: [&str; 10] = [
    "dd", "dt", "li", "option", "p", "rb", "rt", "td", "th", "tr",
];

/// Elements whose content is not markup: it is skipped whole, and they are never dropped, so
/// a script's text never becomes page text.
const RAW: [&str; 6] = [
    "script", "style", "textarea", "title", "noscript", "template",
];

/// `source` with every tag deeper than `max_depth` removed; unchanged (and not copied) when the
/// page never nests that deep.
pub fn cap_depth(source: &str, max_depth: usize) -> Cow<'_, str> {
    let mut stack: Vec<&str> = Vec::new();
    // Start tags dropped whose end tags have not come yet.
    let mut dropped = 0usize;
    let mut out: Option<String> = None;
    let bytes = source.as_bytes();
    // Bytes of `source` before `copied` are in `out` already (when `out` exists).
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let Some(tag) = Tag::parse(&source[start..]) else {
            i = start + 1;
            continue;
        };
        let end = start + tag.len;
        let mut drop = false;
        match tag.kind {
            Kind::Other => {}
            Kind::Open if RAW.contains(&tag.name.as_str()) => {
                // Skip past the matching end tag: nothing inside is markup, and the element
                // itself holds no other element.
                let close = format!("</{}", tag.name);
                i = find_ci(&source[end..], &close).map_or(source.len(), |p| {
                    let at = end + p;
                    source[at..]
                        .find('>')
                        .map_or(source.len(), |gt| at + gt + 1)
                });
                continue;
            }
            Kind::Open => {
                let name = &source[start + 1..start + 1 + tag.name.len()];
                if SELF_ENDING.contains(&tag.name.as_str())
                    && stack
                        .last()
                        .is_some_and(|top| top.eq_ignore_ascii_case(name))
                {
                    stack.pop();
                }
                if !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
                    if stack.len() >= max_depth {
                        drop = true;
                        dropped += 1;
                    } else {
                        stack.push(name);
                    }
                }
            }
            // End tags close the dropped elements first: they are the innermost.
            Kind::Close if dropped > 0 => {
                dropped -= 1;
                drop = true;
            }
            Kind::Close => {
                if let Some(at) = stack
                    .iter()
                    .rposition(|n| n.eq_ignore_ascii_case(&tag.name))
                {
                    stack.truncate(at);
                }
            }
        }
        if drop {
            let buf = out.get_or_insert_with(|| String::with_capacity(source.len()));
            buf.push_str(&source[copied..start]);
            copied = end;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(source),
        Some(mut buf) => {
            buf.push_str(&source[copied..]);
            Cow::Owned(buf)
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The first position of ASCII `needle` in `haystack`, ignoring ASCII case.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    /// A comment, doctype or processing instruction.
    Other,
}

#[derive(Debug)]
struct Tag {
    kind: Kind,
    /// Lowercased name.
    name: String,
    self_closing: bool,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

impl Tag {
    /// The tag at the start of `s` (which begins with `<`), or `None` when the `<` is text.
    fn parse(s: &str) -> Option<Tag> {
        let rest = &s[1..];
        if rest.starts_with("!--") {
            let len = rest.find("-->").map_or(s.len(), |p| 1 + p + 3);
            return Some(Tag {
                kind: Kind::Other,
                name: String::new(),
                self_closing: false,
                len,
            });
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            let len = rest.find('>').map_or(s.len(), |p| p + 2);
            return Some(Tag {
                kind: Kind::Other,
                name: String::new(),
                self_closing: false,
                len,
            });
        }
        let (kind, body) = match rest.strip_prefix('/') {
            Some(body) => (Kind::Close, body),
            None => (Kind::Open, rest),
        };
        let name_len = body
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            .count();
        if name_len == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        let gt = tag_end(body)?;
        let self_closing = body[..gt].trim_end().ends_with('/');
        Some(Tag {
            kind,
            name: body[..name_len].to_ascii_lowercase(),
            self_closing,
            // `body` is a suffix of `s`, so this is the offset of its `>` in `s`, plus one.
            len: s.len() - body.len() + gt + 1,
        })
    }
}

/// The position of the `>` that ends a tag's body, skipping quoted attribute values.
fn tag_end(body: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in body.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, max: usize, expect: &str) {
        assert_eq!(cap_depth(html, max), expect, "{html}");
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>会议强调<p>要坚持<br>两手抓</div></body></html>";
        assert!(matches!(cap_depth(page, 8), Cow::Borrowed(_)));
        check(
            "<ul><li>一<li>二<li>三</ul>",
            2,
            "<ul><li>一<li>二<li>三</ul>",
        );
        check("<p>a<p>b<p>c<p>d", 1, "<p>a<p>b<p>c<p>d");
        check(
            "<div><img src=x><br/><hr></div>",
            1,
            "<div><img src=x><br/><hr></div>",
        );
        check("a < b and c<3", 1, "a < b and c<3");
        check("<!-- <div><div><div> -->x", 1, "<!-- <div><div><div> -->x");
    }

    #[test]
    fn deep_tags_are_dropped_and_text_kept() {
        check(
            "<div><div><div>深</div></div></div>",
            2,
            "<div><div>深</div></div>",
        );
        check("<b><i><u>字</u></i></b>尾", 1, "<b>字</b>尾");
        check(
            r#"<div a=">"><span title='<div>'>会议</span></div>"#,
            1,
            r#"<div a=">">会议</div>"#,
        );
    }

    #[test]
    fn scripts_are_never_dropped() {
        check(
            "<div><div><script>var a = '<div>';</script>文</div></div>",
            1,
            "<div><script>var a = '<div>';</script>文</div>",
        );
    }

    #[test]
    fn a_deep_page_is_capped() {
        let deep = format!("{}会议强调{}", "<ul><li>".repeat(20_000), "</li>".repeat(3));
        let capped = cap_depth(&deep, MAX_DEPTH);
        assert!(capped.len() < deep.len());
        assert!(capped.contains("会议强调"));
        let nested = format!("{}文{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        let capped = cap_depth(&nested, MAX_DEPTH);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
    }
}
