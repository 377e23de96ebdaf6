//! Whether a lead reports a convened meeting, and the meeting's name as written.
//!
//! Three shapes of lead are read: `X召开/举行Y会议`, `Y会议召开/举行`, and `在Y会上强调`.
//! The name ends at the 会 or 会议 that closes it, so 市委常委会会议暨…领导小组全体会议 stays whole.

use std::sync::LazyLock;

use regex::Regex;

use crate::meeting::together::{in_turn, joint};
use crate::text::regex;

/// Bodies that meet under their own name: `市委常委会召开扩大会议` is the 市委常委会扩大会议.
const ORGANS: &[&str] = &[
    "常委会",
    "委员会",
    "领导小组",
    "指挥部",
    "政府",
    "党组",
    "工作组",
    "中心组",
    "政治局",
    "书记处",
    "国务院",
    "纪委",
    "军委",
];

/// Gatherings that are not policy meetings: a press conference, a reception, a gala.
pub(crate) const NOT_MEETINGS: &[&str] = &[
    "发布会",
    "招待会",
    "团拜会",
    "茶话会",
    "晚会",
    "音乐会",
    "博览会",
    "运动会",
    "交易会",
    "洽谈会",
    "推介会",
    "见面会",
    "记者会",
    "峰会",
    "展览会",
    "演唱会",
    "追悼会",
    "吹风会",
    "招聘会",
    "奥运会",
    "冬奥会",
    "亚运会",
    "残奥会",
    "奥委会",
    "集会",
    "议会",
    "招商会",
    "招商大会",
    "年会",
];

/// Characters before 会 that make it not a meeting: 社会, 机会, 协会, 工会, 领会 ….
const NOT_MEETING_BEFORE: &[char] = &[
    '社', '机', '协', '工', '商', '都', '约', '聚', '宴', '晚', '舞', '唱', '庙', '博', '览', '学',
    '领', '理', '误', '附', '融', '交',
];

/// Characters after 会 that make it another word: 会员, 会长, 会同, 会见, 会商, 会计 ….
const NOT_MEETING_AFTER: &[char] = &[
    '员', '长', '同', '见', '商', '计', '展', '场', '谈', '师', '所', '徽', '费', '址', '聚', '合',
    '诊', '签', '考', '战', '晤',
];

/// What can follow a 会 inside one meeting's name: 常委会会议, 委员会第十次会议, 常委会扩大会议,
/// …会议暨…会议.
const NAME_GOES_ON: &[&str] = &[
    "会",
    "第",
    "扩大",
    "全体",
    "暨",
    "党组",
    "专题",
    "(扩大)",
    "（扩大）",
    "主任",
    "视频",
    "常务",
    "预备",
];

/// Where the meeting's name that starts `clause` ends, in bytes.
pub(crate) fn name_end(clause: &str) -> Option<usize> {
    let mut back: [Option<char>; 3] = [None; 3];
    for (i, c) in clause.char_indices() {
        let [last, second, third] = back;
        back = [Some(c), last, second];
        // 商会 is a chamber of commerce, but 会商会 and 协商会 are meetings for consulting; the
        // 政治协商会议 is the body (中国人民政治协商会议…成立大会).
        let consulting = last == Some('商')
            && (second == Some('会') || (second == Some('协') && third != Some('治')));
        if c != '会' || (last.is_some_and(|p| NOT_MEETING_BEFORE.contains(&p)) && !consulting) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if clause[end..].starts_with('议') {
            end += '议'.len_utf8();
        } else if clause[end..]
            .chars()
            .next()
            .is_some_and(|n| NOT_MEETING_AFTER.contains(&n))
        {
            continue;
        }
        let rest = &clause[end..];
        if !NAME_GOES_ON.iter().any(|w| rest.starts_with(w)) {
            return Some(end);
        }
    }
    None
}

/// The verbs of convening.
static VERB: LazyLock<Regex> = LazyLock::new(|| regex(r"召开|举行|开幕|闭幕"));

/// A theory study group's session, held (开展, 进行) rather than convened: 区委理论学习中心组开展
/// 集体学习研讨, 县委中心组进行专题学习.
static STUDY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(中心组)(?:[（(]扩大[)）])?(?:\d{4}年第[\d一二三四五六七八九十]{1,3}次)?(?:开展|进行)了?((?:集体|专题|集中)学习(?:研讨)?|学习研讨)",
    )
});

/// A session's agenda completed before it closes: 圆满完成各项议程后(胜利闭幕).
static AGENDA_DONE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:圆满)?完成(?:了)?(?:各项|全部|预定)?议程(?:后|之后)?$"));

/// Words of manner before 开幕 or 举行: 隆重开幕, 胜利闭幕.
const MANNER: &[&str] = &["隆重", "胜利", "正式", "圆满"];

/// What a lead that [`find`] names a meeting in must hold: a verb of convening ([`VERB`]) or
/// the 会上/会议上 of `在Y会上` ([`AT`]) (or a study group's session, [`STUDY`]), allowing the
/// white space a lead's line breaks leave between characters in the page.
static CUE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"召\s*开|举\s*行|[开闭]\s*幕|会\s*(?:议\s*)?上"));

/// False when no lead drawn from `text` can name a meeting: no paragraph of it, flattened and
/// cut to a lead, holds a verb of convening or a `会上`. One pass over a page that spares
/// splitting it into articles and reading each when it reports no meeting (most pages of a
/// news site).
pub fn may_name_a_meeting(text: &str) -> bool {
    // A study group's session ([`STUDY`]) is looked for only on a page naming such a group:
    // 中 opens too many words for the pattern to be searched for everywhere.
    CUE.is_match(text) || (text.contains("中心组") && STUDY.is_match(text))
}
/// Punctuation that ends a clause.
pub(crate) const CLAUSE_END: &[char] = &['，', '。', '；', ',', ';', '：', ':', '！', '？'];
/// `在Y会上强调`.
static AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"在([^在，。；,;：:！？\s]{1,60}?)上(?:的讲话中)?(强调|指出|讲话|表示|要求|作|提出)")
});
/// Times and report openers before the subject of a lead: 1月27日上午, 本报讯, 昨日下午.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(本报[\p{Han}]{0,6}讯\s*|又讯\s*|新华社[^，,。\s]{0,14}?电[?？\s]*|央视网消息[:：]?\s*|[(（][^)）]{0,20}[)）]\s*|\d{4}年|\d{1,2}月|\d{1,2}日|[一二三四五六七八九十〇]{1,4}[年月日]|[昨今前明]日|[昨今前明]天|近日|日前|上午|下午|晚上|晚|早上|凌晨|\s)+",
    )
});

/// A time between the subject and 召开: 中共中央政治局1月6日全天召开会议; 全体会议于2016年9月23日
/// (在某地)举行.
static TRAILING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(于?(\d{4}年)?(\d{1,2}月)?\d{1,2}日|于|全天|上午|下午|晚上|晚|近日|日前|[昨今前]天|[昨今前]日)+$",
    )
});

/// A count of meetings (召开了72次重要会议), not one meeting; 召开108次常委会会议 is the 108th.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| regex(r"^[\d一二三四五六七八九十百多数几]+次"));

/// Words before 召开 that make the number after it a count: 共召开12次, 先后召开四次.
const COUNTING: &[&str] = &["共", "累计", "先后", "已", "分别", "共计", "多次", "先后共"];

/// Words before 召开 that make the meeting one still to come: 定于12月1日召开, 决定召开.
const FUTURE: &[&str] = &[
    "定于", "将于", "拟于", "决定", "计划", "准备", "即将", "将要",
];

/// A subject that is many places at once (江西多个县区召开了…, 5县同一天召开…): a roundup of
/// several meetings, not one meeting's report.
static MANY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"多个|多地|各地|各县|各市|各区|各省|(\d+|[两三四五六七八九十]+个)(县|市|区|省|旗)(区|市)?(同一天|同日|先后|相继|分别)?$",
    )
});

/// True when `text` convenes through many places at once (某省多个县区召开了…, 各地召开…): a
/// roundup, whose paragraphs are not reports of their own.
pub fn is_roundup(text: &str) -> bool {
    VERB.find_iter(text).any(|verb| {
        let before = &text[..verb.start()];
        let clause = before.rsplit(CLAUSE_END).next().unwrap_or(before);
        let clause = strip_lead_in(clause);
        clause.starts_with("各地") || MANY.is_match(strip_trailing_time(clause))
    })
}

/// A list item's number before a name: `2.`, `1、`.
static LIST_NUMBER: LazyLock<Regex> = LazyLock::new(|| regex(r"^\d{1,2}[.、．]\s*"));

/// Who hosted a meeting, before its name: 由某某等单位主办的.
static HOSTED_BY: LazyLock<Regex> = LazyLock::new(|| regex(r"^由.{1,40}?(主办|举办|承办)的"));

/// A meeting named in a lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The meeting's name as written.
    pub title: String,
    /// Byte offset in the lead where the evidence was found.
    pub at: usize,
    /// Other meetings the lead reports with this one: a joint sitting (召开A会议、B会议) or
    /// several held in turn (先后召开四次座谈会), by name.
    pub also: Vec<String>,
}

fn strip_lead_in(s: &str) -> &str {
    LEAD_IN.find(s).map_or(s, |m| &s[m.end()..])
}

/// `X召开Y会议`: the name from the words after the verb, with the subject when Y is generic.
fn convened(before: &str, subject: &str, after: &str) -> Option<String> {
    // A meeting still to come (即将召开, 将于…召开) or one named in passing (召开的两会).
    if before.ends_with('将') || before.ends_with('拟') || after.starts_with('的') {
        return None;
    }
    let end = name_end(after)?;
    let object = &after[..end];
    // 举行会谈并共同主持X会议: the meeting is what was chaired.
    let object = object.rsplit_once("主持").map_or(object, |(_, o)| o);
    let subject = strip_lead_in(subject);
    let subject = TRAILING_TIME
        .find(subject)
        .map_or(subject, |m| &subject[..m.start()]);
    let subject = subject
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(subject);
    // 会议, 扩大会议, 第十次全体会议, (扩大)学习会: the body's own meeting, named by the body.
    let generic = (object.chars().count() <= 6
        || object.starts_with(['(', '（'])
        || (object.starts_with('第') && object.chars().count() <= 10))
        && !object.contains('暨');
    // 市委召开会议 is the 市委会议; 县委召开常委会议 the 县委常委会议.
    // 十四届全国人大常委会第十次会议举行第一次全体会议: a sitting of that session.
    let organ = ORGANS.iter().any(|o| subject.ends_with(o))
        || (subject.ends_with('委') && subject.chars().count() <= 6)
        || (subject.ends_with("会议") && object.starts_with('第'));
    Some(if generic && organ {
        format!("{subject}{object}")
    } else {
        object.to_string()
    })
}

/// `s` without a time at its end: 委员长会议27日下午 → 委员长会议.
fn strip_trailing_time(s: &str) -> &str {
    TRAILING_TIME.find(s).map_or(s, |m| &s[..m.start()])
}

/// `Y会议召开` or `Y会议在某地举行`: the clause before the verb is the name.
fn held(clause: &str) -> Option<String> {
    // …第一次会议隆重召开: the manner is not part of the name.
    let mut name = strip_lead_in(clause);
    while let Some(rest) = MANNER.iter().find_map(|m| name.strip_suffix(m)) {
        name = rest;
    }
    let name = strip_trailing_time(name);
    // …会议(27日下午)在北京举行: drop the place and the time.
    let name = match name.rfind('在') {
        Some(i) => {
            let head = strip_trailing_time(&name[..i]);
            if head.ends_with('会') || head.ends_with("会议") {
                head
            } else {
                name
            }
        }
        None => name,
    };
    let name = name.strip_prefix('在').unwrap_or(name);
    // 对年会召开表示祝贺: a meeting named inside a phrase about something else.
    if name.starts_with(['对', '向', '为', '祝']) {
        return None;
    }
    // The name may hold a meeting's name inside it (…第五次全体会议学习会议): it ends where a
    // 会 or 会议 ends the whole.
    let mut start = 0;
    let whole = loop {
        let Some(end) = name_end(&name[start..]) else {
            break false;
        };
        start += end;
        if start == name.len() {
            break true;
        }
    };
    (whole && name.chars().count() <= 80 && !spaced(name)).then(|| name.to_string())
}

/// True when `name` has white space outside quotes: a headline's phrases, not one name.
fn spaced(name: &str) -> bool {
    let mut quoted = false;
    name.chars().any(|c| {
        match c {
            '“' | '《' => quoted = true,
            '”' | '》' => quoted = false,
            _ => {}
        }
        !quoted && c.is_whitespace()
    })
}

/// The meeting a lead reports, if it reports one: `lead` is the first paragraph,
/// `headline` the article's headline (often carrying the fuller name).
pub fn find(lead: &str, headline: &str) -> Option<Found> {
    let mut found = scan(lead).or_else(|| clipped(lead, headline))?;
    // 召开“新春第一会”: a nickname in quotes; the headline often gives the meeting's name.
    let unclosed = |t: &str| t.starts_with('“') && !t.contains('”');
    if unclosed(&found.title) {
        if let Some(h) = scan(headline).filter(|h| !unclosed(&h.title)) {
            found.title = h.title;
        } else {
            found.title = found.title.trim_start_matches('“').to_string();
        }
    }
    name_from_headline(found, headline)
}

/// Fewest characters of the headline's name the lead must write after its verb.
const CLIPPED_CHARS: usize = 4;

/// The headline's meeting when the lead convenes it by a clipped name (召开换届工作动员 for
/// 党委换届工作动员会): the lead writes, right after a convening verb, the end of the
/// headline's name without its 会 or 会议.
fn clipped(lead: &str, headline: &str) -> Option<Found> {
    let named = scan(headline)?;
    // A lead that writes the name whole and still names no meeting has said why (将于…举行).
    if lead.contains(named.title.as_str()) {
        return None;
    }
    let core = ["会议", "大会", "会"]
        .iter()
        .find_map(|w| named.title.strip_suffix(w))?;
    let starts: Vec<usize> = core.char_indices().map(|(i, _)| i).collect();
    VERB.find_iter(lead).find_map(|verb| {
        let after = &lead[verb.end()..];
        let ends_name = starts.iter().any(|&i| {
            let tail = &core[i..];
            tail.chars().count() >= CLIPPED_CHARS && after.starts_with(tail)
        });
        ends_name.then(|| Found {
            title: named.title.clone(),
            at: verb.start(),
            also: Vec::new(),
        })
    })
}

/// Where the clause that `before` ends in starts: just after its last [`CLAUSE_END`].
fn start_of_clause(before: &str) -> usize {
    before.rfind(CLAUSE_END).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// The meeting named in `lead` by a verb of convening or by `在Y会上`, the earliest.
fn scan(lead: &str) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut offer = |title: String, at: usize, also: Vec<String>| {
        if best.as_ref().is_none_or(|b| at < b.at) {
            best = Some(Found { title, at, also });
        }
    };
    for verb in VERB.find_iter(lead) {
        let before = &lead[..verb.start()];
        let after = &lead[verb.end()..];
        let past = after.starts_with('了');
        let after = after.strip_prefix('了').unwrap_or(after);
        let after = after.find(CLAUSE_END).map_or(after, |i| &after[..i]);
        let clause_start = start_of_clause(before);
        let clause_before = &before[clause_start..];
        // 在国会举行的…会议上: the clause describes another meeting's setting.
        // 在…大会隆重召开之际: the occasion of a letter or a greeting, not a report of it.
        if after.starts_with('的') || after.starts_with("之际") || after.starts_with("前夕") {
            continue;
        }
        // 定于12月1日上午9:00召开: a notice of a meeting to come.
        let sentence_before = before
            .rfind(['。', '！', '？'])
            .map_or(before, |i| &before[i..]);
        if FUTURE.iter().any(|w| sentence_before.contains(w)) {
            continue;
        }
        // 县第十七届人民代表大会第三次会议开幕 / 胜利闭幕: a session's opening or close, named
        // before the verb (not 开幕式, 开幕词, a 闭幕会 of its own).
        // The session must be what the lead reports, its subject after the date: not one an
        // editorial's title congratulates (热烈祝贺…胜利闭幕) or a later sentence mentions.
        if matches!(verb.as_str(), "开幕" | "闭幕") {
            let opens_lead = strip_lead_in(before[..clause_start].trim_end_matches(CLAUSE_END))
                .trim()
                .is_empty();
            if opens_lead
                && !clause_before.contains(['《', '祝', '—'])
                && !after.starts_with(['式', '词', '会', '前', '后'])
            {
                let mut clause = clause_before;
                while let Some(rest) = MANNER.iter().find_map(|m| clause.strip_suffix(m)) {
                    clause = rest;
                }
                // …第三次会议圆满完成各项议程后胜利闭幕.
                if let Some(m) = AGENDA_DONE.find(clause).filter(|m| m.end() == clause.len()) {
                    clause = &clause[..m.start()];
                }
                if let Some(title) = held(clause) {
                    offer(title, clause_start, Vec::new());
                }
            }
            continue;
        }
        // 先后召开四次座谈会: four meetings, reported together.
        if let Some((n, title)) = in_turn(clause_before, after) {
            offer(title.clone(), verb.start(), vec![title; n - 1]);
            continue;
        }
        // 共召开了12次会议: a count of meetings.
        if COUNTED.is_match(after) && (past || COUNTING.iter().any(|w| clause_before.ends_with(w)))
        {
            continue;
        }
        // 江西多个县区召开了领导干部会议: a roundup of many places' meetings.
        if MANY.is_match(strip_trailing_time(clause_before)) {
            continue;
        }
        if let Some(title) = convened(before, clause_before, after) {
            let also = joint(after, &title).into_iter().collect();
            offer(title, verb.start(), also);
        } else if let Some(title) = held(clause_before) {
            offer(title, clause_start, Vec::new());
        }
    }
    // 区委理论学习中心组开展集体学习研讨: a study session of a theory study group, named by
    // the group and what it held.
    for c in STUDY.captures_iter(lead) {
        let (Some(group), Some(what)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let before = &lead[..group.start()];
        let clause_start = start_of_clause(before);
        let subject = strip_lead_in(&lead[clause_start..group.end()]);
        if !subject.is_empty() {
            offer(
                format!("{subject}{}", what.as_str()),
                clause_start,
                Vec::new(),
            );
        }
    }
    for c in AT.captures_iter(lead) {
        let Some(name) = c.get(1) else { continue };
        let n = name.as_str();
        if n.ends_with('会') || n.ends_with("会议") {
            let title = if n == "会" || n == "会议" {
                String::new()
            } else {
                n.to_string()
            };
            offer(title, name.start(), Vec::new());
        }
    }
    best
}

/// Improves the name with the headline's and drops what is not a meeting.
fn name_from_headline(mut found: Found, headline: &str) -> Option<Found> {
    // A headline's `在Y会上` often gives the fuller name of the same meeting.
    for c in AT.captures_iter(headline) {
        if let Some(name) = c.get(1) {
            let n = name.as_str();
            let better = if found.title.is_empty() {
                n.ends_with('会') || n.ends_with("会议")
            } else {
                n.ends_with(found.title.as_str()) && n.len() > found.title.len()
            };
            if better {
                found.title = n.to_string();
            }
        }
    }
    // A bare 会 names nothing; it is 会晤-like talk more often than a meeting.
    if found.title == "会"
        || (COUNTED.is_match(&found.title) && found.title.contains(['多', '数', '几']))
        || NOT_MEETINGS.iter().any(|w| found.title.ends_with(w))
    {
        return None;
    }
    if found.title.is_empty() {
        found.title = "会议".to_string();
    }
    // A list item's number (2.十三届全国人大常委会…) and who hosted it (由…主办的) are not
    // part of the name.
    if let Some(m) = LIST_NUMBER.find(&found.title) {
        found.title = found.title[m.end()..].to_string();
    }
    if let Some(m) = HOSTED_BY.find(&found.title) {
        found.title = found.title[m.end()..].to_string();
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lead: &str, headline: &str, expect: Option<&str>) {
        let got = find(lead, headline).map(|f| f.title);
        assert_eq!(got.as_deref(), expect, "{lead}");
    }

    /// Every lead that names a meeting passes the page test, broken over lines or not.
    #[test]
    fn leads_that_name_a_meeting_carry_a_cue() {
        for lead in [
            "1月27日上午，市委常委会召开会议。",
            "全市安全生产工作会议在市行政中心举行。",
            "某某在全县干部大会上强调，要狠抓落实。",
            "某某在常务会议上指出，要抓好复工复产。",
        ] {
            assert!(find(lead, "").is_some(), "{lead}");
            assert!(may_name_a_meeting(lead), "{lead}");
            let broken: String = lead.chars().flat_map(|c| [c, '\n', '\u{3000}']).collect();
            assert!(may_name_a_meeting(&broken), "{broken}");
        }
        for text in ["会议室", "社会各界", "举办展览", "召集人"] {
            assert!(!may_name_a_meeting(text), "{text}");
            assert!(find(text, "").is_none(), "{text}");
        }
    }

    #[test]
    fn names_that_hold_a_session_s_name_or_its_agenda() {
        check(
            "1月9日,政协某某县第十一届委员会第五次全体会议学习会议在会议中心会堂召开。",
            "",
            Some("政协某某县第十一届委员会第五次全体会议学习会议"),
        );
        check(
            "1月12日下午,政协某某旗第十一届委员会第三次会议圆满完成各项议程后胜利闭幕。",
            "",
            Some("政协某某旗第十一届委员会第三次会议"),
        );
    }

    #[test]
    fn a_study_group_s_session_is_a_meeting() {
        check(
            "1月31日,区委理论学习中心组开展集体学习研讨。区委书记某某主持会议并讲话。",
            "",
            Some("区委理论学习中心组集体学习研讨"),
        );
        check(
            "本报讯 3日,县委中心组进行专题学习,县委书记某某主持。",
            "",
            Some("县委中心组专题学习"),
        );
        assert!(may_name_a_meeting("区委理论学习中心组开展集体学习研讨"));
        // A group that studies on its own is no session.
        check("全县各级党组织开展集体学习。", "", None);
    }

    #[test]
    fn a_meeting_for_consulting_is_not_a_chamber_of_commerce() {
        check(
            "7月21日,副县长某某主持召开我县防汛紧急会商会议,县直相关单位负责人参加会议。",
            "",
            Some("我县防汛紧急会商会议"),
        );
        check(
            "3月2日,县政协召开民主协商会,听取意见建议。",
            "",
            Some("民主协商会"),
        );
        check(
            "9月20日,庆祝中国人民政治协商会议成立75周年大会在京隆重举行。",
            "",
            Some("庆祝中国人民政治协商会议成立75周年大会"),
        );
        // A chamber of commerce is still none.
        assert_eq!(name_end("县商会会长某某出席"), None);
        assert_eq!(name_end("防汛会商会议上"), Some("防汛会商会议".len()));
    }

    #[test]
    fn names_the_meeting() {
        check(
            "中国共产党某市第十一届委员会第十四次全体会议于2016年9月23日在某市举行。全会由市委常委会主持。",
            "",
            Some("中国共产党某市第十一届委员会第十四次全体会议"),
        );
        check(
            "1月15日下午,某旗第十八届人民代表大会第四次会议预备会议在旗委党校报告厅召开。",
            "",
            Some("某旗第十八届人民代表大会第四次会议预备会议"),
        );
        check(
            "本报讯 14日,金华市委常委会召开扩大会议,传达学习重要讲话精神。",
            "",
            Some("金华市委常委会扩大会议"),
        );
        check(
            "本报讯(融媒首席记者 陈晓苏) 1月27日上午,市委常委会召开会议,传达学习重要指示精神。",
            "",
            Some("市委常委会会议"),
        );
        check(
            "2月3日,市委召开市委常委会会议暨市委应对新型冠状病毒感染的肺炎疫情工作领导小组全体会议,深入学习贯彻。",
            "",
            Some("市委常委会会议暨市委应对新型冠状病毒感染的肺炎疫情工作领导小组全体会议"),
        );
        check(
            "昨日下午,市委常委会会议暨市疫情防控工作领导小组(扩大)会议召开,传达学习贯彻会议精神。",
            "",
            Some("市委常委会会议暨市疫情防控工作领导小组(扩大)会议"),
        );
        check(
            "1月10日下午,我市召开新冠肺炎疫情防控工作推进会。市委书记章旭升在会上强调,全市上下要绷紧这根弦。",
            "章旭升在全市新冠肺炎疫情防控工作推进会上强调 毫不松懈",
            Some("全市新冠肺炎疫情防控工作推进会"),
        );
        check(
            "1月27日晚,金华市召开疫情防控工作视频调度会。会后,市委书记章旭升立即主持召开续会。",
            "",
            Some("疫情防控工作视频调度会"),
        );
        check(
            "央视网消息:近日,省委常委会召开会议,传达学习中央经济工作会议精神。",
            "",
            Some("省委常委会会议"),
        );
        check(
            "县委书记王五在全县经济工作会议上强调,要稳中求进。",
            "",
            Some("全县经济工作会议"),
        );
        check(
            "市人大常委会第十次会议举行,审议有关报告。",
            "",
            Some("市人大常委会第十次会议"),
        );
        check(
            "14日下午,市领导专程通过视频连线,看望慰问市一医隔离病区的医护人员。",
            "",
            None,
        );
        check("即将召开的两会,是全市人民政治生活中的一件大事。", "", None);
        check(
            "下午,十四届全国人大常委会第十次会议举行第一次全体会议,听取有关报告。",
            "",
            Some("十四届全国人大常委会第十次会议第一次全体会议"),
        );
        check(
            "由某某等单位主办的家风故事分享会在京举行。",
            "",
            Some("家风故事分享会"),
        );
        check(
            "强调高举队旗跟党走 祝小朋友们节日快乐 某某出席开幕会召开",
            "",
            None,
        );
        // A quoted part of a name stays; a nickname in quotes takes the headline's name.
        check(
            "3月7日,全国妇联召开“三八”国际妇女节纪念暨表彰大会。",
            "",
            Some("“三八”国际妇女节纪念暨表彰大会"),
        );
        check(
            "1月30日,某区隆重召开“新春第一会”,认真落实全市动员会部署要求。",
            "某区“加快高质量发展”动员会召开",
            Some("某区“加快高质量发展”动员会"),
        );
        check(
            "新华社北京2月27日电 十三届全国人大常委会第二十六次委员长会议27日下午在北京举行。",
            "",
            Some("十三届全国人大常委会第二十六次委员长会议"),
        );
        check(
            "11月9日,某某镇第六届人民代表大会第一次会议隆重召开,全镇代表齐聚一堂。",
            "",
            Some("某某镇第六届人民代表大会第一次会议"),
        );
        check(
            "在某某市第五次代表大会隆重召开之际,大会收到你们的贺信。",
            "",
            None,
        );
        // A lead that clips the headline's name: the headline's meeting.
        check(
            "8月12日上午,某所镇在六楼会议室召开换届工作动员,部署党委换届相关事宜。",
            "某所镇召开党委换届工作动员会",
            Some("党委换届工作动员会"),
        );
        check(
            "8月12日上午,某所镇在六楼会议室召开换届工作动员,部署党委换届相关事宜。",
            "某所镇召开安全生产工作会",
            None,
        );
        check(
            "应邀请,某某将于7月21日赴某国举行中某合作委员会第十一次会议。",
            "某某将赴某国举行中某合作委员会第十一次会议",
            None,
        );
        // The 108th meeting of a body is one meeting; 召开了72次 is a count.
        check(
            "3月20日,二届市委召开108次常委会会议,专题研究有关工作。",
            "",
            Some("108次常委会会议"),
        );
        check("今年以来,全县共召开了12次专题会议。", "", None);
        check(
            "7月上旬,他先后召开四次形势分析座谈会。",
            "",
            Some("形势分析座谈会"),
        );
        // A notice of a meeting to come, and a roundup of several counties' meetings.
        check(
            "省政府定于12月1日上午9:00召开全省普查工作电视电话会议。",
            "",
            None,
        );
        check(
            "为部署秋季造林工作,县政府决定召开全县秋季造林动员大会,现将有关事宜通知如下:",
            "",
            None,
        );
        check(
            "11月15日,某省多个县区召开了领导干部会议,传达学习全会精神。",
            "",
            None,
        );
        check("同一天,5县同一天召开全县干部大会。", "", None);
        // A time between the name and where it was held.
        check(
            "十三届全国人大常委会第二十六次委员长会议27日下午在北京人民大会堂举行,委员长某某主持。",
            "",
            Some("十三届全国人大常委会第二十六次委员长会议"),
        );
        check(
            "2月26日下午,市委副书记、市长某某主持召开市十八届人民政府第37次常务会议,研究有关工作。",
            "",
            Some("市十八届人民政府第37次常务会议"),
        );
        check(
            "2月19日,县长某某主持召开县人民政府党组(扩大)会议暨县长办公会议,安排部署工作。",
            "",
            Some("县人民政府党组(扩大)会议暨县长办公会议"),
        );
        check("全市上下要统筹推进疫情防控和经济社会发展工作。", "", None);
    }
}
