//! Directives: the clauses a meeting lays down (会议强调/指出 … 要…, 一是…二是…).
//!
//! A cue (会议指出, 章旭升强调, 他强调) opens a run of sentences; each sentence after it, up to
//! the end of its paragraph, is one directive. A following paragraph carries the run on when it
//! opens like a directive (要…, 必须…, 一是…). Anything else — attendance lists, the opening
//! summary, 会议听取/审议… — is not a directive.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::meeting::chair::{leader, titled_in};
use crate::model::{Directive, Span};
use crate::text::{flatten, regex};

/// A cue at the start of a sentence: who, then the verb, then a comma or colon.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^([^。！？；;，,：:]{1,60}?)(?:在[^。！？；;，,]{0,40}?上|在讲话中)?(强调指出|明确指出|深刻指出|明确要求|强调要求|着重强调|特别强调|强调|指出|要求|认为|提出|号召|表示|说)\s*[，,:：]\s*",
    )
});

/// The verbs every cue ends on ([`CUE`], [`BARE`], [`ASKS`]): a sentence with none of them has no
/// cue anywhere in it, and its clauses need not be tried one by one.
static CUE_VERBS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::new(["强调", "指出", "要求", "认为", "提出", "号召", "表示", "说"]).ok()
});

/// Whether `sentence` holds a verb a cue may end on ([`CUE_VERBS`]).
fn may_hold_cue(sentence: &str) -> bool {
    CUE_VERBS
        .as_ref()
        .is_none_or(|verbs| verbs.is_match(sentence))
}

/// A cue with no one before it, after a sentence on what the meeting heard: 会议研究了…方案。
/// 强调,要…. The meeting is the speaker.
static BARE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(强调|指出|要求|认为)\s*[，,:：]\s*"));

/// The same with no comma, the directive's own 要 or 必须 right after the verb: 会议传达学习了
/// …精神。强调要锚定…目标.
static BARE_TIGHT: LazyLock<Regex> = LazyLock::new(|| regex(r"^(强调|指出)(?:要|必须|务必)"));

/// 要求 with whom it asks of and no comma: 陆某要求常委班子成员要…, 县委书记某某要求相关部门:
/// 一是…. The object up to a colon is skipped; without a colon the directive starts after 要求.
static ASKS: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^([^。！？；;，,：:]{1,30}?)要求(?:([^。！？；;，,：:]{1,15})[：:])?")
});

/// A sentence that only announces the requirements the next ones list: 县长某某就下一步工作强调了
/// 具体意见。一是…, 他提出三点要求：.
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(强调|提出)了?(?:[一二三四五六七八九十几两]+点|具体|以下|如下)?(?:意见|要求)\s*[。：:]?$",
    )
});

/// The cue of a sentence that announces requirements ([`ANNOUNCES`]): who, then the verb.
fn announced(sentence: &str) -> Option<String> {
    let m = ANNOUNCES.captures(sentence)?;
    let (whole, verb) = (m.get(0)?, m.get(1)?);
    let before = sentence[..whole.start()].trim_end_matches(['，', ',']);
    // 某某就下一步工作: what follows 就 is the subject matter, not who.
    let who = before.rsplit_once('就').map_or(before, |(w, _)| w);
    let who = who.rsplit(['，', ',']).next().unwrap_or(who);
    let name = if who.ends_with("会议") {
        "会议".to_string()
    } else {
        leader(who)?.name
    };
    Some(format!("{name}{}", verb.as_str()))
}

/// A cue standing alone as a heading line: 会议指出 / 会议要求：.
static HEADING: LazyLock<Regex> = LazyLock::new(|| regex(r"^会议(强调|指出|要求|认为)\s*[：:]?$"));

/// Where a clause may start inside a sentence: after a comma or semicolon.
const CLAUSE_BREAK: &[char] = &['，', ',', '；', ';'];

/// A short connective before a cue: 同时,他指出.
static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| regex(r"^[\p{Han}]{1,4}[，,]\s*"));

/// A sentence that reports what the meeting did rather than what it laid down.
static PROCEDURE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^会议(还|听取|审议|研究|传达|通报|讨论|决定|以|由|在|原则|并|学习)"));

/// A paragraph that carries a run of directives on without a cue of its own.
static CARRY_ON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(要|必须|务必|坚持|确保|始终|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、])",
    )
});

/// The cue at the start of `sentence`: its text as the reader names it (会议强调, 章旭升指出,
/// 他强调) and the length in bytes of the cue with its comma. `article` is the article's text:
/// a bare name is taken for a leader only when the article gives it an office title somewhere
/// (市委书记章旭升), so that 白皮书指出 or 代表们表示 are not read as leaders' words.
pub fn cue(sentence: &str, article: &str) -> Option<(String, usize)> {
    if !may_hold_cue(sentence) {
        return None;
    }
    cue_at(sentence, article).or_else(|| {
        let skip = CONNECTIVE.find(sentence)?.end();
        cue_at(&sentence[skip..], article).map(|(name, len)| (name, skip + len))
    })
}

/// A cue opening a later clause of `sentence`: 会议传达学习了…精神,会议强调: and
/// 在听取汇报后,某某同志要求,. Only the meeting or a titled leader counts here.
pub fn inner_cue(sentence: &str, article: &str) -> Option<(String, usize)> {
    if !may_hold_cue(sentence) {
        return None;
    }
    sentence
        .char_indices()
        .filter(|&(_, c)| CLAUSE_BREAK.contains(&c))
        .find_map(|(i, c)| {
            let at = i + c.len_utf8();
            let rest = &sentence[at..];
            let skip = rest.len() - rest.trim_start().len();
            let clause = &rest[skip..];
            cue_at(clause, article)
                .or_else(|| loose_cue(clause, article))
                .or_else(|| {
                    sentence
                        .starts_with("会议")
                        .then(|| tight_cue(clause))
                        .flatten()
                })
                .map(|(name, len)| (name, at + skip + len))
        })
}

/// [`BARE_TIGHT`]: the meeting's verb right before the directive's 要, no comma between. Only
/// where the meeting is the subject: at the start of a sentence, or in a sentence that opens on
/// 会议 (会议传达学习了…精神,强调要…); after a leader's speech (…发表重要讲话,强调要…) the
/// leader is.
fn tight_cue(clause: &str) -> Option<(String, usize)> {
    let verb = BARE_TIGHT.captures(clause)?.get(1)?;
    Some((format!("会议{}", verb.as_str()), verb.end()))
}

/// A cue with the meeting as its unnamed speaker (强调,要…), or 要求 with no comma after it.
fn loose_cue(sentence: &str, article: &str) -> Option<(String, usize)> {
    if let Some(c) = BARE.captures(sentence) {
        let verb = c.get(1)?.as_str();
        return Some((format!("会议{verb}"), c.get(0)?.end()));
    }
    let c = ASKS.captures(sentence)?;
    let who = c.get(1)?.as_str().trim();
    let len = c.get(0)?.end();
    // Without a colon, what follows must itself lay something down (…成员要积极…).
    if c.get(2).is_none() && !sentence[len..].contains(['要', '须']) {
        return None;
    }
    let speaker = match who {
        "会议" | "会上" | "会议还" => "会议".to_string(),
        _ => {
            let p = leader(who)?;
            if !p.titled && !titled_in(article, &p.name) {
                return None;
            }
            p.name
        }
    };
    Some((format!("{speaker}要求"), len))
}

/// The cue right at the start of `sentence`.
fn cue_at(sentence: &str, article: &str) -> Option<(String, usize)> {
    let c = CUE.captures(sentence)?;
    let who = c.get(1)?.as_str().trim();
    let verb = c.get(2)?.as_str();
    let len = c.get(0)?.end();
    let speaker = match who {
        // A meeting "says" nothing: 会议说 is not a cue, only 会议强调/指出/要求….
        "会议" | "会上" | "会议上" if verb != "说" && verb != "表示" => {
            "会议".to_string()
        }
        "他" | "她" => who.to_string(),
        _ => {
            let p = leader(who)?;
            if !p.titled && !titled_in(article, &p.name) {
                return None;
            }
            p.name
        }
    };
    Some((format!("{speaker}{verb}"), len))
}

/// Sentences of `span` in `text`: each ends after 。！？；, and a closing quote right after it.
fn sentences(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = it.peek() {
                if matches!(q, '”' | '’' | '」' | '』' | '"') {
                    end = j + q.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Span::new(span.start + start, span.start + end));
            start = end;
        }
    }
    if s[start..].trim().chars().count() > 1 {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

/// Trims white space at the start and sentence-final punctuation at the end of `span`.
fn tidy(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let body = s.trim_start().trim_end();
    let body = body.trim_end_matches(['。', '；', ';']);
    Span::new(span.start + lead, span.start + lead + body.len())
}

/// The directives laid down in an article's `paragraphs` (spans into `text`), in order.
pub fn directives(text: &str, paragraphs: &[Span]) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut active: Option<String> = None;
    let article = match (paragraphs.first(), paragraphs.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end).slice(text),
        _ => "",
    };
    // A heading line (会议指出) carries its cue over to the next paragraph whatever it opens with.
    let mut heading = false;
    for (pi, para) in paragraphs.iter().enumerate() {
        let para_text = flatten(text, *para);
        if pi > 0 && !heading && !CARRY_ON.is_match(para_text.trim_start()) {
            active = None;
        }
        heading = false;
        if let Some(c) = HEADING.captures(para_text.trim()) {
            active = c.get(1).map(|v| format!("会议{}", v.as_str()));
            heading = true;
            continue;
        }
        for sentence in sentences(text, *para) {
            let flat = flatten(text, sentence);
            let flat = flat.trim_start();
            let mut body = sentence;
            let found = cue(flat, article)
                .or_else(|| loose_cue(flat, article))
                .or_else(|| tight_cue(flat))
                .or_else(|| inner_cue(flat, article));
            if found.is_none()
                && let Some(name) = announced(flat)
            {
                active = Some(name);
                continue;
            }
            if let Some((name, len)) = found {
                active = Some(name);
                // Skip the cue in the document: the flattened cue has no line breaks, but the
                // page may, so walk the same number of non-break characters.
                body.start = skip_chars(text, sentence, flat[..len].chars().count());
            } else if PROCEDURE.is_match(flat) {
                active = None;
                continue;
            }
            let Some(cue_text) = &active else { continue };
            for span in items(text, tidy(text, body)) {
                let clause = flatten(text, span);
                if clause.chars().count() < 4 {
                    continue;
                }
                out.push(Directive {
                    text: clause,
                    span,
                    cue: cue_text.clone(),
                });
            }
        }
    }
    out
}

/// Numbered items run together in one sentence (一是A,二是B,三是C) as one span each; any
/// other sentence as itself.
fn items(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    if !(s.contains("一是") && s.contains("二是")) {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for m in NUMBERED.find_iter(s) {
        // The item starts after the comma or colon.
        let cut = m.start() + s[m.start()..].chars().next().map_or(1, char::len_utf8);
        let piece = s[start..m.start()].trim_end();
        if !piece.is_empty() {
            out.push(Span::new(
                span.start + start,
                span.start + start + piece.len(),
            ));
        }
        start = cut;
    }
    out.push(Span::new(span.start + start, span.end));
    out
}

/// A comma or colon before a numbered item: `,二是`.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| regex(r"[，,：:]\s*[一二三四五六七八九十]+是"));

/// The byte offset in `text` after `n` characters of `span`, not counting line breaks and the
/// padding around them (as [`flatten`] drops them).
fn skip_chars(text: &str, span: Span, n: usize) -> usize {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let mut seen = 0;
    let mut in_break = false;
    for (i, c) in s[lead..].char_indices() {
        if seen == n && !in_break {
            return span.start + lead + i;
        }
        if c == '\n' || c == '\r' {
            in_break = true;
            continue;
        }
        if in_break && (c.is_whitespace() || c == '\u{3000}') {
            continue;
        }
        in_break = false;
        seen += 1;
    }
    span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `page` (paragraphs separated by blank lines) and renders `cue|text` per directive;
    /// also checks that each span, flattened, is the text.
    fn check(page: &str, expect: &[&str]) {
        let mut paras = Vec::new();
        let mut at = 0;
        for p in page.split("\n\n") {
            paras.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        let got = directives(page, &paras);
        for d in &got {
            assert_eq!(flatten(page, d.span), d.text);
        }
        let got: Vec<String> = got
            .iter()
            .map(|d| format!("{}|{}", d.cue, d.text))
            .collect();
        assert_eq!(got, expect, "{page}");
    }

    #[test]
    fn cued_sentences_become_directives() {
        check(
            "会议强调,要坚持疫情防控优先。要毫不放松防疫。",
            &["会议强调|要坚持疫情防控优先", "会议强调|要毫不放松防疫"],
        );
        check(
            "市委书记章旭升主持会议。\n\n会议指出,春节临近,全市上下要高度重视；要严格执行规定。",
            &[
                "会议指出|春节临近,全市上下要高度重视",
                "会议指出|要严格执行规定",
            ],
        );
        check(
            "章旭升充分肯定前段工作。同时,他指出,当前疫情仍处于较高流行水平。",
            &["他指出|当前疫情仍处于较高流行水平"],
        );
        check(
            "市委书记、领导小组第一组长章旭升在会上强调,全市上下要时刻绷紧这根弦。",
            &["章旭升强调|全市上下要时刻绷紧这根弦"],
        );
        check(
            "会议指出,要坚持底线思维。\n\n一是继续加强摸排检查。二是隔离留观要及时到位。",
            &[
                "会议指出|要坚持底线思维",
                "会议指出|一是继续加强摸排检查",
                "会议指出|二是隔离留观要及时到位",
            ],
        );
        // A page break inside a directive is not part of its text.
        check(
            "会议强调,要全力推动企业复\n工复产,统筹推进稳企业。",
            &["会议强调|要全力推动企业复工复产,统筹推进稳企业"],
        );
        check(
            "会议听取了筹备情况汇报。会议强调,务必坚持高标准。",
            &["会议强调|务必坚持高标准"],
        );
        // The verb right before the directive's own 要, no comma between.
        check(
            "会议传达学习了有关讲话精神。强调要锚定发展目标,全面推动各项行动。",
            &["会议强调|要锚定发展目标,全面推动各项行动"],
        );
        check(
            "会议传达学习了有关贺信精神,强调要扩大对外贸易规模。",
            &["会议强调|要扩大对外贸易规模"],
        );
        // After a leader's speech the leader is the one who stresses: not the meeting's cue.
        check(
            "某某出席会议并发表重要讲话,强调要坚持党的领导,持续深化各项工作。",
            &[],
        );
        // Attendance lists and summaries are not directives, nor is what follows them.
        check(
            "会议强调,要做好工作。\n\n市领导张三、李四出席会议。\n\n要加强宣传。",
            &["会议强调|要做好工作"],
        );
        check("会议以视频形式召开,在各镇街区设分会场。", &[]);
        check(
            "会议审议并原则通过《意见》。会议强调,要全面贯彻新时代党的建设总要求,关键在于抓基层。",
            &["会议强调|要全面贯彻新时代党的建设总要求,关键在于抓基层"],
        );
        check(
            "会议强调,要严明纪律。会议还研究了其他事项。要做好。",
            &["会议强调|要严明纪律"],
        );
        // A bare name is a leader only when the article titles it somewhere.
        check("白皮书指出,我国航天发展迅速。", &[]);
        check(
            "省长王某出席。\n\n王某表示,要稳住经济大盘。",
            &["王某表示|要稳住经济大盘"],
        );
        check("会议说,要做好。", &[]);
        check(
            "会议要求,做好三项工作:一是抓防控,二是抓生产,三是抓民生。",
            &[
                "会议要求|做好三项工作",
                "会议要求|一是抓防控",
                "会议要求|二是抓生产",
                "会议要求|三是抓民生",
            ],
        );
        check(
            "会议号召,全市上下要众志成城。",
            &["会议号召|全市上下要众志成城"],
        );
        check(
            "他强调:“要慎终如始。”要抓好落实。",
            &["他强调|“要慎终如始。”", "他强调|要抓好落实"],
        );
        // A cue after what the meeting heard, in the same sentence.
        check(
            "会议传达学习了全会精神,会议强调:各级各部门要把学习贯彻作为重要任务。",
            &["会议强调|各级各部门要把学习贯彻作为重要任务"],
        );
        check(
            "县委书记某某出席。\n\n在听取有关情况汇报后,某某同志要求,一要认真贯彻落实会议精神。",
            &["某某要求|一要认真贯彻落实会议精神"],
        );
        // A bare 强调 after 会议研究了…: the meeting speaks.
        check(
            "会议研究了沿线环境整治方案。强调,要抬高标准、健全机制。",
            &["会议强调|要抬高标准、健全机制"],
        );
        // 要求 with its object and no comma, or with a colon after the object.
        check(
            "县委书记陆某主持。\n\n陆某要求常委班子成员要积极投身教育实践活动。",
            &["陆某要求|常委班子成员要积极投身教育实践活动"],
        );
        check(
            "最后,县委书记陆某要求相关部门、乡镇:一是统一思想;二是明确任务。",
            &["陆某要求|一是统一思想", "陆某要求|二是明确任务"],
        );
        check("群众要求加快修路。", &[]);
        // A sentence that announces the requirements the next ones number.
        check(
            "听取汇报后,县长某某就做好下一步工作,强调了具体意见。一是各分管领导要持续督导;二是要加快项目进度。",
            &[
                "某某强调|一是各分管领导要持续督导",
                "某某强调|二是要加快项目进度",
            ],
        );
        // 强调指出 is one verb.
        check(
            "县委书记丁某强调指出,一季度全县各项工作总体运行良好。",
            &["丁某强调指出|一季度全县各项工作总体运行良好"],
        );
        // A cue on a line of its own heads the next paragraph.
        check(
            "会议指出\n\n市委常委会听取工作汇报,目的就是要进一步统一思想。",
            &["会议指出|市委常委会听取工作汇报,目的就是要进一步统一思想"],
        );
    }
}
