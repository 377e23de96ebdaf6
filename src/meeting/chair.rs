//! Who chaired a meeting: 市委书记戴源主持会议 → 戴源, 徐建役主持并讲话 → 徐建役.
//!
//! A name is what is left of a clause once the office titles before it and the adverbs after it
//! are taken off; nothing here knows any person.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{is_han, regex};

/// Office titles that stand right before a leader's name. The last one found ends the titles.
pub(crate) const TITLES: &[&str] = &[
    "书记",
    "总书记",
    "委员长",
    "副委员长",
    "市长",
    "县长",
    "区长",
    "省长",
    "州长",
    "旗长",
    "盟长",
    "镇长",
    "乡长",
    "主席",
    "主任",
    "组长",
    "部长",
    "总理",
    "委员",
    "常委",
    "秘书长",
    "局长",
    "厅长",
    "院长",
    "检察长",
    "司令员",
    "政委",
    "指挥长",
    "总指挥",
    "同志",
    "领导",
    "党组成员",
];

/// Words that end a clause after the name: 章旭升立即主持 → 章旭升.
const ADVERBS: &[&str] = &[
    "立即",
    "随即",
    "亲自",
    "专门",
    "再次",
    "同时",
    "也",
    "还",
    "并",
    "又",
    "先后",
    "分别",
    "在会上",
    "在讲话中",
    "在会议上",
    "多次",
    "一再",
    "反复",
    "一致",
    "曾",
    "共同",
];

/// Two- to four-character strings that are not names though they stand where a name would.
const NOT_NAMES: &[&str] = &[
    "会议", "会上", "我们", "他们", "大家", "全市", "全县", "全区", "全省", "上下", "市委", "县委",
    "区委", "省委", "政府", "各地", "各级", "部门", "同时", "此外", "会后", "当前", "目前", "另外",
    "最后", "首先", "其次", "他", "她", "发言", "多次", "举行", "会谈", "会见", "召开", "出席",
    "考察", "调研", "讲话", "视察",
];

/// A time between a name and its verb: 李某5月18日主持…, 张某近日主持….
static TRAILING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"((\d{1,2}月)?\d{1,2}日|[昨今前]天|[昨今前]日|近日|日前|上午|下午|晚上|晚)+$")
});

/// A leader named in a clause, and whether an office title stood before the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The name, titles taken off.
    pub name: String,
    /// True when a title (书记, 市长 …) stood right before it, which makes it surely a person.
    pub titled: bool,
}

/// The leader in `who`, the words before a verb such as 主持 or 强调; `None` when it holds no name.
pub fn person(who: &str) -> Option<String> {
    leader(who).map(|p| p.name)
}

/// Like [`person`], also saying whether the name came after an office title.
pub fn leader(who: &str) -> Option<Person> {
    let s = who.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    // 韩正在听取发言后指出, 习近平在北京主持: what follows 在 is where or when, not who.
    let mut s = s.split('在').next().unwrap_or(s);
    loop {
        let before = s;
        for a in ADVERBS {
            s = s.strip_suffix(a).unwrap_or(s);
        }
        s = TRAILING_TIME.find(s).map_or(s, |m| &s[..m.start()]);
        if s == before {
            break;
        }
    }
    // 区长戴斌同志: 同志 after a titled name is how the name is addressed; the office before it
    // still says whose name it is.
    if let Some(p) = s
        .strip_suffix("同志")
        .filter(|rest| !named(rest))
        .and_then(leader)
    {
        return Some(Person { titled: true, ..p });
    }
    // The last title: the one ending furthest right, the longest of those (总书记 over 书记).
    let title = TITLES
        .iter()
        .filter_map(|t| s.rfind(t).map(|i| (i + t.len(), std::cmp::Reverse(i))))
        .max();
    let name = match title {
        Some((end, _)) if end < s.len() => &s[end..],
        // 习近平总书记, 李强总理: the name stands before a title that ends the clause.
        Some((_, std::cmp::Reverse(start))) => s[..start].rsplit('、').next().unwrap_or(""),
        None => s,
    };
    named(name).then(|| Person {
        name: name.to_string(),
        titled: title.is_some(),
    })
}

/// True when `s` can be a person's name: two to four ideographs that are not a common word.
fn named(s: &str) -> bool {
    s.chars().all(is_han)
        && (2..=4).contains(&s.chars().count())
        && !NOT_NAMES.iter().any(|w| s.contains(w))
        && !s.ends_with(['市', '县', '区', '省', '委', '会', '后', '们', '时', '的'])
        && !s.contains(['的', '了', '和', '与', '们'])
        // 多国代表, 各方, 该国: a quantity or a pointer, not a surname.
        && !s.starts_with(['多', '各', '该', '此', '这', '那', '我', '其', '本', '诸'])
}

/// True when `text` names `name` with an office title right before it (市委书记章旭升).
pub fn titled_in(text: &str, name: &str) -> bool {
    text.match_indices(name)
        .any(|(i, _)| TITLES.iter().any(|t| text[..i].ends_with(t)))
}

/// Where the clause that ends `before` starts.
fn clause_start(before: &str) -> usize {
    before
        .rfind([
            '。', '，', ',', '；', ';', '：', ':', '！', '？', ' ', '\u{3000}',
        ])
        .map_or(0, |j| {
            j + before[j..].chars().next().map_or(1, char::len_utf8)
        })
}

/// The person who chaired, from the first `主持` clause in `text` that names someone:
/// `…X主持会议`, `…X主持召开…`, `X主持并讲话`, `会议由X主持`.
pub fn chaired_by(text: &str) -> Option<String> {
    text.match_indices("主持").find_map(|(i, _)| {
        let before = &text[..i];
        let start = clause_start(before);
        // 习某近日在某地考察,并主持召开…: the subject is the clause before.
        if start > 0 && ADVERBS.contains(&&before[start..]) {
            let prev = before[..start].trim_end_matches(|c: char| !is_han(c));
            return person(&prev[clause_start(prev)..]);
        }
        let who = &before[start..];
        // 会议由X主持: the name follows 由.
        let who = who.rsplit_once('由').map_or(who, |(_, w)| w);
        if who.chars().count() > 60 {
            return None;
        }
        // 开幕大会和闭幕大会分别由A、B主持: the first sitting's chair is the meeting's.
        person(who).or_else(|| {
            before
                .contains("分别由")
                .then(|| who.split('、').next().and_then(person))
                .flatten()
        })
    })
}

/// What follows a leader's name when the leader attended and addressed the meeting:
/// 出席会议并讲话, 出席并作重要讲话, 在会上作重要讲话, 作重要讲话.
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"出席(?:会议|大会)?并(?:作|发表)?(?:重要)?讲话|(?:在会上)?(?:作|发表)了?(?:重要)?讲话")
});

/// The leader who attended and addressed the meeting (县长某某出席会议并讲话), from the first
/// such clause in `text` that names one: whose words a report without a chair is built around.
pub fn addressed_by(text: &str) -> Option<String> {
    ADDRESSED.find_iter(text).find_map(|m| {
        let before = &text[..m.start()];
        person(&before[clause_start(before)..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(chaired_by(text).as_deref(), expect, "{text}");
    }

    #[test]
    fn finds_who_chaired() {
        check("市委书记戴源主持会议。", Some("戴源"));
        check("徐建役主持并讲话", Some("徐建役"));
        check(
            "市委书记徐建役主持并讲话,市领导严钢等参加。",
            Some("徐建役"),
        );
        check(
            "会后,市委书记、市新冠肺炎疫情防控工作领导小组第一组长章旭升立即主持召开续会,部署工作。",
            Some("章旭升"),
        );
        check("会议由市委副书记、市长王小明主持。", Some("王小明"));
        check("省委书记李四主持召开省委常委会会议", Some("李四"));
        check("戴源主持", Some("戴源"));
        check(
            "央视网消息:习某总书记近日在某新区考察,并主持召开座谈会。",
            Some("习某"),
        );
        check(
            "区委副书记、区政府区长戴斌同志在区府1729会议室主持召开了区政府六届一次常务会议。",
            Some("戴斌"),
        );
        check("习某同志主持会议。", Some("习某"));
        check("局党组成员石某某主持会议。", Some("石某某"));
        check(
            "开幕大会和闭幕大会分别由李某某、张某某主持。",
            Some("李某某"),
        );
        check("会议由市委主持。", None);
        let addressed = |t: &str| addressed_by(t);
        assert_eq!(
            addressed("县委副书记、县长冶某某出席会议并讲话。").as_deref(),
            Some("冶某某")
        );
        assert_eq!(
            addressed("市委书记甲某出席并作重要讲话").as_deref(),
            Some("甲某")
        );
        assert_eq!(
            addressed("市委常委、镇委书记甲某某在会上作重要讲话。").as_deref(),
            Some("甲某某")
        );
        assert_eq!(addressed("市领导出席会议并讲话。"), None);
        assert_eq!(
            addressed("全省电视电话会议召开,省委副书记、代省长甲某某作重要讲话并部署工作。")
                .as_deref(),
            Some("甲某某")
        );
        assert_eq!(addressed("会议传达了甲某某作的重要讲话。"), None);
        assert_eq!(addressed("市领导张三、李四出席会议。"), None);
        check("市领导看望慰问医护人员。", None);
    }

    #[test]
    fn names_after_titles() {
        for (who, expect) in [
            ("市委书记章旭升", Some("章旭升")),
            ("章旭升", Some("章旭升")),
            ("他", None),
            ("会议", None),
            ("全市上下", None),
            ("省委常委、市委书记欧阳明", Some("欧阳明")),
            ("全国人大常委会委员长王某", Some("王某")),
            ("国务院总理李某5月18日", Some("李某")),
            ("中央委员会主任习某在北京", Some("习某")),
            ("韩某在认真听取有关负责同志发言后", Some("韩某")),
            ("在听取汇报后", None),
            ("各位代表们", None),
            ("委员们一致", None),
            ("习某总书记多次", Some("习某")),
            ("委员发言", None),
            ("习某总书记近日在某地考察并", Some("习某")),
            ("李某总理", Some("李某")),
            ("多国代表", None),
            ("两国总理举行会谈并共同", None),
        ] {
            assert_eq!(person(who).as_deref(), expect, "{who}");
        }
    }
}
