//! Which articles report a convened meeting, and its title and chair.
//!
//! An article is a meeting report when its lead says a meeting was convened (X召开…会议,
//! …会议召开, 在…会上强调) and the article goes on to lay something down. Commentaries and
//! captions are never meeting reports, and a meeting named only further down an article (a
//! feature quoting it in passing) does not count.

use crate::ingest::split::{self, ArticleKind, flatten};
use crate::meeting::chair::chaired_by;
use crate::meeting::directive::directives;
use crate::meeting::title;
use crate::meeting::{Gazetteer, LocalityWeights, MeetingText, PageDates};
use crate::model::{Document, Meeting, MeetingId};

/// How much of the first paragraph is read as the lead.
const LEAD_BYTES: usize = 1500;

/// How many paragraphs from the top a `主持` line may stand in (lead, then 市委书记X主持会议).
const CHAIR_PARAGRAPHS: usize = 3;

/// Finds the meetings reported in `doc`, and fills in its `published` date and `place`.
/// Meeting ids are numbered from 0 within the document; the pipeline renumbers them.
pub fn extract(doc: &mut Document, gazetteer: &Gazetteer) -> Vec<Meeting> {
    extract_with(doc, gazetteer, &LocalityWeights::default())
}

/// [`extract`] with the locality evidence weighed by `weights`.
pub fn extract_with(
    doc: &mut Document,
    gazetteer: &Gazetteer,
    weights: &LocalityWeights,
) -> Vec<Meeting> {
    let text = doc.text.clone();
    let dates = PageDates::scan(&text);
    doc.published = dates.published;
    doc.place = gazetteer.locate(&text, &text);
    let mut out = Vec::new();
    for piece in split::pieces(doc) {
        if piece.kind != ArticleKind::News {
            continue;
        }
        let article = &piece.article;
        let Some(first) = article.paragraphs.first() else {
            continue;
        };
        let mut lead = flatten(&text, *first);
        // A lead names its meeting in its first sentences; a page-long line is not read whole.
        if lead.len() > LEAD_BYTES {
            let mut cut = LEAD_BYTES;
            while !lead.is_char_boundary(cut) {
                cut -= 1;
            }
            lead.truncate(cut);
        }
        let headline = article
            .headline
            .map(|h| flatten(&text, h))
            .unwrap_or_default();
        let Some(found) = title::find(&lead, &headline) else {
            continue;
        };
        let laid_down = directives(&text, &article.paragraphs);
        if laid_down.is_empty() {
            continue;
        }
        let top: Vec<String> = std::iter::once(headline.clone())
            .chain(
                article
                    .paragraphs
                    .iter()
                    .take(CHAIR_PARAGRAPHS)
                    .map(|p| flatten(&text, *p)),
            )
            .collect();
        // Whoever chaired; else the leader whose words the report is built around.
        let chair = top
            .iter()
            .find_map(|t| chaired_by(t))
            .or_else(|| laid_down.iter().find_map(|d| leader_of(&d.cue)));
        // A page may print the same report twice (a summary box and the story): keep the first.
        let same =
            |m: &Meeting| m.title == found.title && m.directives[0].text == laid_down[0].text;
        if out.iter().any(same) {
            continue;
        }
        let date = dates.resolve(&lead).map(|(d, _)| d);
        let head = format!("{headline}\n{lead}");
        let located = gazetteer.locate_meeting(
            &MeetingText {
                page: &text,
                article: article.span.slice(&text),
                head: &head,
                title: &found.title,
                date: date.map(|d| d.date),
            },
            weights,
        );
        out.push(Meeting {
            id: MeetingId(out.len() as u32),
            doc: doc.id,
            article: article.span,
            place: located.place,
            convened_by: located.convened_by,
            place_candidates: located.candidates,
            date,
            title: found.title,
            chair,
            directives: laid_down,
            ..Meeting::default()
        });
    }
    out
}

/// The leader named in a cue such as 章旭升强调; `None` for 会议强调 or 他强调.
fn leader_of(cue: &str) -> Option<String> {
    let name = ["强调", "指出", "要求", "认为", "提出", "号召", "表示", "说"]
        .iter()
        .find_map(|v| cue.strip_suffix(v))?;
    (name != "会议" && name != "他" && name != "她").then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    /// Runs `page` and renders each meeting as `title|chair|directives`.
    fn check(page: &str, expect: &[&str]) {
        let mut doc = Document::from_text(DocId(0), "test.txt", page);
        let got: Vec<String> = extract(&mut doc, &Gazetteer::default())
            .iter()
            .map(|m| {
                format!(
                    "{}|{}|{}",
                    m.title,
                    m.chair.as_deref().unwrap_or("-"),
                    m.directives.len()
                )
            })
            .collect();
        assert_eq!(got, expect, "{page}");
    }

    #[test]
    fn finds_meeting_reports() {
        check(
            "某市委常委会召开会议 部署工作\n\n本报讯 1月27日上午,市委常委会召开会议,部署近期重点工作。\n\n市委书记张三主持会议。\n\n会议指出,要做好疫情防控工作。要保持从严标准。\n",
            &["市委常委会会议|张三|2"],
        );
        check(
            "标题\n\n本报讯 10日下午,我市召开防汛工作推进会。县委书记李四在会上强调,要压实责任。\n\n李四强调,要加强值守。\n",
            &["防汛工作推进会|李四|2"],
        );
        // No chair named.
        check(
            "标题\n\n本报讯 14日,某市委常委会召开扩大会议,传达学习讲话精神。\n\n会议强调,要坚持疫情防控优先。\n",
            &["某市委常委会扩大会议|-|1"],
        );
        // A video call is not a meeting.
        check(
            "某某在与一线医护人员视频连线时指出 齐心协力\n\n本报讯 14日下午,市领导通过视频连线,看望慰问医护人员。市委书记某某说,要全力以赴救治患者。\n",
            &[],
        );
        // A commentary is not a meeting report, even when it cites one.
        check(
            "评论标题\n\n本报特约评论员\n\n近日,市委常委会召开会议。会议强调,要做好防控。\n",
            &[],
        );
        // Shapes from other places and papers: full-width brackets, a province, a county.
        check(
            "省委常委会召开会议 研究部署防汛工作\n\n本报讯（记者 王某）7月20日下午，省委常委会召开会议，研究部署防汛救灾工作。省委书记赵某主持会议。\n\n会议强调，要压紧压实防汛责任。要全力做好转移避险。\n",
            &["省委常委会会议|赵某|2"],
        );
        check(
            "标题\n\n新华社某地3月1日电 某自治区党委常委会3月1日召开会议，传达学习全国两会精神。\n\n会议指出，要把思想和行动统一起来。\n",
            &["某自治区党委常委会会议|-|1"],
        );
        check(
            "县政府召开常务会议\n\n本报讯 9日，县政府召开常务会议，研究有关事项。会议由县委副书记、县长钱某主持。\n\n会议要求，各部门要狠抓落实：一是抓项目，二是抓招商。\n",
            &["县政府常务会议|钱某|3"],
        );
        check(
            "标题\n\n  昨日上午，全区安全生产工作会议召开。区委书记孙某出席并讲话。\n\n孙某强调，要守牢安全底线。\n",
            &["全区安全生产工作会议|孙某|1"],
        );
        // A feature that quotes a meeting only further down is not a meeting report.
        check(
            "走进某村\n\n本报讯 清晨的某村，村民们正忙着春耕。\n\n前不久，县委召开会议。会议强调，要抓好春耕。\n",
            &[],
        );
        // A meeting mentioned with nothing laid down is not reported.
        check(
            "标题\n\n本报讯 市委召开会议,研究有关事项。\n\n市领导出席会议。\n",
            &[],
        );
    }

    proptest::proptest! {
        /// Pages built from pieces of real report shapes, cut anywhere, never panic, and every
        /// directive's span reads back as its text.
        #[test]
        fn any_page_gives_well_formed_meetings(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "本报讯 ", "14日,", "市委常委会", "召开", "会议", "扩大", "暨", "领导小组", "全体",
                "。", ",", "，", "；", "\n", "\n\n", "  ", "会议强调,", "会议指出：", "要", "一是",
                "二是", "市委书记", "张三", "主持会议", "在会上强调,", "他强调,", "“", "”", "(", ")",
                "记者 李四 摄", "编辑:王五", "|", ">>", "延伸阅读", "做好工作", "确保安全", "\u{3000}",
                "\r\n", "重", "讲", "话", "复", "工", "产",
            ]), 0..80),
            at in 0usize..80,
        ) {
            // A real report with noise around and inside it, so that most cases hold a meeting.
            let cut = at.min(parts.len());
            let page = format!(
                "{}\n标题\n本报讯 14日,市委常委会召开会议。市委书记张三主持会议。\n{}\n会议强调,要做好工作。要确保安全。\n",
                parts[..cut].concat(),
                parts[cut..].concat(),
            );
            let mut doc = Document::from_text(DocId(0), "p", &page);
            for m in extract(&mut doc, &Gazetteer::default()) {
                proptest::prop_assert!(!m.directives.is_empty());
                for d in &m.directives {
                    proptest::prop_assert!(page.get(d.span.start..d.span.end).is_some());
                    proptest::prop_assert_eq!(flatten(&page, d.span), d.text.clone());
                    proptest::prop_assert!(m.article.contains(d.span));
                }
            }
        }
    }
}
