//! Meetings reported together with another: a second meeting held right after the first
//! (会后…主持召开续会, 在随后召开的…会议上), a joint sitting (召开A会议、B会议) and several
//! held in turn (先后召开四次座谈会).

use std::sync::LazyLock;

use regex::Regex;

use crate::meeting::title::{CLAUSE_END, NOT_MEETINGS, name_end};
use crate::text::regex;

/// Several meetings held in turn: 先后召开四次座谈会 → 4 and the rest after 次.
static IN_TURN: LazyLock<Regex> = LazyLock::new(|| regex(r"^([两二三四五六七八九2-9])次"));

/// Words before 召开 that make a count of meetings held in turn, each one reported.
const IN_TURN_BEFORE: &[&str] = &["先后", "分别", "相继"];

/// The count and name of meetings held in turn, from the words after 召开.
pub(crate) fn in_turn(clause_before: &str, after: &str) -> Option<(usize, String)> {
    if !IN_TURN_BEFORE.iter().any(|w| clause_before.ends_with(w)) {
        return None;
    }
    let c = IN_TURN.captures(after)?;
    let count = c.get(1)?.as_str();
    let n = if count == "两" {
        2
    } else {
        crate::meeting::numerals::parse_small(count)?
    };
    let rest = &after[c.get(0)?.end()..];
    let end = name_end(rest)?;
    Some((n as usize, rest[..end].to_string()))
}

/// A second meeting named right after the first in one clause (召开A会议、B会议).
pub(crate) fn joint(after: &str, title: &str) -> Option<String> {
    let at = after.find(title)? + title.len();
    let rest = after[at..]
        .strip_prefix('、')
        .or_else(|| after[at..].strip_prefix('和'))
        .or_else(|| after[at..].strip_prefix('及'))?;
    let end = name_end(rest)?;
    (end == rest.len()).then(|| rest[..end].to_string())
}

/// A sentence that opens on a second meeting held right after the first: 会后,…主持召开续会;
/// 在随后召开的县长办公会议上,…; 随后,…举行…会议.
static FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:会后|会议结束后|随后|随即|紧接着|接着)[，,]?(?:[^。！？；]{0,80}?)(?:召开|举行)了?|^在随后(?:召开|举行)的",
    )
});

/// The name of a meeting held right after the article's first one, when `sentence` opens on
/// it: `会后,市委书记某某立即主持召开续会` → 续会.
pub fn following(sentence: &str) -> Option<String> {
    let m = FOLLOWS.find(sentence.trim_start())?;
    let rest = &sentence.trim_start()[m.end()..];
    let clause = rest.find(CLAUSE_END).map_or(rest, |i| &rest[..i]);
    let clause = clause.strip_suffix('上').unwrap_or(clause);
    let end = name_end(clause)?;
    let name = &clause[..end];
    // 会后,与会人员参观了… has no meeting; a bare 会 names nothing.
    (name.chars().count() >= 2 && !NOT_MEETINGS.iter().any(|w| name.ends_with(w)))
        .then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::title::find;

    #[test]
    fn several_meetings_in_one_lead() {
        for (lead, expect) in [
            (
                "7月4日至11日,总理某某先后召开四次经济形势座谈会,分别听取意见。",
                vec!["经济形势座谈会"; 4],
            ),
            (
                "11月9日上午,县长某某主持召开县政府党组2023年第16次会议、十八届县人民政府第28次常务会议。",
                vec![
                    "县政府党组2023年第16次会议",
                    "十八届县人民政府第28次常务会议",
                ],
            ),
            (
                "9日,县政府召开常务会议,研究有关事项。",
                vec!["县政府常务会议"],
            ),
        ] {
            let f = find(lead, "").unwrap();
            let got: Vec<&str> = std::iter::once(f.title.as_str())
                .chain(f.also.iter().map(String::as_str))
                .collect();
            assert_eq!(got, expect, "{lead}");
        }
    }

    #[test]
    fn names_the_meeting_held_right_after() {
        for (sentence, expect) in [
            (
                "会后,市委书记、领导小组组长某某立即主持召开续会,部署近期工作。",
                Some("续会"),
            ),
            (
                "在随后召开的县长办公会议上,某某要求,各级各部门要围绕高质量发展。",
                Some("县长办公会议"),
            ),
            (
                "随后,市委常委会召开专题会议,研究具体措施。",
                Some("专题会议"),
            ),
            ("会后,与会人员参观了展览。", None),
            ("会议强调,要召开好两会。", None),
            ("随后召开的新闻发布会介绍了情况。", None),
        ] {
            assert_eq!(following(sentence).as_deref(), expect, "{sentence}");
        }
    }
}
