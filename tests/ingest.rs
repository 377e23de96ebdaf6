//! Reading real files: the seeds in other encodings, an HTML page, a Word document and a PDF
//! built here, the files a researcher's folder should not contain, and fuzzing of the decoder.

// A failed unwrap is a failed test here.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use encoding_rs::{GB18030, GBK};
use proptest::prelude::*;
use tifa::ingest::read::SEEDS;
use tifa::ingest::{Corpus, ReadConfig, read_bytes, read_paths};
use tifa::{Cancelled, Format, NoProgress};

// Not every test file uses every builder.
#[allow(dead_code)]
#[path = "common/pdf.rs"]
mod pdf;

fn seed(i: usize) -> &'static str {
    std::str::from_utf8(SEEDS[i].1).unwrap()
}

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let bom = if bom { Some(0xFEFF) } else { None };
    bom.into_iter()
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// `(encoding, text)` read from `bytes` under `name`, or the problem message.
fn read(name: &str, bytes: &[u8]) -> Result<(String, String), String> {
    read_bytes(name, bytes)
        .map(|d| (d.encoding, d.text))
        .map_err(|e| e.to_string())
}

#[test]
fn seeds_in_every_encoding_decode_to_the_seed_text() {
    for (i, (name, _)) in SEEDS.iter().enumerate() {
        let text = seed(i);
        let crlf = text.replace('\n', "\r\n");
        let mut cases: Vec<(&str, Vec<u8>)> = vec![
            ("UTF-8", text.as_bytes().to_vec()),
            ("UTF-8", crlf.as_bytes().to_vec()),
            (
                "UTF-8 (BOM)",
                [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            ),
            ("GB18030", GB18030.encode(text).0.into_owned()),
            ("GB18030", GB18030.encode(&crlf).0.into_owned()),
            ("UTF-16LE", utf16(text, true, true)),
            ("UTF-16BE", utf16(text, false, true)),
            ("UTF-16LE", utf16(text, true, false)),
            ("UTF-16BE", utf16(&crlf, false, false)),
        ];
        // GBK lacks a few characters of some seeds (the no-break space), which its encoder
        // writes as HTML character references; compare only where it has them all.
        let (gbk, _, unmappable) = GBK.encode(text);
        if !unmappable {
            cases.push(("GB18030", gbk.into_owned()));
        }
        for (encoding, bytes) in cases {
            let got = read(name, &bytes);
            assert_eq!(
                got,
                Ok((encoding.to_string(), text.to_string())),
                "seed {i} as {encoding}"
            );
        }
    }
}

#[test]
fn broken_gbk_is_read_with_a_note() {
    let mut bytes = GBK.encode(seed(3)).0.into_owned();
    // Three damaged spots: a stray 0xFF lead byte, another in the middle, a cut-off last character.
    bytes.insert(0, 0xFF);
    let middle = (bytes.len() / 2..bytes.len())
        .find(|&i| bytes[i] == b'\n')
        .unwrap()
        + 1;
    bytes.insert(middle, 0xFF);
    bytes.push(0xB0);
    let decoded = read_bytes("broken.txt", &bytes).unwrap();
    assert_eq!(decoded.encoding, "GB18030");
    assert_eq!(
        decoded.problems,
        ["3 malformed byte sequences replaced (not valid GB18030)"]
    );
    assert_eq!(decoded.text.matches('\u{FFFD}').count(), 3);
    assert!(decoded.text.contains("会议强调,做好下一步防控工作"));
}

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
  <title>市委召开常委会会议_要闻_某某新闻网</title>
  <style>body { font-size: 14px } .nav li { float: left }</style>
  <script src="/js/jquery.js"></script>
  <script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
</head>
<body>
  <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/yw/">要闻</a></li><li><a href="/sz/">时政</a></li></ul></div>
  <div class="article">
    <h1>市委召开常委会会议 研究部署疫情防控工作</h1>
    <div class="info">2020-02-03 20:06&nbsp;&nbsp;来源：某某日报&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">小</a></div>
    <p>　　2月3日，市委召开常委会会议，研究部署下一步疫情防控工作。
       市委书记主持会议。</p>
    <p>　　会议强调，要坚持<strong>外防输入、内防反弹</strong>，
       毫不放松抓紧抓实抓细各项防控工作。</p>
    <p>　　一是加强摸排检查；<br>二是隔离留观要及时到位。</p>
    <noscript>您的浏览器不支持脚本</noscript>
  </div>
  <div class="footer">版权所有 &copy; 某某新闻网</div>
  <script>(function(){ var s = document.createElement("script"); })();</script>
</body>
</html>"##;

#[test]
fn html_page_gives_the_reports_paragraphs() {
    for (name, bytes) in [
        ("page.html", PAGE.as_bytes().to_vec()),
        ("page.shtml", GBK.encode(PAGE).0.into_owned()),
        ("pasted-into.txt", GBK.encode(PAGE).0.into_owned()),
    ] {
        let d = read_bytes(name, &bytes).unwrap();
        assert_eq!(d.format, Format::Html, "{name}");
        let lines: Vec<&str> = d.text.lines().collect();
        let expect = [
            "首页",
            "要闻",
            "时政",
            "市委召开常委会会议 研究部署疫情防控工作",
            "2020-02-03 20:06 来源：某某日报 字号：大 小",
            "2月3日，市委召开常委会会议，研究部署下一步疫情防控工作。市委书记主持会议。",
            "会议强调，要坚持外防输入、内防反弹，毫不放松抓紧抓实抓细各项防控工作。",
            "一是加强摸排检查；",
            "二是隔离留观要及时到位。",
            "版权所有 © 某某新闻网",
        ];
        assert_eq!(lines, expect, "{name}");
        for gone in [
            "统计代码",
            "jquery",
            "font-size",
            "_hmt",
            "浏览器不支持",
            "某某新闻网_",
        ] {
            assert!(!d.text.contains(gone), "{name} kept {gone}");
        }
    }
    assert_eq!(
        read_bytes("p.html", PAGE.as_bytes()).unwrap().encoding,
        "UTF-8"
    );
    assert_eq!(
        read_bytes("p.html", &GBK.encode(PAGE).0).unwrap().encoding,
        "GB18030"
    );
}

/// A minimal but complete Word document, as Word writes it.
fn docx(document_xml: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut part = |name: &str, body: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    part(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    );
    part(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
    );
    if let Some(xml) = document_xml {
        part("word/document.xml", xml);
    }
    zip.finish().unwrap().into_inner()
}

const DOCUMENT_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>县委召开疫情防控工作领导小组会议</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">2月24日，县委召开会议。</w:t></w:r><w:r><w:t>会议强调，要坚持两手抓、两手都要硬。</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>责任编辑：</w:t></w:r><w:r><w:tab/><w:t>某某</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body>
</w:document>"#;

/// The whole analysis of `corpus`, as the app and `tifa-cli` run it.
fn analyse_corpus(corpus: Corpus) -> tifa::pipeline::Analysis {
    tifa::pipeline::analyse(
        &tifa::pipeline::Engine::new(),
        corpus,
        &tifa::pipeline::Config::default(),
        &mut NoProgress,
    )
    .unwrap()
}

/// The whole analysis of the files at `paths`.
fn analyse_paths(paths: &[PathBuf]) -> tifa::pipeline::Analysis {
    analyse_corpus(read_paths(paths, &ReadConfig::default(), &mut NoProgress).unwrap())
}

/// A county's meeting as a PDF of the kind a government site posts: a title, a dateline and
/// body lines wrapped at the page's width.
#[test]
fn a_pdf_report_is_read_and_its_meeting_found() {
    let lines = [
        "某某县召开县委常委会会议",
        "2023年3月6日，县委书记主持召开县委常委会会议，传达学习全国两会精神，研",
        "究部署我县贯彻落实工作。会议强调，要坚持稳中求进工作总基调，扎实推进高",
        "质量发展，抓紧抓实抓细各项工作。",
    ];
    let bytes = pdf::text_pdf(&lines);
    let d = read_bytes("县委常委会.pdf", &bytes).unwrap();
    assert_eq!(d.format, Format::Pdf);
    // The wrapped lines are one paragraph again.
    assert!(
        d.text.contains("传达学习全国两会精神，研究部署我县贯彻落实工作。会议强调，要坚持稳中求进工作总基调，扎实推进高质量发展"),
        "{:?}",
        d.text
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "县委常委会.pdf", &bytes);
    let analysis = analyse_paths(&[path]);
    assert_eq!(
        analysis.meetings.len(),
        1,
        "{:?}",
        analysis.documents[0].text
    );
    let m = &analysis.meetings[0];
    assert_eq!(
        m.date.map(|d| d.date.to_string()).as_deref(),
        Some("2023-03-06")
    );
    assert!(m.directives.iter().any(|d| d.text.contains("抓紧抓实抓细")));
}

/// A report cut into words, as segmentation tools and some crawlers write it, is read as the
/// report it is.
#[test]
fn a_pre_segmented_report_is_read_as_ordinary_text() {
    let text = "某某 县 召开 县委 常委会 会议\n\
                2023年 3月 6日 ， 县委 书记 主持 召开 县委 常委会 会议 ， 传达 学习 全国 两会 精神 。 \
                会议 强调 ， 要 坚持 稳中求进 工作 总 基调 ， 抓紧 抓实 抓细 各项 工作 。\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "分词.txt", text.as_bytes());
    let corpus = read_paths(&[path], &ReadConfig::default(), &mut NoProgress).unwrap();
    let doc = &corpus.documents[0];
    assert!(
        doc.text
            .contains("会议强调，要坚持稳中求进工作总基调，抓紧抓实抓细各项工作。")
    );
    assert!(
        doc.problems
            .iter()
            .any(|p| p.starts_with("pre-segmented text"))
    );
    let analysis = analyse_corpus(corpus);
    assert_eq!(analysis.meetings.len(), 1);
    let m = &analysis.meetings[0];
    assert_eq!(
        m.date.map(|d| d.date.to_string()).as_deref(),
        Some("2023-03-06")
    );
    assert!(m.directives.iter().any(|d| d.text.contains("抓紧抓实抓细")));
}

#[test]
fn docx_paragraphs() {
    let d = read_bytes("会议.docx", &docx(Some(DOCUMENT_XML))).unwrap();
    assert_eq!((d.format, d.encoding.as_str()), (Format::Docx, "UTF-8"));
    assert_eq!(
        d.text,
        "县委召开疫情防控工作领导小组会议\n2月24日，县委召开会议。会议强调，要坚持两手抓、两手都要硬。\n责任编辑：\t某某"
    );
    // A Word document keeps its content whatever it is called.
    assert_eq!(
        read_bytes("download.zip", &docx(Some(DOCUMENT_XML)))
            .unwrap()
            .format,
        Format::Docx
    );
}

fn message(name: &str, bytes: &[u8]) -> String {
    read_bytes(name, bytes).map_or_else(|e| e.to_string(), |_| "read".to_string())
}

#[test]
fn each_bad_input_has_its_own_message() {
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "a.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0",
            "not text: looks like a PNG image",
        ),
        (
            "a.jpg",
            b"\xFF\xD8\xFF\xE1\0\x18Exif\0\0",
            "not text: looks like a JPEG image",
        ),
        (
            "a.gif",
            b"GIF89a\x10\0\x10\0",
            "not text: looks like a GIF image",
        ),
        (
            "a.webp",
            b"RIFF\x1a\0\0\0WEBPVP8L",
            "not text: looks like a WebP image",
        ),
        (
            "a.tif",
            b"MM\0*\0\0\0\x08",
            "not text: looks like a TIFF image",
        ),
        (
            "a.txt.gz",
            b"\x1F\x8B\x08\x08\0\0\0\0",
            "not text: looks like a gzip archive",
        ),
        (
            "a.7z",
            b"7z\xBC\xAF\x27\x1C\0\x04",
            "not text: looks like a 7z archive",
        ),
        (
            "a.rar",
            b"Rar!\x1A\x07\x01\0",
            "not text: looks like a RAR archive",
        ),
        ("a.txt", b"", "empty file"),
        ("a.txt", b"\n\n   \r\n", "empty file: only whitespace"),
        (
            "a.txt",
            "\u{3000}\u{3000}\n".as_bytes(),
            "empty file: only whitespace",
        ),
    ];
    for (name, bytes, expect) in cases {
        assert_eq!(message(name, bytes), *expect, "{name}");
    }
    assert!(message("noise.txt", &noise).starts_with("not text: looks like binary data ("));
    assert!(
        message("a.pdf", b"%PDF-1.5\n%\xB5\xB5\xB5\xB5\n1 0 obj")
            .starts_with("the PDF cannot be read (")
    );
    assert!(
        message("scan.pdf", &pdf::scanned_pdf())
            .starts_with("a scanned PDF: its page is an image without a text layer (")
    );
    let plain_zip = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("photo.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(seed(0).as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    };
    assert_eq!(
        message("a.zip", &plain_zip),
        "not text: looks like a ZIP archive"
    );
    assert_eq!(
        message("a.docx", &plain_zip),
        "not a Word document: it has no word/document.xml"
    );
    assert_eq!(
        message("a.docx", &docx(None)),
        "not a Word document: it has no word/document.xml"
    );
    assert_eq!(
        message("a.docx", seed(0).as_bytes()),
        "not a Word document: not a zip archive"
    );
    assert!(
        message("a.docx", &docx(Some("<w:document><w:p><w:t>未闭合</w:p>")))
            .starts_with("not a Word document: word/document.xml cannot be read (")
    );
    assert_eq!(
        message(
            "empty.docx",
            &docx(Some("<w:document><w:body><w:p/></w:body></w:document>"))
        ),
        "no text: the Word document has no paragraphs"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Paths relative to `dir`, for assertions that do not depend on the temporary folder's name.
fn relative(dir: &Path, corpus: &Corpus) -> (Vec<String>, Vec<String>) {
    let rel = |p: &str| {
        Path::new(p)
            .strip_prefix(dir)
            .unwrap()
            .display()
            .to_string()
    };
    (
        corpus.documents.iter().map(|d| rel(&d.path)).collect(),
        corpus
            .problems
            .iter()
            .map(|p| format!("{}: {}", rel(&p.path), p.message))
            .collect(),
    )
}

#[test]
fn a_folder_loads_the_good_files_and_lists_the_bad() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "b_yancheng.txt", &GBK.encode(seed(3)).0);
    write(dir, "a_page.html", PAGE.as_bytes());
    write(dir, "sub/c_report.docx", &docx(Some(DOCUMENT_XML)));
    write(dir, "sub/deeper/d_utf16.txt", &utf16(seed(4), true, true));
    write(dir, "scan.pdf", &pdf::scanned_pdf());
    write(dir, "photo.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(dir, "sub/backup.zip", &docx(None));
    write(dir, "empty.txt", b"");
    write(
        dir,
        "noise.bin",
        &(0u8..=255).cycle().take(3000).collect::<Vec<_>>(),
    );
    // System litter is skipped without a word.
    write(dir, ".DS_Store", b"\0\0\0\x01Bud1");
    write(dir, ".hidden/notes.txt", "会议".as_bytes());
    write(dir, "Thumbs.db", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    write(dir, "sub/~$c_report.docx", b"\x05owner");
    // A file over the limit is refused from its size: this one is sparse and never read.
    let big = std::fs::File::create(dir.join("huge.txt")).unwrap();
    big.set_len(500 * 1024 * 1024).unwrap();
    let missing = dir.join("not-there.txt");
    std::fs::create_dir(dir.join("sub/nothing")).unwrap();
    write(dir, "only-litter/.DS_Store", b"\0\0\0\x01Bud1");

    let corpus = read_paths(
        &[dir.to_path_buf(), missing, dir.join("only-litter")],
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .unwrap();
    let (docs, mut problems) = relative(dir, &corpus);
    let noise = problems.remove(2);
    assert!(
        noise.starts_with("noise.bin: not text: looks like binary data ("),
        "{noise}"
    );
    assert_eq!(
        docs,
        [
            "a_page.html",
            "b_yancheng.txt",
            "sub/c_report.docx",
            "sub/deeper/d_utf16.txt"
        ]
    );
    assert_eq!(
        problems,
        [
            "empty.txt: empty file",
            "huge.txt: file too large: 500.0 MB, the limit is 64.0 MB",
            "not-there.txt: no such file or folder",
            "only-litter: empty folder: no files to read",
            "photo.png: not text: looks like a PNG image",
            "scan.pdf: a scanned PDF: its page is an image without a text layer (run it through OCR first, then add the result)",
            "sub/backup.zip: not text: looks like a ZIP archive",
        ]
    );
    let ids: Vec<u32> = corpus.documents.iter().map(|d| d.id.0).collect();
    assert_eq!(ids, [0, 1, 2, 3]);
    let kinds: Vec<(Format, &str)> = corpus
        .documents
        .iter()
        .map(|d| (d.format, d.encoding.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Format::Html, "UTF-8"),
            (Format::Text, "GB18030"),
            (Format::Docx, "UTF-8"),
            (Format::Text, "UTF-16LE")
        ]
    );
    assert_eq!(&*corpus.documents[1].text, seed(3));
    assert_eq!(&*corpus.documents[3].text, seed(4));

    // Named explicitly, a hidden file is read; the same file twice is read once.
    let hidden = dir.join(".hidden/notes.txt");
    let corpus = read_paths(
        &[hidden.clone(), hidden],
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), 1);
    // A smaller limit refuses smaller files.
    let small = ReadConfig { max_bytes: 1000 };
    let corpus = read_paths(&[dir.join("b_yancheng.txt")], &small, &mut NoProgress).unwrap();
    assert_eq!(
        corpus.problems[0].message,
        format!(
            "file too large: {:.1} KB, the limit is 1000 bytes",
            GBK.encode(seed(3)).0.len() as f64 / 1024.0
        )
    );
    let small = ReadConfig {
        max_bytes: 1024 * 1024,
    };
    write(
        dir,
        "two-megabytes.txt",
        &"会议强调。\n".repeat(120_000).into_bytes(),
    );
    let corpus = read_paths(&[dir.join("two-megabytes.txt")], &small, &mut NoProgress).unwrap();
    assert_eq!(
        corpus.problems[0].message,
        "file too large: 1.8 MB, the limit is 1.0 MB"
    );
}

#[test]
fn progress_is_reported_and_cancel_is_honoured() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, bytes) in SEEDS {
        write(tmp.path(), name, bytes);
    }
    let mut seen = Vec::new();
    let mut record = |done: usize, total: usize| {
        seen.push((done, total));
        ControlFlow::Continue(())
    };
    let corpus = read_paths(
        &[tmp.path().to_path_buf()],
        &ReadConfig::default(),
        &mut record,
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), SEEDS.len());
    // From none read to all read, never going back.
    assert_eq!(seen.first(), Some(&(0, SEEDS.len())));
    assert_eq!(seen.last(), Some(&(SEEDS.len(), SEEDS.len())));
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
    assert!(seen.iter().all(|&(_, total)| total == SEEDS.len()));

    let mut cancel_at_once = |_: usize, _: usize| ControlFlow::Break(());
    let got = read_paths(
        &[tmp.path().to_path_buf()],
        &ReadConfig::default(),
        &mut cancel_at_once,
    );
    assert_eq!(got.err(), Some(Cancelled));
    let mut cancel_after_two = |done: usize, _: usize| {
        if done >= 2 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let got = read_paths(
        &[tmp.path().to_path_buf()],
        &ReadConfig::default(),
        &mut cancel_after_two,
    );
    assert_eq!(got.err(), Some(Cancelled));
}

const NAMES: &[&str] = &["a.txt", "a.html", "a.docx", "a.md", "a", "a.pdf"];

/// A slice of a seed report of at least 30 characters, cut at character boundaries.
fn seed_slice() -> impl Strategy<Value = String> {
    (0..SEEDS.len(), any::<prop::sample::Index>(), 30usize..600).prop_filter_map(
        "too little Chinese",
        |(i, start, len)| {
            let chars: Vec<char> = seed(i).chars().collect();
            let start = start.index(chars.len());
            let text: String = chars[start..].iter().take(len).collect();
            let hanzi = text
                .chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count();
            (hanzi >= 20).then_some(text)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), name in prop::sample::select(NAMES)) {
        let _ = read_bytes(name, &bytes);
    }

    #[test]
    fn mutated_seeds_never_panic(
        i in 0..SEEDS.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..40),
        name in prop::sample::select(NAMES),
        encoding in 0u8..3,
    ) {
        let mut bytes = match encoding {
            0 => SEEDS[i].1.to_vec(),
            1 => GBK.encode(seed(i)).0.into_owned(),
            _ => utf16(seed(i), true, true),
        };
        for (at, byte, kind) in edits {
            let at = at.index(bytes.len());
            match kind {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => { bytes.remove(at); }
            }
        }
        let _ = read_bytes(name, &bytes);
    }

    #[test]
    fn prefixes_never_panic(i in 0..SEEDS.len(), cut in any::<prop::sample::Index>(), encoding in 0u8..4) {
        let bytes = match encoding {
            0 => SEEDS[i].1.to_vec(),
            1 => GBK.encode(seed(i)).0.into_owned(),
            2 => utf16(seed(i), false, true),
            _ => docx(Some(DOCUMENT_XML)),
        };
        let cut = cut.index(bytes.len() + 1);
        let name = if encoding == 3 { "a.docx" } else { "a.txt" };
        let _ = read_bytes(name, &bytes[..cut]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_encoding_gives_back_the_same_text(text in seed_slice()) {
        let expect = Ok(text.clone());
        prop_assert_eq!(read("a.txt", text.as_bytes()).map(|r| r.1), expect.clone());
        prop_assert_eq!(read("a.txt", &GB18030.encode(&text).0), Ok(("GB18030".to_string(), text.clone())));
        prop_assert_eq!(read("a.txt", &utf16(&text, true, true)).map(|r| r.1), expect.clone());
        prop_assert_eq!(read("a.txt", &utf16(&text, false, true)).map(|r| r.1), expect);
    }

    #[test]
    fn mutated_docx_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20)) {
        let mut bytes = docx(Some(DOCUMENT_XML));
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = read_bytes("a.docx", &bytes);
    }
}
