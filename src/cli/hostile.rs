//! `tifa-cli bench --hostile`: the worst inputs known for reading one file, each read in a
//! process of its own, against the limits of 2 s and 200 MiB per MB read.
//!
//! Each input is generated (nothing is shipped): deeply nested HTML, a Word document that
//! expands a thousandfold, a file half UTF-8 and half GBK, GB18030 noise, a report with no line
//! breaks, many reports in one file, a page of tiny paragraphs, UTF-16 text and binary noise.
//! A file under 1 MB is held to the limits of 1 MB: the engine itself (the place names and
//! jieba's dictionary) takes memory before any file is read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::ingest::read::SEEDS;
use crate::ingest::{self, ReadConfig};
use crate::pipeline::Engine;
use crate::progress::NoProgress;

/// Seconds one file may take to read, per MB.
const SECONDS_PER_MB: f64 = 2.0;
/// Peak memory one file may take, in MiB per MB.
const MIB_PER_MB: f64 = 200.0;

/// What reading one file cost, as the child process reports it.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReadCost {
    /// Wall seconds to read the file and find its meetings.
    pub seconds: f64,
    /// Peak resident memory of the process, in MiB.
    pub peak_mib: f64,
    /// Bytes of text the file gave.
    pub text_bytes: usize,
    /// Meetings found.
    pub meetings: usize,
    /// The problem reported for the file, if any.
    pub problem: Option<String>,
}

/// Reads `path` as the app does (decode, split, meetings) and prints what it cost as JSON.
pub fn read_one(engine: &Engine, path: &Path, out: &mut dyn Write) -> Result<()> {
    let start = Instant::now();
    let corpus = ingest::read_paths(
        &[path.to_path_buf()],
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let mut meetings = 0;
    let mut text_bytes = 0;
    for mut doc in corpus.documents {
        text_bytes += doc.text.len();
        meetings += crate::meeting::extract(&mut doc, &engine.gazetteer).len();
    }
    let cost = ReadCost {
        seconds: start.elapsed().as_secs_f64(),
        peak_mib: super::bench::peak_mib(),
        text_bytes,
        meetings,
        problem: corpus.problems.first().map(|p| p.message.clone()),
    };
    serde_json::to_writer(&mut *out, &cost)?;
    writeln!(out)?;
    Ok(())
}

/// The seed reports' text, repeated to at least `bytes`.
fn reports(bytes: usize) -> String {
    let one: String = SEEDS
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut out = String::with_capacity(bytes + one.len());
    while out.len() < bytes {
        out.push_str(&one);
        out.push_str("\n\n");
    }
    out
}

/// Deterministic noise (a linear congruential generator), so every run reads the same bytes.
fn noise(bytes: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..bytes)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) as u8
        })
        .collect()
}

/// A Word document whose text part expands from a small archive to `expanded` bytes.
fn docx_bomb(expanded: usize) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options)?;
        zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)?;
        zip.start_file("word/document.xml", options)?;
        zip.write_all(br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#)?;
        let para = "<w:p><w:r><w:t>会议强调,要抓好落实。</w:t></w:r></w:p>".repeat(1000);
        let mut written = 0;
        while written < expanded {
            zip.write_all(para.as_bytes())?;
            written += para.len();
        }
        zip.write_all(b"</w:body></w:document>")?;
        zip.finish()?;
    }
    Ok(buf.into_inner())
}

/// The worst inputs, by name, with their bytes; `scale` multiplies their sizes.
fn inputs(scale: f64) -> Result<Vec<(&'static str, &'static str, Vec<u8>)>> {
    let n = |base: f64| (base * scale).max(1.0) as usize;
    let mut out: Vec<(&'static str, &'static str, Vec<u8>)> = Vec::new();
    let depth = n(100_000.0);
    out.push((
        "nested divs",
        "html",
        format!(
            "<html><body>{}<p>会议强调,要抓好落实。</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
        .into_bytes(),
    ));
    let depth = n(20_000.0);
    out.push((
        "nested list items",
        "html",
        format!(
            "<html><body>{}会议{}</body></html>",
            "<ul><li>".repeat(depth),
            "</li></ul>".repeat(depth)
        )
        .into_bytes(),
    ));
    out.push(("word bomb", "docx", docx_bomb(n(250e6))?));
    let half = reports(n(1e6));
    let (gbk, _, _) = encoding_rs::GBK.encode(&half);
    let mut mixed = half.clone().into_bytes();
    mixed.extend_from_slice(&gbk);
    out.push(("half UTF-8, half GBK", "txt", mixed));
    out.push(("GB18030 noise", "txt", noise(n(2e6), 7)));
    out.push((
        "one line, no breaks",
        "txt",
        reports(n(5e6)).replace('\n', "").into_bytes(),
    ));
    out.push(("many reports", "txt", reports(n(10e6)).into_bytes()));
    out.push((
        "tiny paragraphs",
        "html",
        format!(
            "<html><body>{}</body></html>",
            "<p>会</p>".repeat(n(200_000.0))
        )
        .into_bytes(),
    ));
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in reports(n(2e6)).encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    out.push(("UTF-16 text", "txt", utf16));
    out.push(("binary noise", "bin", noise(n(4e6), 11)));
    let mut gbk_page = b"<html><head><meta charset=\"gbk\"></head><body>".to_vec();
    gbk_page.extend_from_slice(&encoding_rs::GBK.encode(&reports(n(3e6))).0);
    gbk_page.extend_from_slice(b"</body></html>");
    out.push(("GBK page", "html", gbk_page));
    Ok(out)
}

/// Writes each worst input to a fresh folder, reads it in a child process and prints a table;
/// fails when any input goes over its limits.
pub fn hostile(scale: f64, out: &mut dyn Write) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("tifa-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let result = run_all(&dir, scale, out);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_all(dir: &Path, scale: f64, out: &mut dyn Write) -> Result<()> {
    let exe = std::env::current_exe().context("finding tifa-cli")?;
    writeln!(
        out,
        "{:<22} {:>9} {:>9} {:>9} {:>10} {:>10}  result",
        "input", "MB", "seconds", "limit s", "peak MiB", "limit MiB"
    )?;
    let mut over = Vec::new();
    for (i, (name, ext, bytes)) in inputs(scale)?.into_iter().enumerate() {
        let path: PathBuf = dir.join(format!("input{i:02}.{ext}"));
        std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
        let mb = bytes.len() as f64 / 1e6;
        drop(bytes);
        let child = std::process::Command::new(&exe)
            .arg("bench-read")
            .arg(&path)
            .output()
            .with_context(|| format!("running {} bench-read", exe.display()))?;
        let cost: ReadCost = serde_json::from_slice(&child.stdout).with_context(|| {
            format!(
                "reading what bench-read said of {name}: {}",
                String::from_utf8_lossy(&child.stderr)
            )
        })?;
        let budget = mb.max(1.0);
        let (limit_s, limit_mib) = (SECONDS_PER_MB * budget, MIB_PER_MB * budget);
        let ok = cost.seconds <= limit_s && cost.peak_mib <= limit_mib;
        if !ok {
            over.push(name);
        }
        let what = cost.problem.clone().unwrap_or_else(|| {
            format!(
                "{:.1} MB of text, {} meetings",
                cost.text_bytes as f64 / 1e6,
                cost.meetings
            )
        });
        writeln!(
            out,
            "{name:<22} {mb:>9.2} {:>9.2} {limit_s:>9.1} {:>10.1} {limit_mib:>10.0}  {} ({what})",
            cost.seconds,
            cost.peak_mib,
            if ok { "ok" } else { "OVER" },
        )?;
        let _ = std::fs::remove_file(&path);
    }
    if !over.is_empty() {
        bail!("over the limits: {}", over.join(", "));
    }
    Ok(())
}
