//! Phrase mining on the five seed reports, with meetings built by hand: one meeting per report,
//! every sentence carrying 要 or a 强调/指出 cue as a directive, and the place set here. This
//! checks the phrase groups whatever the meeting detector finds.

use chrono::NaiveDate;
use serde_json::{Value, json};
use tifa::phrase::{self, MineConfig, Segmenter};
use tifa::{
    DateBasis, Directive, DocId, Meeting, MeetingId, NoProgress, PhraseGroup, Place, PlaceLevel,
    PolicyDate, Span, ingest,
};

/// Seed file, place of its meeting, date of its meeting.
const SEED_PLACES: &[(&str, &str, (i32, u32, u32))] = &[
    ("000_5af66aba3eb6f890.txt", "金华", (2020, 2, 14)),
    ("001_3ac2adbc3d512c05.txt", "永康", (2020, 1, 27)),
    ("002_25b3b4b043e47f04.txt", "永康", (2020, 3, 10)),
    ("003_8a69b3fa27e5f41c.txt", "盐城", (2020, 2, 3)),
    ("004_fb9274b1444c3ec8.txt", "嵊州", (2020, 2, 24)),
];

/// Sentences (ended by 。！？；) that lay something down.
fn directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | ';') {
            let end = i + c.len_utf8();
            let raw = &text[start..end];
            let lead = raw.len() - raw.trim_start().len();
            let sentence: String = raw.chars().filter(|c| *c != '\n' && *c != '\r').collect();
            let sentence = sentence.trim().to_string();
            if sentence.contains('要') || sentence.contains("强调") || sentence.contains("指出")
            {
                out.push(Directive {
                    text: sentence,
                    span: Span::new(start + lead, end),
                    cue: String::new(),
                });
            }
            start = end;
        }
    }
    out
}

fn seed_groups() -> (Vec<Meeting>, Vec<PhraseGroup>) {
    let corpus = ingest::seed_corpus();
    let mut meetings = Vec::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        let (_, place, (y, m, d)) = SEED_PLACES
            .iter()
            .find(|(name, ..)| doc.path.ends_with(name))
            .copied()
            .unwrap_or(("", "?", (2020, 1, 1)));
        meetings.push(Meeting {
            id: MeetingId(i as u32),
            doc: DocId(i as u32),
            article: Span::new(0, doc.text.len()),
            place: Some(Place {
                name: place.into(),
                full: place.into(),
                code: String::new().into(),
                level: PlaceLevel::County,
            }),
            date: NaiveDate::from_ymd_opt(y, m, d)
                .map(|date| PolicyDate::new(date, DateBasis::Explicit)),
            title: "常委会会议".into(),
            chair: None,
            directives: directives(&doc.text),
            ..Meeting::default()
        });
    }
    let places: Vec<Option<&str>> = meetings
        .iter()
        .map(|m| m.place.as_ref().map(|p| p.name.as_ref()))
        .collect();
    let Ok(phrase::Mined { groups, .. }) = phrase::mine(
        &meetings,
        &corpus.documents,
        &places,
        &Segmenter::new(),
        &MineConfig::default(),
        &mut NoProgress,
    ) else {
        panic!("mining was cancelled");
    };
    for g in &groups {
        for o in &g.occurrences {
            let doc = &corpus.documents[meetings[o.meeting.0 as usize].doc.0 as usize];
            let found: String = o
                .span
                .slice(&doc.text)
                .chars()
                .filter(|c| *c != '\n')
                .collect();
            assert_eq!(found, o.text, "occurrence span of {}", g.phrase);
        }
    }
    (meetings, groups)
}

fn group_with<'a>(groups: &'a [PhraseGroup], variant: &str) -> &'a PhraseGroup {
    groups
        .iter()
        .find(|g| g.variants.iter().any(|v| v.text == variant))
        .unwrap_or_else(|| panic!("no group has {variant}"))
}

fn places(g: &PhraseGroup) -> Vec<&str> {
    g.places.keys().map(String::as_str).collect()
}

#[test]
fn shared_formulae_rank_high() {
    let (_, groups) = seed_groups();
    let top: Vec<&str> = groups.iter().take(25).map(|g| g.phrase.as_str()).collect();
    for formula in ["铜墙铁壁", "四个意识", "两个维护"] {
        let g = group_with(&groups, formula);
        assert!(
            top.contains(&g.phrase.as_str()),
            "{formula} not in top 25: {top:?}"
        );
    }
    assert_eq!(
        places(group_with(&groups, "铜墙铁壁")),
        vec!["嵊州", "永康", "盐城"]
    );
    assert_eq!(
        places(group_with(&groups, "四个意识")),
        vec!["嵊州", "盐城"]
    );
    assert_eq!(
        places(group_with(&groups, "两个维护")),
        vec!["嵊州", "盐城"]
    );
    // No person, date or number makes the top.
    for g in groups.iter().take(25) {
        assert!(
            !g.phrase.chars().any(|c| c.is_ascii_digit()),
            "{}",
            g.phrase
        );
        for name in ["章旭升", "徐建役", "陈晓苏"] {
            assert!(!g.phrase.contains(name), "{}", g.phrase);
        }
    }
}

#[test]
fn variant_groups_form() {
    let (_, groups) = seed_groups();
    let work = group_with(&groups, "复产复工");
    assert!(
        work.variants.iter().any(|v| v.text == "复工复产"),
        "{work:?}"
    );
    assert!(work.differs.contains("order"), "{}", work.differs);
    let mood = group_with(&groups, "麻痹思想、厌战情绪、侥幸心理");
    assert!(
        mood.variants
            .iter()
            .any(|v| v.text == "麻痹思想、松劲心态、侥幸心理"),
        "{mood:?}"
    );
    let outside = group_with(&groups, "外防输入");
    assert!(
        outside.variants.iter().any(|v| v.text.contains("内防反弹")),
        "{outside:?}"
    );
    let mass = group_with(&groups, "群防群控");
    assert!(
        mass.variants.iter().any(|v| v.text == "群防群治"),
        "{mass:?}"
    );
    assert!(mass.differs.contains("char"), "{}", mass.differs);
}

#[test]
fn seed_groups_snapshot() {
    let (_, groups) = seed_groups();
    let rows: Vec<Value> = groups
        .iter()
        .take(40)
        .map(|g| {
            let places: Vec<String> = g
                .places
                .iter()
                .map(|(p, u)| {
                    let first = u.first.map_or_else(String::new, |d| d.to_string());
                    format!("{p} {}/{} {first}", u.count, u.meetings)
                })
                .collect();
            let variants: Vec<String> = g
                .variants
                .iter()
                .map(|v| format!("{} ×{}", v.text, v.count))
                .collect();
            json!({
                "phrase": g.phrase,
                "score": g.score,
                "meetings": g.meetings.len(),
                "places": places,
                "variants": variants,
                "differs": g.differs,
                "parts": format!(
                    "shape {} [{}] · fixedness {} · spread {} · specificity {}",
                    g.parts.shape,
                    g.parts.marks.join(", "),
                    g.parts.fixedness,
                    g.parts.spread,
                    g.parts.specificity
                ),
                "lineage": g
                    .lineage
                    .iter()
                    .map(|l| {
                        let from = l
                            .from
                            .as_ref()
                            .map_or_else(String::new, |f| format!(" ← {} {f}", l.change));
                        let date = l.first.date.map_or_else(String::new, |d| d.to_string());
                        let place = l.first.place.clone().unwrap_or_default();
                        format!("{} {place} {date}{from}", l.text)
                    })
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    insta::assert_json_snapshot!("seed_groups", rows);
}

#[test]
fn mining_is_deterministic() {
    let (_, a) = seed_groups();
    let (_, b) = seed_groups();
    assert_eq!(a, b);
}

/// `tifa-cli phrases --json` on the built-in seeds, with the meetings the detector finds.
#[test]
fn cli_phrases_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(["phrases", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups = v["groups"].as_array().unwrap();
    assert!(!groups.is_empty());
    let wall = groups.iter().find(|g| g["phrase"] == "铜墙铁壁").unwrap();
    assert_eq!(
        wall["places"].as_object().map(serde_json::Map::len),
        Some(3)
    );
    assert!(wall["meetings"].as_u64() >= Some(3));
    for key in [
        "phrase", "variants", "places", "meetings", "score", "differs",
    ] {
        assert!(groups[0].get(key).is_some(), "missing {key}");
    }
    let scores: Vec<f64> = groups.iter().filter_map(|g| g["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "not best first");
}
