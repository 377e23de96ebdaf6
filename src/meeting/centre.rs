//! The Centre (中央): meetings of the central organs and of leaders with national titles belong
//! to no locality, whatever place a report names.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Place, PlaceLevel};
use crate::text::regex;

/// The Centre (中央) as a place, for meetings that central organs convene: they speak for no
/// locality, and researchers follow how their formulae travel to the localities.
pub fn national() -> Place {
    Place {
        name: "中央".into(),
        full: "中华人民共和国".into(),
        code: "100000".into(),
        level: PlaceLevel::National,
    }
}

/// Names of the central organs that convene national meetings, as a meeting's name starts.
const CENTRAL_ORGANS: &[&str] = &[
    "中共中央",
    "中央",
    "国务院",
    "全国人大",
    "全国人民代表大会",
    "全国政协",
    "中国人民政治协商会议全国委员会",
];

/// True when a meeting's name says a central organ convened it: 中共中央政治局会议,
/// 国务院常务会议, 十四届全国人大常委会第五次会议.
pub fn is_central_meeting(title: &str) -> bool {
    let rest = without_session(title);
    CENTRAL_ORGANS.iter().any(|o| rest.starts_with(o))
}

/// `text` without the session number legislature meetings start with: 十四届, 第十四届.
fn without_session(text: &str) -> &str {
    text.find('届')
        .filter(|&i| {
            i > 0
                && text[..i]
                    .chars()
                    .all(|c| c == '第' || "一二三四五六七八九十".contains(c))
        })
        .map_or(text, |i| &text[i + '届'.len_utf8()..])
}

/// Offices held only at the Centre: a meeting such a leader convenes is the Centre's, whatever
/// city it is held in. (Politburo membership alone is not one: provincial secretaries hold it.)
const NATIONAL_OFFICES: [&str; 10] = [
    "中共中央总书记",
    "国家主席",
    "中共中央政治局常委",
    "国务院总理",
    "国务院副总理",
    "国务委员",
    "全国人大常委会委员长",
    "全国人大常委会副委员长",
    "全国政协主席",
    "中央军委主席",
];

/// Characters a lead may open with before its subject: a date, a time of day, a dateline.
const LEAD_IN: &str = "0123456789０１２３４５６７８９年月日至上下午晚昨今天号时据电讯新华社本报北京记者 　,，、:：()（）";

/// True when the Centre convened the meeting: its name starts with a central organ
/// (中共中央政治局会议, 国务院常务会议), or the lead's subject is a central organ that convenes
/// it (国务院召开全国…电视电话会议) or a leader with a national office who chairs it
/// (中共中央政治局常委、国务院副总理某某主持召开…座谈会).
pub fn convened_by_centre(title: &str, head: &str) -> bool {
    if is_central_meeting(title) || national_by_name(title, head) || national_body(title) {
        return true;
    }
    head.split(['。', '\n'])
        .filter(|s| !s.trim().is_empty())
        .take(2)
        .any(subject_is_central)
}

/// The national committee or congress of a national body, or its central committee:
/// 政协第十四届全国委员会, 中国民主同盟第十三次全国代表大会, 中国致公党第十六届中央委员会.
static NATIONAL_BODY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"全国委员会|全国代表大会|中央委员会|中央纪律检查委员会"));

/// How the names of the nation's own bodies open: 中国…, 中共…, 政协…, 第十四届…, and the two
/// parties whose names do not (九三学社, 台湾民主自治同盟); a foreign party's convention opens
/// with its country.
const NATIONAL_NAME_OPENINGS: [&str; 8] = [
    "中国",
    "中华",
    "中共",
    "政协",
    "全国",
    "第",
    "九三学社",
    "台湾民主自治同盟",
];

/// True when the meeting's name is a session of a national body ([`NATIONAL_BODY`]) with no
/// local division named before it (not 民革浙江省委员会, 中国共产党某某县第十五次代表大会).
fn national_body(title: &str) -> bool {
    if !NATIONAL_NAME_OPENINGS.iter().any(|o| title.starts_with(o)) {
        return false;
    }
    NATIONAL_BODY
        .find(title)
        .is_some_and(|m| !title[..m.start()].contains(['省', '市', '县', '区', '州', '镇', '乡']))
}

/// A local body as the subject of a lead: 县委, 市政府, 我县, 全市.
static LOCAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[省市县区州旗盟乡镇](?:委|政府|人大|政协|党委)|[我全本][省市县区州旗盟]")
});

/// True when the meeting's name says it is the nation's (全国宣传部长会议, 全国稳就业工作电视电话
/// 会议) and no local body convenes it in the lead: a locality's 全国文明城市创建推进会 is its
/// own.
fn national_by_name(title: &str, head: &str) -> bool {
    const LOCAL_CAMPAIGNS: [&str; 4] = ["创建", "文明城市", "卫生城市", "示范"];
    if !title.starts_with("全国") || LOCAL_CAMPAIGNS.iter().any(|w| title.contains(w)) {
        return false;
    }
    !head.split(['\n', '。']).any(|line| {
        let cut = ["召开", "举行"]
            .iter()
            .filter_map(|v| line.find(v))
            .min()
            .unwrap_or(line.len());
        let subject = &line[..cut];
        LOCAL_SUBJECT.is_match(subject)
    })
}

/// True when `sentence` opens (after its date and dateline) with a central organ or a national
/// office, and goes on to convene or chair.
fn subject_is_central(sentence: &str) -> bool {
    // 央视网消息（新闻联播）：…, [视频]…: the outlet's tag before the story.
    let sentence = sentence.trim_start();
    let sentence = match sentence
        .char_indices()
        .take(24)
        .find(|&(_, c)| c == '：' || c == ':')
    {
        Some((i, c)) => &sentence[i + c.len_utf8()..],
        None => sentence,
    };
    let sentence = ["[", "【"]
        .iter()
        .zip(["]", "】"])
        .find_map(|(open, close)| {
            let rest = sentence.strip_prefix(open)?;
            rest.find(close).map(|j| &rest[j + close.len()..])
        })
        .unwrap_or(sentence);
    // 新华网天津10月25日电(记者 某某): a dateline and the reporters' names.
    let sentence = match sentence.find("日电").filter(|&i| i < 120) {
        Some(i) => &sentence[i + "日电".len()..],
        None => sentence,
    };
    let sentence = ["(", "（"]
        .iter()
        .zip([")", "）"])
        .find_map(|(open, close)| {
            let rest = sentence.strip_prefix(open)?;
            rest.find(close).map(|j| &rest[j + close.len()..])
        })
        .unwrap_or(sentence);
    let start = sentence
        .char_indices()
        .find(|&(_, c)| !LEAD_IN.contains(c))
        .map_or(sentence.len(), |(i, _)| i);
    let subject = without_session(&sentence[start..]);
    let convenes = ["主持召开", "召开", "主持", "举行"];
    // 中共中央政治局委员、 is followed by the office that says for whom the member convenes.
    let member = subject.strip_prefix("中共中央政治局委员、");
    let office = NATIONAL_OFFICES
        .iter()
        .any(|o| member.unwrap_or(subject).starts_with(o));
    let organ = member.is_none()
        && CENTRAL_ORGANS.iter().any(|o| subject.starts_with(o))
        && !subject.starts_with("中央广播电视总台");
    (office || organ || heads_a_ministry(subject)) && convenes.iter().any(|v| subject.contains(v))
}

/// The head of a State Council ministry or national commission or administration, as a lead
/// names its subject: 某某部部长, 某某部党组书记, 国家某某委主任, 国家某某局局长. Provinces have 厅
/// and counties 局, so a bare 部 head convening 部常务会议 is the Centre's; the Party's own
/// departments (组织部, 宣传部, 统战部) and the armed forces departments (人武部) exist at every
/// level and are left out.
static MINISTRY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:\p{Han}{2,8}部(?:部长|党组书记)|国家\p{Han}{1,10}(?:委员会|委|总局|局|署)(?:主任|局长|署长|党组书记)|海关总署署长)",
    )
});

fn heads_a_ministry(subject: &str) -> bool {
    const EVERY_LEVEL: [&str; 6] = ["组织部", "宣传部", "统战部", "武装部", "人武部", "工作部"];
    MINISTRY_HEAD.find(subject).is_some_and(|m| {
        let head = m.as_str();
        !EVERY_LEVEL.iter().any(|d| head.contains(d))
            && !head.starts_with(['省', '市', '县', '区', '州'])
            && !head.contains("委员、")
    })
}

#[cfg(test)]
mod central_tests {
    use super::{convened_by_centre, is_central_meeting};

    fn check(title: &str, expect: bool) {
        assert_eq!(is_central_meeting(title), expect, "{title}");
    }

    #[test]
    fn sessions_of_national_bodies_are_the_centre_s() {
        for (title, expect) in [
            ("政协第十四届全国委员会常务委员会第九次会议", true),
            ("中国人民政治协商会议第十四届全国委员会第二次会议", true),
            ("中国民主同盟第十三次全国代表大会", true),
            ("中国致公党第十六届中央委员会第三次全体会议", true),
            ("政协某某县第十三届委员会第四次会议", false),
            ("中国共产党某某县第十五次代表大会", false),
            ("民革浙江省委员会全体会议", false),
            ("美国民主党全国代表大会", false),
        ] {
            assert_eq!(convened_by_centre(title, ""), expect, "{title}");
        }
    }

    #[test]
    fn central_organs_convene_national_meetings() {
        check("中共中央政治局会议", true);
        check("中共中央政治局常务委员会会议", true);
        check("国务院常务会议", true);
        check("中央全面深化改革委员会第二十四次会议", true);
        check("十四届全国人大常委会第五次会议", true);
        check("第十三届全国政协第五次会议", true);
        check("市委常委会会议", false);
        check("湖南省委常委会会议", false);
        check("全市新冠肺炎疫情防控工作推进会", false);
        check("届时召开的会议", false);
    }

    fn lead(title: &str, head: &str, expect: bool) {
        assert_eq!(convened_by_centre(title, head), expect, "{head}");
    }

    #[test]
    fn national_leaders_convene_for_the_centre() {
        lead(
            "经济形势座谈会",
            "5月8日至9日,中共中央政治局常委、国务院总理某某在中共中央政治局委员、湖北省委书记某某陪同下在武汉调研,并主持召开经济形势座谈会。",
            true,
        );
        lead(
            "经济形势座谈会",
            "标题\n新华网天津10月25日电(记者 某某 某某)10月24日至25日,中共中央政治局常委、国务院总理某某在天津调研,并主持召开经济形势座谈会。",
            true,
        );
        lead(
            "全体会议",
            "据新华社电 中共中央政治局常委、国务院副总理某某27日主持召开委员会全体会议。",
            true,
        );
        lead(
            "电视电话会议",
            "标题\n2月25日,国务院召开全国春季农业生产工作电视电话会议。",
            true,
        );
        lead(
            "预备会议",
            "标题\n十三届全国人大五次会议4日上午在北京人民大会堂举行预备会议。",
            true,
        );
        lead(
            "全体会议",
            "[视频]十三届全国人大五次会议举行第二次全体会议\n央视网消息：十三届全国人大五次会议8日在北京人民大会堂举行第二次全体会议。",
            true,
        );
        lead(
            "座谈会",
            "3月2日,中共中央政治局委员、国务院副总理某某在京主持召开座谈会。",
            true,
        );
        // A ministry's or a national commission's own meetings are the Centre's.
        lead(
            "部常务会议",
            "5月19日,某某部部长某某主持召开部常务会议,审议并原则通过《甲省乙核电厂环境影响报告书》。",
            true,
        );
        lead(
            "委主任办公会",
            "3月2日,国家某某委主任某某主持召开委主任办公会。",
            true,
        );
        lead(
            "部务会",
            "3月2日,县委常委、组织部部长某某主持召开部务会。",
            false,
        );
        lead("部务会", "3月2日,组织部部长某某主持召开部务会。", false);
        // A meeting the nation's by its name, unless a local body convenes it.
        lead(
            "全国宣传部长会议",
            "标题\n全国宣传部长会议1月4日在京召开。某某出席会议并讲话。",
            true,
        );
        lead(
            "全国稳就业工作电视电话会议",
            "标题\n5月7日,全国稳就业工作电视电话会议召开。",
            true,
        );
        lead(
            "全国文明城市创建工作推进会",
            "标题\n5月7日,县委召开全国文明城市创建工作推进会。",
            false,
        );
        lead(
            "全国两会精神传达会",
            "标题\n3月14日,市委常委会召开全国两会精神传达会。",
            false,
        );
        // A provincial secretary who sits on the Politburo convenes for the province.
        lead(
            "省委常委会会议",
            "7月1日,中共中央政治局委员、广东省委书记某某主持召开省委常委会会议。",
            false,
        );
        // A local meeting that relays the Centre's is local.
        lead(
            "市委常委会会议",
            "14日,市委常委会召开会议,传达学习中共中央政治局会议精神和国务院总理某某讲话精神。",
            false,
        );
        lead(
            "县长办公会议",
            "7月24日,县长某某主持召开县长办公会议,学习国务院常务会议精神。",
            false,
        );
    }
}
