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
use crate::meeting::{Gazetteer, PageDates};
use crate::model::{Document, Meeting, MeetingId};

/// How many paragraphs from the top a `主持` line may stand in (lead, then 市委书记X主持会议).
const CHAIR_PARAGRAPHS: usize = 3;

/// Finds the meetings reported in `doc`, and fills in its `published` date and `place`.
/// Meeting ids are numbered from 0 within the document; the pipeline renumbers them.
pub fn extract(doc: &mut Document, gazetteer: &Gazetteer) -> Vec<Meeting> {
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
        let lead = flatten(&text, *first);
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
        let article_text = article.span.slice(&text);
        out.push(Meeting {
            id: MeetingId(out.len() as u32),
            doc: doc.id,
            article: article.span,
            place: gazetteer.locate(&text, article_text),
            date,
            title: found.title,
            chair,
            directives: laid_down,
        });
    }
    out
}

/// The leader named in a cue such as 章旭升强调; `None` for 会议强调 or 他强调.
fn leader_of(cue: &str) -> Option<String> {
    let name = ["强调", "指出", "要求", "认为", "提出", "表示", "说"]
        .iter()
        .find_map(|v| cue.strip_suffix(v))?;
    (name != "会议" && name != "他" && name != "她").then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Format};
    use std::sync::Arc;

    /// Runs `page` and renders each meeting as `title|chair|directives`.
    fn check(page: &str, expect: &[&str]) {
        let mut doc = Document {
            id: DocId(0),
            path: "test.txt".into(),
            encoding: "UTF-8".into(),
            format: Format::Text,
            text: Arc::from(page),
            published: None,
            place: None,
            problems: Vec::new(),
        };
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
        // A meeting mentioned with nothing laid down is not reported.
        check(
            "标题\n\n本报讯 市委召开会议,研究有关事项。\n\n市领导出席会议。\n",
            &[],
        );
    }
}
