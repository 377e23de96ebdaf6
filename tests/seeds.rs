//! Golden tests: the five seed reports give exactly their seven meetings (seed 001's 调度会 is
//! followed by its 续会, two meetings).
//!
//! Each seed's meetings (place, date, basis, title, chair, directive texts) are an `insta`
//! snapshot under `tests/snapshots/`; every change to one is reviewed by hand.

use serde_json::{Value, json};
use tifa::ingest::seed_corpus;
use tifa::meeting::{Gazetteer, extract};
use tifa::model::Meeting;
use tifa::text::flatten;

fn meeting_json(m: &Meeting) -> Value {
    json!({
        "place": m.place.as_ref().map(|p| p.name.to_string()),
        "place_full": m.place.as_ref().map(|p| p.full.to_string()),
        "date": m.date.map(|d| d.date.to_string()),
        "basis": m.date.map(|d| d.basis.as_str()),
        "title": m.title,
        "chair": m.chair,
        "directives": m.directives.iter().map(|d| format!("{}|{}", d.cue, d.text)).collect::<Vec<_>>(),
    })
}

/// Every seed's meetings, by seed file name, checking each directive's span on the way.
fn seed_meetings() -> Vec<(String, Vec<Meeting>, String)> {
    let gazetteer = Gazetteer::load();
    let corpus = seed_corpus();
    corpus
        .documents
        .into_iter()
        .map(|mut doc| {
            let meetings = extract(&mut doc, &gazetteer);
            for m in &meetings {
                for d in &m.directives {
                    assert_eq!(flatten(&doc.text, d.span), d.text, "{}", doc.path);
                    assert!(m.article.contains(d.span), "{}", doc.path);
                }
            }
            let name = doc.path.trim_start_matches("seed:")[..3].to_string();
            (name, meetings, doc.text.to_string())
        })
        .collect()
}

#[test]
fn seeds_give_their_seven_meetings() {
    let all = seed_meetings();
    let titles: Vec<(String, String, Option<String>)> = all
        .iter()
        .flat_map(|(name, ms, _)| {
            ms.iter()
                .map(move |m| (name.clone(), m.title.clone(), m.chair.clone()))
        })
        .collect();
    let expect = [
        ("000", "金华市委常委会扩大会议", None),
        ("001", "市委常委会会议", Some("章旭升")),
        ("001", "疫情防控工作视频调度会", None),
        ("001", "疫情防控工作视频调度会续会", Some("章旭升")),
        ("002", "全市新冠肺炎疫情防控工作推进会", Some("章旭升")),
        (
            "003",
            "市委常委会会议暨市委应对新型冠状病毒感染的肺炎疫情工作领导小组全体会议",
            Some("戴源"),
        ),
        (
            "004",
            "市委常委会会议暨市疫情防控工作领导小组(扩大)会议",
            Some("徐建役"),
        ),
    ];
    let expect: Vec<(String, String, Option<String>)> = expect
        .iter()
        .map(|(n, t, c)| (n.to_string(), t.to_string(), c.map(str::to_string)))
        .collect();
    assert_eq!(titles, expect);
}

#[test]
fn attendance_and_summaries_are_not_directives() {
    for (name, meetings, _) in seed_meetings() {
        for m in &meetings {
            for d in &m.directives {
                assert!(!d.text.contains("出席会议"), "{name}: {}", d.text);
                assert!(!d.text.contains("参加会议"), "{name}: {}", d.text);
                assert!(!d.text.starts_with("会议"), "{name}: {}", d.text);
                assert!(!d.text.contains('\n'), "{name}: {}", d.text);
            }
        }
    }
}

#[test]
fn seed_snapshots() {
    for (name, meetings, _) in seed_meetings() {
        let value: Vec<Value> = meetings.iter().map(meeting_json).collect();
        insta::assert_json_snapshot!(format!("seed_{name}"), value);
    }
}

#[test]
fn seeds_split_into_their_articles() {
    use tifa::ingest::split::{ArticleKind, pieces};
    let corpus = seed_corpus();
    let got: Vec<(String, Vec<(ArticleKind, String)>)> = corpus
        .documents
        .iter()
        .map(|doc| {
            let name = doc.path.trim_start_matches("seed:")[..3].to_string();
            let kinds = pieces(doc)
                .iter()
                .map(|p| {
                    let head = p
                        .article
                        .headline
                        .map(|h| flatten(&doc.text, h))
                        .unwrap_or_default();
                    (p.kind, head.chars().take(8).collect())
                })
                .collect();
            (name, kinds)
        })
        .collect();
    let expect = [
        (
            "000",
            vec![
                (ArticleKind::News, "金华市委常委会扩"),
                (ArticleKind::News, "金政在与一线医护"),
            ],
        ),
        (
            "001",
            vec![
                (ArticleKind::News, "市委常委会研究部"),
                (ArticleKind::News, "金华市召开疫情防"),
                (ArticleKind::Caption, "防疫不放松"),
            ],
        ),
        (
            "002",
            vec![
                (ArticleKind::News, "章旭升在全市新冠"),
                // The photo's title (浙里有爱) is cut off from it by a bank's ad.
                (ArticleKind::Caption, ""),
                (ArticleKind::Commentary, "为 抗疫宝宝 铭"),
            ],
        ),
        ("003", vec![(ArticleKind::News, "市委召开常委会会")]),
        ("004", vec![(ArticleKind::News, "市委常委会会议暨")]),
    ];
    let expect: Vec<(String, Vec<(ArticleKind, String)>)> = expect
        .into_iter()
        .map(|(n, v)| {
            (
                n.to_string(),
                v.into_iter().map(|(k, h)| (k, h.to_string())).collect(),
            )
        })
        .collect();
    assert_eq!(got, expect);
}
