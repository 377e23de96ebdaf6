//! What the command line prints on a terminal: tables of meetings and phrases, and two meetings'
//! directives side by side.

use std::io::Write;

use anyhow::Result;

use crate::compare::align::Alignment;
use crate::compare::diff::SegmentKind;
use crate::model::{MeetingId, PhraseGroup};
use crate::pipeline::Analysis;

/// The phrase groups as a tab-separated table, best first.
pub fn write_phrases_table(out: &mut dyn Write, groups: &[PhraseGroup]) -> Result<()> {
    writeln!(out, "#\tscore\tmeetings\tphrase\tplaces\tvariants")?;
    for g in groups {
        let places: Vec<String> = g
            .places
            .iter()
            .map(|(name, u)| format!("{name} {}", u.meetings))
            .collect();
        let variants: Vec<String> = g
            .variants
            .iter()
            .map(|v| format!("{}×{}", v.text, v.count))
            .collect();
        writeln!(
            out,
            "{}\t{:.2}\t{}\t{}\t{}\t{}",
            g.id,
            g.score,
            g.meetings.len(),
            g.phrase,
            places.join(", "),
            variants.join(" ")
        )?;
    }
    Ok(())
}

/// Each cascade as tab-separated adopter lines under a `# id phrase` line, then the edges,
/// then the thinly covered places.
pub fn write_diffusion(out: &mut dyn Write, d: &crate::report::Diffusion) -> Result<()> {
    use crate::report::diffusion::tables::{coverage_note, level_name};
    let opt = |v: Option<i64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
    for c in &d.groups {
        writeln!(
            out,
            "# {}\t{}\ttop-down {}\tbottom-up {}",
            c.id, c.phrase, c.direction.top_down, c.direction.bottom_up
        )?;
        for a in &c.adopters {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t+{}\tcentre {}\tparent {}\t{}\t{}",
                a.place,
                level_name(a.level),
                a.first.map_or_else(|| "?".to_string(), |d| d.to_string()),
                a.precision.map_or("", |p| p.as_str()),
                opt(a.lag_days),
                opt(a.lag_from_centre),
                opt(a.lag_from_parent),
                a.meeting,
                coverage_note(a)
            )?;
        }
    }
    if !d.edges.is_empty() {
        writeln!(out, "# edges (window {} days)", d.model.window_days)?;
        for e in &d.edges {
            writeln!(
                out,
                "{} -> {}\t{} cascades\tmedian {}\tgain {}",
                e.from,
                e.to,
                e.cascades,
                e.median_lag_days
                    .map_or_else(|| "-".to_string(), |l| format!("{l:.1}")),
                e.gain
                    .map_or_else(|| "-".to_string(), |g| format!("{g:.2}"))
            )?;
        }
    }
    if !d.thin.is_empty() {
        writeln!(out, "# thinly covered: {}", d.thin.join(", "))?;
    }
    Ok(())
}

/// Each meeting's shares on a `# id place date` line, then its clauses: label, similarity,
/// the clause, and the source's place and date.
pub fn write_restated(out: &mut dyn Write, r: &crate::report::Restatement) -> Result<()> {
    for m in &r.meetings {
        let s = &m.shares;
        writeln!(
            out,
            "# {}\t{}\t{}\trestated {:.2}\tadapted {:.2}\tlocal {:.2}\t{} higher meetings, {} pages",
            m.id,
            m.place,
            m.date.map_or_else(|| "?".to_string(), |d| d.to_string()),
            s.restated,
            s.adapted,
            s.local,
            m.higher_meetings,
            m.higher_pages
        )?;
        for c in &m.clauses {
            let source = c.source.as_ref().map_or_else(String::new, |s| {
                format!(
                    "{} {}",
                    s.place,
                    s.date.map_or_else(String::new, |d| d.to_string())
                )
            });
            writeln!(
                out,
                "{}\t{:.2}\t{}\t{source}",
                c.label, c.similarity, c.text
            )?;
        }
    }
    Ok(())
}

/// A tracked phrase: one line per place (count, meetings, first use), then its sentences.
pub fn write_track(out: &mut dyn Write, t: &crate::report::track::Track) -> Result<()> {
    writeln!(out, "# {}", t.phrase)?;
    for p in &t.places {
        writeln!(
            out,
            "{}\t{}\t{} meetings\tfirst {}",
            p.place,
            p.count,
            p.meetings,
            p.first.map_or_else(|| "?".to_string(), |d| d.to_string())
        )?;
    }
    writeln!(out, "# sentences")?;
    for s in &t.sentences {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            s.date.map_or_else(|| "?".to_string(), |d| d.to_string()),
            s.place,
            s.meeting,
            s.text
        )?;
    }
    Ok(())
}

/// The meetings as tab-separated lines, then the files that could not be read.
pub fn write_meetings_table(out: &mut dyn Write, analysis: &Analysis) -> Result<()> {
    for m in &analysis.meetings {
        let place = analysis.place_label(m);
        let date = m.date.map_or_else(
            || "?".to_string(),
            |d| format!("{} ({})", d.date, d.basis.as_str()),
        );
        writeln!(
            out,
            "{}\t{place}\t{date}\t{}\t{}\t{} directives",
            m.id,
            m.title,
            m.chair.as_deref().unwrap_or("-"),
            m.directives.len()
        )?;
    }
    for p in &analysis.problems {
        writeln!(out, "problem: {}: {}", p.message, p.path)?;
    }
    Ok(())
}

/// Where a meeting is from, as one line: `m3 嵊州 2020-02-18 市委常委会会议 (seed:004.txt)`.
fn meeting_line(analysis: &Analysis, id: MeetingId) -> String {
    let Some(m) = analysis.meeting(id) else {
        return id.to_string();
    };
    let place = analysis.place_label(m);
    let date = m.date.map_or_else(|| "?".into(), |d| d.date.to_string());
    let doc = analysis.document_of(m).map_or("", |d| d.path.as_str());
    format!("{id} {place} {date} {} ({doc})", m.title)
}

/// How changed characters are shown in the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marks {
    /// ANSI colours: red for what only the left has, green for what only the right has.
    Colour,
    /// `[…]` around changed runs, for pipes and files.
    Brackets,
}

/// Bold red: characters only the left clause has.
const RED: &str = "\x1b[31;1m";
/// Bold green: characters only the right clause has.
const GREEN: &str = "\x1b[32;1m";
/// Back to plain text.
const RESET: &str = "\x1b[0m";

/// The terminal's width from `$COLUMNS`, else 100; never below 40.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(100_usize)
        .max(40)
}

/// Prints the aligned clauses in two columns, each wrapped to half the width by display width
/// (CJK characters take two cells), changed characters marked.
pub fn write_diff(
    out: &mut dyn Write,
    analysis: &Analysis,
    ids: [MeetingId; 2],
    al: &Alignment,
    width: usize,
    marks: Marks,
) -> Result<()> {
    let col = (width - 3) / 2;
    writeln!(out, "左 {}", meeting_line(analysis, ids[0]))?;
    writeln!(out, "右 {}", meeting_line(analysis, ids[1]))?;
    let rule = "─".repeat(col);
    writeln!(out, "{rule}─┼─{rule}")?;
    for row in &al.rows {
        let side = |own: SegmentKind| -> Vec<(&str, bool)> {
            row.diff
                .segments
                .iter()
                .filter(|s| s.kind == SegmentKind::Shared || s.kind == own)
                .map(|s| (s.text.as_str(), s.kind != SegmentKind::Shared))
                .collect()
        };
        let left = wrap_marked(&side(SegmentKind::OnlyLeft), col, marks, RED);
        let right = wrap_marked(&side(SegmentKind::OnlyRight), col, marks, GREEN);
        for i in 0..left.len().max(right.len()) {
            let (l, lw) = left.get(i).map_or(("", 0), |(s, w)| (s.as_str(), *w));
            let r = right.get(i).map_or("", |(s, _)| s.as_str());
            writeln!(out, "{l}{} │ {r}", " ".repeat(col.saturating_sub(lw)))?;
        }
        if let Some(p) = row.related_by.and_then(|g| analysis.phrase_group(g)) {
            writeln!(out, "  同一提法：{}", p.phrase)?;
        }
        writeln!(out, "{rule}─┼─{rule}")?;
    }
    let only_left = al.rows.iter().filter(|r| r.right.is_none()).count();
    let only_right = al.rows.iter().filter(|r| r.left.is_none()).count();
    writeln!(
        out,
        "{} paired, {only_left} only left, {only_right} only right",
        al.paired()
    )?;
    Ok(())
}

/// Lays runs of text out in lines at most `width` display cells wide, marking changed runs;
/// returns each line with its display width (escape codes take none).
fn wrap_marked(
    runs: &[(&str, bool)],
    width: usize,
    marks: Marks,
    colour: &str,
) -> Vec<(String, usize)> {
    use unicode_width::UnicodeWidthChar;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    let mut flush = |line: &mut String, w: &mut usize, changed: bool| {
        if changed && marks == Marks::Colour {
            line.push_str(RESET);
        }
        lines.push((std::mem::take(line), *w));
        *w = 0;
        if changed && marks == Marks::Colour {
            line.push_str(colour);
        }
    };
    for &(text, changed) in runs {
        match (changed, marks) {
            (true, Marks::Colour) => line.push_str(colour),
            (true, Marks::Brackets) => {
                if w + 1 > width {
                    flush(&mut line, &mut w, false);
                }
                line.push('[');
                w += 1;
            }
            _ => {}
        }
        for c in text.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width {
                flush(&mut line, &mut w, changed);
            }
            line.push(c);
            w += cw;
        }
        match (changed, marks) {
            (true, Marks::Colour) => line.push_str(RESET),
            (true, Marks::Brackets) => {
                if w + 1 > width {
                    flush(&mut line, &mut w, false);
                }
                line.push(']');
                w += 1;
            }
            _ => {}
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push((line, w));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wraps runs (`[` … `]` in `input` marks a changed run) in brackets mode.
    fn check(input: &str, width: usize, expect: &[&str]) {
        let mut runs = Vec::new();
        for (i, piece) in input.split(['[', ']']).enumerate() {
            if !piece.is_empty() {
                runs.push((piece, i % 2 == 1));
            }
        }
        let lines = wrap_marked(&runs, width, Marks::Brackets, RED);
        let got: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(got, expect, "{input} at {width}");
        for (l, w) in &lines {
            assert_eq!(unicode_width::UnicodeWidthStr::width(l.as_str()), *w);
        }
    }

    #[test]
    fn wraps_by_display_width() {
        check("要坚持两手抓", 20, &["要坚持两手抓"]);
        check("要坚持两手抓", 6, &["要坚持", "两手抓"]);
        check("要坚持两手抓", 5, &["要坚", "持两", "手抓"]);
        check("[要坚持]两手抓", 9, &["[要坚持]", "两手抓"]);
        check("m3 两手抓", 5, &["m3 两", "手抓"]);
        check("", 10, &[""]);
    }

    #[test]
    fn colour_marks_reopen_on_each_line() {
        let lines = wrap_marked(&[("两手抓两手硬", true)], 6, Marks::Colour, GREEN);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].0.starts_with(GREEN) && lines[1].0.ends_with(RESET),
            "{lines:?}"
        );
        assert_eq!(lines[0].1, 6);
    }
}
