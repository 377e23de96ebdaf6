//! Whether an article that names a meeting in its lead reports it: a notice of a meeting to
//! come is not a report, and a meeting the lead's first sentence says was held is reported
//! even when the article lays nothing down.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::regex;

/// Words of a notice in its body: 特此通知, 现将有关事项通知如下, 会议时间:.
static NOTICE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"特此通知|通知如下|现将[^。]{0,20}通知|会议时间\s*[:：]|参会人员\s*[:：]|请各[^。]{0,20}于[^。]{0,20}前",
    )
});

/// True when the article is a notice (通知) of a meeting rather than a report of one: its
/// headline ends in 通知, or its body speaks as a notice does.
pub fn is_notice(headline: &str, article: &str) -> bool {
    let head = headline.trim_end_matches(|c: char| !crate::text::is_han(c));
    head.ends_with("通知") || NOTICE_BODY.is_match(article)
}

/// How a speech addresses its audience.
const ADDRESSES: [&str; 4] = ["同志们", "各位代表", "各位委员", "各位来宾"];

/// True when the article is the text of a speech delivered at a meeting (…在…会议上的讲话,
/// 同志们: 今天我们召开…), not a report of the meeting.
pub fn is_speech(headline: &str, lead: &str) -> bool {
    // Each line of a headline on its own: a subtitle 传达…在某某会议上的重要讲话精神 over a line
    // 某某主持并讲话 is a report's.
    let speech_title = headline.lines().any(|line| {
        let line = line.trim_end_matches(|c: char| !crate::text::is_han(c));
        line.ends_with("讲话") && line.contains("上的") && !line.ends_with("并讲话")
    });
    let opening = lead.trim_start_matches(|c: char| !crate::text::is_han(c));
    // A title run into its salutation when the page lost the line between them
    // (…会议上的讲话同志们:今天…).
    let glued = opening.lines().next().is_some_and(|first| {
        first.contains("上的讲话")
            && first
                .split("讲话")
                .skip(1)
                .any(|rest| ADDRESSES.iter().any(|w| rest.starts_with(w)))
    });
    speech_title || glued || ADDRESSES.iter().any(|w| opening.starts_with(w))
}

/// International and foreign bodies a world-news bulletin reports the meetings of.
const FOREIGN_BODIES: [&str; 19] = [
    "联合国",
    "安理会",
    "世界贸易组织",
    "世贸组织",
    "欧盟",
    "欧洲理事会",
    "欧洲议会",
    "北约",
    "非盟",
    "阿拉伯",
    "伊斯兰合作组织",
    "七国集团",
    "二十国集团",
    "政府间",
    "国际奥委会",
    "国会",
    "议会",
    "内阁",
    "边界总委员会",
];

/// Words that put China in a meeting's name: a meeting China holds with others (中国—东盟…,
/// 中非合作论坛…) or a Chinese body's.
const CHINESE_IN_NAME: [&str; 10] = [
    "中国",
    "中方",
    "中非",
    "中阿",
    "中欧",
    "中美",
    "中俄",
    "全国",
    "国务院",
    "中共",
];

/// True when the meeting's name is a foreign or international body's own (联合国大会, 世界贸易组织
/// …例会, 海湾阿拉伯国家合作委员会首脑会议) with nothing Chinese in it: not a meeting of Chinese
/// government, whatever page reports it.
pub fn foreign_body(title: &str) -> bool {
    FOREIGN_BODIES.iter().any(|w| title.contains(w))
        && !CHINESE_IN_NAME.iter().any(|w| title.contains(w))
}

/// Bodies and levels of Chinese government a meeting's name may carry (县委…, 全市…, 人大…).
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"中央|国务院|政治局|书记处|(?:^|[省市县区州旗国届])人大|人民代表大会|政协|党委|党组|常委|政府|领导小组|委员会|指挥部|中心组|纪委|监委|军委|工委|[省市县区州旗盟地乡镇]委|全国|全省|全市|全县|全区|全州|全旗|全盟|自治区|^(?:\d{4}年)?[省市县区州旗盟乡镇]",
    )
});

/// Kinds of meeting Chinese government holds (常务会议, 座谈会, 调度会…).
static KIND: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"常务会|常委会|办公会|座谈会|推进会|调度会|动员会|部署会|现场会|电视电话会|视频会|专题会|学习会|全体会议|工作会|干部大会|党代会|代表大会|联席会|委员长会议|主席会议|务虚会|分析会|汇报会|碰头会|协调会|扩大会议|誓师大会|培训会|交流会|讲评会|点评会|总结会|表彰大会|动员大会|警示教育|论证会|评审会|听证会|协商会|恳谈会|观摩会|讨论会|调研会|通报会",
    )
});

/// True when `title` names a body or a level of Chinese government, or a kind of meeting it
/// holds: what a brief report with no chair and nothing laid down must show to count, so that
/// a foreign parliament's sitting or a rally in a world-news bulletin does not.
pub fn names_a_body(title: &str) -> bool {
    // A bare 视频会议 or 全体会议 is any body's, a foreign minister's call as well.
    BODY.is_match(title) || (KIND.is_match(title) && title.chars().count() > 6)
}

/// True when the evidence for the meeting, at byte `at` of `lead`, stands in the lead's first
/// sentence: the report opens on the meeting.
pub fn opens_on(lead: &str, at: usize) -> bool {
    let first_end = lead.find(['。', '！', '？']).unwrap_or(lead.len());
    at < first_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(headline: &str, article: &str, expect: bool) {
        assert_eq!(is_notice(headline, article), expect, "{headline}|{article}");
    }

    #[test]
    fn notices_are_not_reports() {
        check(
            "关于召开全县秋季造林动员大会的通知",
            "各乡镇人民政府:县政府决定召开动员大会。",
            true,
        );
        check(
            "某某会议",
            "各单位:现将会议有关事项通知如下:一、会议时间:10月9日上午。",
            true,
        );
        check(
            "",
            "省政府定于12月1日召开电视电话会议。请各市州于11月30日前报到。特此通知。",
            true,
        );
        check(
            "县政府召开常务会议",
            "9日,县政府召开常务会议。会议传达了《关于做好当前工作的通知》精神。",
            false,
        );
    }

    #[test]
    fn foreign_bodies_meetings_are_not_chinese_government_s() {
        for name in [
            "第78届联合国大会",
            "世界贸易组织补贴与反补贴措施委员会春季例会",
            "第45届海湾阿拉伯国家合作委员会首脑会议",
            "政府间气候变化专门委员会第62次全会",
            "泰柬边界总委员会秘书处会议",
        ] {
            assert!(foreign_body(name), "{name}");
        }
        for name in [
            "中非合作论坛北京峰会治国理政高级别会议",
            "中国—东盟博览会开幕式",
            "全国人大常委会执法检查组第一次全体会议",
            "县委常委会会议",
            "政协某某县委员会常务委员会会议",
            // 阿盟 is 阿拉善盟; a province's Islamic association is a Chinese body.
            "阿盟行署全体会议",
            "某某省伊斯兰教协会第八次代表会议",
        ] {
            assert!(!foreign_body(name), "{name}");
        }
    }

    #[test]
    fn speeches_are_not_reports() {
        for (headline, lead, expect) in [
            (
                "县长在2017年县政府全体会议上的讲话",
                "同志们:今天,我们召开本届县政府第一次全体会议。",
                true,
            ),
            ("", "各位代表:现在,我代表县人民政府向大会报告工作。", true),
            (
                "",
                "县委书记在全县防汛工作会议上的讲话同志们:今天,我们召开全县防汛工作会议。",
                true,
            ),
            (
                "市委常委会召开会议传达学习某某在上级会议上的重要讲话精神某某主持并讲话",
                "2月21日,市委常委会召开会议。",
                false,
            ),
            (
                "某某在全县经济工作会议上强调 稳中求进",
                "10日,全县经济工作会议召开。",
                false,
            ),
        ] {
            assert_eq!(is_speech(headline, lead), expect, "{headline}|{lead}");
        }
    }

    #[test]
    fn bodies_and_kinds() {
        for (title, expect) in [
            ("县委常委会会议", true),
            ("全县负责干部大会", true),
            ("中心组(扩大)学习会", true),
            ("企地共建工作座谈会", true),
            ("十三届全国人大常委会第二十六次委员长会议", true),
            ("欧元集团会议", false),
            ("紧急公开会议", false),
            ("第24次部长级会议", false),
            ("会议", false),
            ("视频会议", false),
            ("全体会议", false),
            ("第七次常务会议", true),
            ("先进事迹报告会", false),
            ("2022世界机器人大会", false),
            ("非洲地区高级别反恐会议", false),
            ("阿盟外长会", false),
            ("县十六届人大常委会第五次会议", true),
            ("2024年区政府第18次常务会议", true),
        ] {
            assert_eq!(names_a_body(title), expect, "{title}");
        }
    }

    #[test]
    fn the_first_sentence_opens_the_report() {
        let lead = "3月6日,县委召开常委会会议。会后,与会人员参观了展览馆。";
        assert!(opens_on(lead, lead.find("召开").unwrap()));
        assert!(!opens_on(lead, lead.find("参观").unwrap()));
    }
}
