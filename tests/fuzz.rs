//! A bounded fuzz run of the whole engine: decoding, HTML, DOCX, PDF, meeting extraction and phrase
//! mining, on the seed reports mutated byte by byte, cut short, re-encoded, wrapped in deep or
//! broken markup, and spliced with meeting-shaped fragments.
//!
//! CI runs a few hundred cases; `TIFA_FUZZ_CASES=1000000 cargo test --release --test fuzz` runs a
//! long campaign. Every case checks that nothing panics and that every result points into its
//! document's text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::sync::LazyLock;

use encoding_rs::GB18030;
use proptest::prelude::*;
use tifa::NoProgress;
use tifa::ingest::{Corpus, seed_corpus};
use tifa::pipeline::{Config, Engine, analyse};

// Not every test file uses every builder.
#[allow(dead_code)]
#[path = "common/pdf.rs"]
mod pdf;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::new);

static SEEDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    seed_corpus()
        .documents
        .iter()
        .map(|d| d.text.to_string())
        .collect()
});

/// Pieces of meeting reports, page furniture and markup spliced into the pages.
const FRAGMENTS: &[&str] = &[
    "会议强调，要",
    "会议指出：",
    "主持召开县委常委会会议",
    "市政府常务会议",
    "受县委书记委托，县长",
    "主持会议",
    "会后，又召开续会",
    "在随后召开的",
    "日前",
    "昨日上午",
    "2021年",
    "12月",
    "31日",
    "第十四届",
    "分会场",
    "中共中央政治局",
    "我县",
    "、",
    "“",
    "”",
    "\n",
    "<div>",
    "</div>",
    "<p>",
    "<script>",
    "<!--",
    "&nbsp;",
    "\u{FFFD}",
    "號",
];

fn cases() -> u32 {
    std::env::var("TIFA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// A Word document holding `text`, one paragraph a line.
fn docx(text: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for line in text.lines() {
        let line = line.replace('&', "&amp;").replace('<', "&lt;");
        xml = xml + "<w:p><w:r><w:t>" + &line + "</w:t></w:r></w:p>";
    }
    xml.push_str("</w:body></w:document>");
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// One page: a slice of a seed with fragments spliced in, stored as `form`, then damaged.
fn page(
    seed: usize,
    start: prop::sample::Index,
    len: usize,
    splices: &[(prop::sample::Index, usize)],
    form: u8,
    depth: usize,
    edits: &[(prop::sample::Index, u8, u8)],
) -> (String, Vec<u8>) {
    let chars: Vec<char> = SEEDS[seed].chars().collect();
    let from = start.index(chars.len());
    let mut text: Vec<char> = chars[from..].iter().take(len).copied().collect();
    for (at, f) in splices {
        let at = at.index(text.len() + 1);
        let fragment = FRAGMENTS[f % FRAGMENTS.len()];
        text.splice(at..at, fragment.chars());
    }
    let text: String = text.into_iter().collect();
    let (name, mut bytes) = match form {
        0 => ("page.txt", text.into_bytes()),
        1 => ("page.txt", GB18030.encode(&text).0.into_owned()),
        2 => {
            let mut b = vec![0xFF, 0xFE];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            ("page.txt", b)
        }
        3 => {
            let body = text
                .lines()
                .fold(String::new(), |acc, l| acc + "<p>" + l + "</p>");
            let html = format!(
                "<html><head><meta charset=utf-8><title>t</title></head><body>{}{body}{}</body></html>",
                "<div><span>".repeat(depth),
                "</span></div>".repeat(depth / 2)
            );
            ("page.html", html.into_bytes())
        }
        4 => ("page.docx", docx(&text)),
        5 => {
            let lines: Vec<&str> = text.lines().collect();
            ("page.pdf", pdf::text_pdf(&lines))
        }
        _ => {
            // Half UTF-8, half GBK.
            let mid = text
                .char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            let mut b = text.as_bytes()[..mid].to_vec();
            b.extend_from_slice(&GB18030.encode(&text[mid..]).0);
            ("page.txt", b)
        }
    };
    for (at, byte, kind) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at.index(bytes.len());
        match kind % 3 {
            0 => bytes[at] = *byte,
            1 => bytes.insert(at, *byte),
            _ => {
                bytes.remove(at);
            }
        }
    }
    (name.to_string(), bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_engine_survives_any_page_and_points_into_its_text(
        pages in prop::collection::vec(
            (
                0usize..5,
                any::<prop::sample::Index>(),
                20usize..1500,
                prop::collection::vec((any::<prop::sample::Index>(), any::<usize>()), 0..12),
                0u8..7,
                0usize..400,
                prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 0..6),
            ),
            1..4,
        ),
    ) {
        let mut corpus = Corpus::default();
        for (i, (seed, start, len, splices, form, depth, edits)) in pages.iter().enumerate() {
            let (name, bytes) = page(*seed, *start, *len, splices, *form, *depth, edits);
            corpus.add_bytes(&format!("{i}/{name}"), &bytes);
        }
        let a = analyse(&ENGINE, corpus, &Config::default(), &mut NoProgress).unwrap();
        for (i, m) in a.meetings.iter().enumerate() {
            prop_assert_eq!(m.id.0 as usize, i);
            let doc = a.document_of(m).expect("the meeting's document");
            let text: &str = &doc.text;
            prop_assert!(text.get(m.article.start..m.article.end).is_some());
            for d in &m.directives {
                prop_assert!(text.get(d.span.start..d.span.end).is_some(), "{:?}", d.span);
            }
            for r in &m.reports {
                let other = &a.documents[r.doc.0 as usize].text;
                prop_assert!(other.get(r.article.start..r.article.end).is_some());
            }
        }
        for g in &a.phrases {
            for o in &g.occurrences {
                let m = a.meeting(o.meeting).expect("occurrence's meeting");
                let text: &str = &a.document_of(m).expect("document").text;
                // The variant is as written, less the line breaks a page break put inside it and
                // the indentation around them, as the reader joins broken lines.
                let raw = text.get(o.span.start..o.span.end).expect("occurrence in its text");
                let joined: String = raw
                    .split('\n')
                    .enumerate()
                    .map(|(i, line)| {
                        if i == 0 {
                            line.trim_end()
                        } else {
                            line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                        }
                    })
                    .collect();
                let variant: String = o
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                    .collect();
                let joined: String = joined
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                    .collect();
                prop_assert_eq!(joined, variant);
            }
        }
    }
}
