//! Whether an article that names a meeting in its lead reports it: a notice of a meeting to
//! come is not a report, and a meeting the lead's first sentence says was held is reported
//! even when the article lays nothing down.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::clean::regex;

/// Words of a notice in its body: 特此通知, 现将有关事项通知如下, 会议时间:.
static NOTICE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"特此通知|通知如下|现将[^。]{0,20}通知|会议时间\s*[:：]|参会人员\s*[:：]|请各[^。]{0,20}于[^。]{0,20}前",
    )
});

/// True when the article is a notice (通知) of a meeting rather than a report of one: its
/// headline ends in 通知, or its body speaks as a notice does.
pub fn is_notice(headline: &str, article: &str) -> bool {
    let head = headline.trim_end_matches(|c: char| !crate::ingest::clean::is_han(c));
    head.ends_with("通知") || NOTICE_BODY.is_match(article)
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
    fn the_first_sentence_opens_the_report() {
        let lead = "3月6日,县委召开常委会会议。会后,与会人员参观了展览馆。";
        assert!(opens_on(lead, lead.find("召开").unwrap()));
        assert!(!opens_on(lead, lead.find("参观").unwrap()));
    }
}
