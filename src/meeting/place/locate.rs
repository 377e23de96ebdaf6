//! Which locality a page, an article or a meeting belongs to: the evidence of the hits weighed
//! with [`LocalityWeights`].
//!
//! A place scores for what names it on the page (its paper, its organs, its dateline, plain
//! mentions), in the article, and in the meeting's own title and lead. The kind of division the
//! report speaks for (县委常委会, 我区) rules out places of other kinds, so a county's meeting
//! that names its province or prefecture stays the county's; a name of that kind written only
//! once in passing (建设具有王益特色的…) then counts as evidence rather than noise.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::hits::self_references;
use super::own::{Kind, organ_named_kind, own_kind};
use super::{Gazetteer, LocalityWeights};
use crate::meeting::centre;
use crate::model::{Place, PlaceLevel};

/// The texts a meeting's locality is read from.
#[derive(Clone, Copy, Debug, Default)]
pub struct MeetingText<'a> {
    /// The whole page: mastheads, footers and other stories.
    pub page: &'a str,
    /// The meeting's article, a part of `page` or all of it.
    pub article: &'a str,
    /// The article's headline and lead paragraph.
    pub head: &'a str,
    /// The meeting's name as reported (县委常委会会议, 金华市委常委会扩大会议).
    pub title: &'a str,
    /// The meeting's date, when known: names are given as they were on that day.
    pub date: Option<NaiveDate>,
}

/// Whose meeting it is, as far as the page tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Located {
    /// The locality whose meeting it is (中央 for the Centre's).
    pub place: Option<Place>,
    /// When the page does not settle between namesakes or equal places: every place it could
    /// be, best first. Empty otherwise.
    pub candidates: Vec<Place>,
    /// The parent whose meeting the locality attended at its branch venue (分会场).
    pub convened_by: Option<Place>,
}

/// Words that say the locality attended another body's meeting at its own venue.
const BRANCH_VENUE: [&str; 6] = [
    "分会场",
    "收听收看",
    "收看收听",
    "收视收听",
    "主会场设在",
    "视频会议室",
];

impl Gazetteer {
    /// The locality whose report `article` is, using the whole `page` (paper or site name,
    /// datelines, 我市 mentions) as evidence. `article` may be a part of `page` or all of it.
    pub fn locate(&self, page: &str, article: &str) -> Option<Place> {
        let text = MeetingText {
            page,
            article,
            ..MeetingText::default()
        };
        self.locate_with(&text, &LocalityWeights::default()).place
    }

    /// Whose meeting a report is: the Centre's when a central organ or a national leader
    /// convened it, else the locality the page speaks for, with the parent that convened it
    /// when the locality attended at its branch venue.
    pub fn locate_meeting(&self, text: &MeetingText<'_>, weights: &LocalityWeights) -> Located {
        let branch = BRANCH_VENUE.iter().any(|w| text.article.contains(w));
        if centre::convened_by_centre(text.title, text.head) {
            let local = branch
                .then(|| {
                    self.locate_with(&MeetingText { title: "", ..*text }, weights)
                        .place
                })
                .flatten();
            return match local {
                Some(place) => Located {
                    place: Some(self.as_of(&place, text.date)),
                    candidates: Vec::new(),
                    convened_by: Some(centre::national()),
                },
                None => Located {
                    place: Some(centre::national()),
                    ..Located::default()
                },
            };
        }
        let mut located = self.locate_with(text, weights);
        // A title that names its organ's place (浙江省委常委会扩大会议) says whose meeting it is,
        // whatever paper reports it.
        if !branch && let Some(named) = self.organ_in_title(text.title) {
            located = Located {
                place: Some(named),
                ..Located::default()
            };
        }
        if branch {
            // A parent's meeting (its name in the title, or 全省…会议) attended at the
            // locality's branch venue: the locality reports it.
            let parent = self.named_in_title(text.title).or_else(|| {
                located
                    .place
                    .as_ref()
                    .and_then(|p| self.province_meeting(text.title, p))
            });
            if let Some(parent) = parent {
                let local = self
                    .locate_with(
                        &MeetingText {
                            title: "",
                            head: "",
                            ..*text
                        },
                        weights,
                    )
                    .place;
                if let Some(local) = local.filter(|l| self.is_ancestor_place(&parent, l)) {
                    located.place = Some(local);
                    located.candidates.clear();
                    located.convened_by = Some(parent);
                }
            }
        }
        located.place = located.place.map(|p| self.as_of(&p, text.date));
        located
    }

    /// The place a meeting's title names (金华市委常委会扩大会议 → 金华), if exactly one.
    fn named_in_title(&self, title: &str) -> Option<Place> {
        let hits = self.hits(title);
        let supported = self.supported(&hits);
        let mut named = hits
            .iter()
            .filter_map(|h| self.resolve_hit(h, &supported))
            .collect::<BTreeSet<usize>>()
            .into_iter();
        let first = named.next()?;
        named.next().is_none().then(|| self.places[first].clone())
    }

    /// The one place whose organ a meeting's title names (金华市委常委会 → 金华).
    fn organ_in_title(&self, title: &str) -> Option<Place> {
        let hits = self.hits(title);
        let supported = self.supported(&hits);
        let mut named = hits
            .iter()
            .filter(|h| h.context.organ)
            .filter_map(|h| self.resolve_hit(h, &supported))
            .collect::<BTreeSet<usize>>()
            .into_iter();
        let first = named.next()?;
        named.next().is_none().then(|| self.places[first].clone())
    }

    /// The province of `place` when the title says the meeting is the whole province's (全省…).
    fn province_meeting(&self, title: &str, place: &Place) -> Option<Place> {
        if !title.starts_with("全省") {
            return None;
        }
        let i = self.index_of(place)?;
        let top = std::iter::successors(Some(i), |&p| self.parents[p]).last()?;
        (top != i).then(|| self.places[top].clone())
    }

    fn is_ancestor_place(&self, ancestor: &Place, place: &Place) -> bool {
        let (Some(a), Some(p)) = (self.index_of(ancestor), self.index_of(place)) else {
            return false;
        };
        self.is_ancestor(a, p)
    }

    /// The locality the texts speak for, weighed with `w`.
    fn locate_with(&self, text: &MeetingText<'_>, w: &LocalityWeights) -> Located {
        // A page as a whole (no meeting named) holds many stories: its 我市 says nothing of one.
        let meeting = !text.title.is_empty() || !text.head.is_empty();
        let kind = own_kind(text.title, text.head, text.article).filter(|_| meeting);
        let evidence = self.evidence(text, kind, organ_named_kind(text.title, text.head));
        let self_refs = self_references(text.article);
        // 省委 written bare: the report's own province is a 省, so the locality is below one,
        // not a municipality (重庆 on a 遵义 page that says 省委书记).
        let below_province =
            kind.is_some_and(|k| k != Kind::Province) && bare_province(text.article);
        let fits = |i: usize| {
            kind.is_none_or(|k| k.fits(&self.officials[i], self.places[i].level))
                && !(below_province && self.places[i].level == PlaceLevel::Province)
        };
        let candidates: BTreeSet<usize> = evidence
            .page
            .keys()
            .chain(evidence.article.keys())
            .chain(evidence.head.keys())
            .copied()
            .filter(|&i| fits(i))
            .collect();
        let mut scored: Vec<(u32, usize)> = candidates
            .into_iter()
            .filter_map(|i| {
                let p = evidence.page.get(&i).copied().unwrap_or_default();
                let a = evidence.article.get(&i).copied().unwrap_or_default();
                let head = evidence.head.get(&i).copied().unwrap_or(0);
                // Plain mentions in the page's other stories say nothing about this article.
                if a.mentions + a.organ + head == 0 && p.media + p.dateline + p.organ == 0 {
                    return None;
                }
                // Of the article's own kind, a full official name outside the lead is how a
                // report names another place of that kind (宁德市委 on a 福鼎 page).
                let official = if kind.is_some() && head == 0 {
                    evidence.article_official.get(&i).copied().unwrap_or(0)
                } else {
                    0
                };
                let mentions = a.mentions.saturating_sub(official);
                let organ = if official > 0 { 0 } else { a.organ };
                let mut score = w.media * p.media.min(w.media_cap)
                    + w.dateline * p.dateline.min(1)
                    + w.page_organ * p.organ.min(w.page_organ_cap)
                    + w.page_mention * p.mentions.min(w.page_mention_cap)
                    + w.article_organ * organ.min(w.article_organ_cap)
                    + w.article_mention * mentions.min(w.article_mention_cap)
                    + w.head * head.min(1);
                if self_refs.contains(&self.suffixes[i]) && (a.mentions > 0 || head > 0) {
                    score += w.self_reference;
                }
                let kin = std::iter::successors(self.parents[i], |&p| self.parents[p])
                    .any(|up| evidence.article_kin.contains(&up));
                if kin && kind.is_some() && a.mentions + head > 0 {
                    score += w.kin;
                }
                Some((score, i))
            })
            .collect();
        // Highest score first; among equals the broader level, then the lower code.
        scored.sort_by(|&(sa, a), &(sb, b)| {
            sb.cmp(&sa)
                .then(self.places[a].level.cmp(&self.places[b].level))
                .then(self.places[a].code.cmp(&self.places[b].code))
        });
        let namesakes = || {
            let mut out: Vec<Place> = evidence
                .ambiguous
                .iter()
                .flatten()
                .filter(|&&i| fits(i))
                .map(|&i| self.places[i].clone())
                .collect();
            out.sort_by(|a, b| a.code.cmp(&b.code));
            out.dedup();
            out
        };
        let Some(&(score, best)) = scored.first().filter(|&&(s, _)| s >= w.min_score) else {
            // Nothing else named: say which namesakes it could be.
            return Located {
                candidates: namesakes(),
                ..Located::default()
            };
        };
        // Unrelated places level on evidence (山西、安徽、江西 in a list): no one locality.
        let tied: Vec<usize> = scored
            .iter()
            .take_while(|&&(s, _)| s == score)
            .map(|&(_, i)| i)
            .collect();
        if tied.iter().any(|&i| i != best && !self.related(i, best)) {
            return Located {
                candidates: tied.iter().map(|&i| self.places[i].clone()).collect(),
                ..Located::default()
            };
        }
        Located {
            place: Some(self.places[best].clone()),
            ..Located::default()
        }
    }
}

/// True when `text` names a province's organ without naming the province (省委书记, 贯彻省委
///部署, 全省): the way a report speaks of the province it belongs to.
fn bare_province(text: &str) -> bool {
    ["省委", "省政府", "省人大", "省政协", "全省"]
        .iter()
        .any(|w| {
            text.match_indices(w).any(|(i, _)| {
                text[..i].chars().next_back().is_none_or(|c| {
                    !('\u{4e00}'..='\u{9fff}').contains(&c)
                        || "、和及与的将按照落实传达".contains(c)
                })
            })
        })
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::model::PlaceLevel;

    static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

    #[test]
    fn loads_every_division() {
        assert!(GAZ.len() > 3000, "{}", GAZ.len());
        let yk = GAZ.find("永康");
        assert_eq!(yk.len(), 1);
        assert_eq!(&*yk[0].full, "浙江省金华市永康市");
        assert_eq!(&*yk[0].code, "330784");
        assert_eq!(yk[0].level, PlaceLevel::County);
        let jh = GAZ.parent(&yk[0]).unwrap();
        assert_eq!((&*jh.name, jh.level), ("金华", PlaceLevel::Prefecture));
        // Municipalities have no prefecture: their districts hang from the province.
        let cy = GAZ.find("朝阳区");
        assert_eq!(cy.len(), 2);
        assert_eq!(&*cy[0].full, "北京市朝阳区");
        assert_eq!(cy[0].level, PlaceLevel::County);
        assert_eq!(GAZ.find("湖南")[0].level, PlaceLevel::Province);
        assert_eq!(&*GAZ.find("恩施州")[0].name, "恩施");
        assert!(GAZ.find("市辖区").is_empty());
        assert_eq!(GAZ.by_code("330784").map(|p| p.name), Some("永康".into()));
    }

    /// Locates `page` (as its own article) and compares the short name, or "" for none.
    fn check(page: &str, expect: &str) {
        let got = GAZ
            .locate(page, page)
            .map(|p| p.name.to_string())
            .unwrap_or_default();
        assert_eq!(got, expect, "{page}");
    }

    /// Locates `article` within `page`.
    fn check_in(page: &str, article: &str, expect: &str) {
        let got = GAZ
            .locate(page, article)
            .map(|p| p.name.to_string())
            .unwrap_or_default();
        assert_eq!(got, expect, "{article}");
    }

    #[test]
    fn papers_and_sites() {
        check(
            "永康日报\n2020年2月\n金华市委常委会召开扩大会议,金华市领导在永康分会场参加",
            "永康",
        );
        check(
            "来源:嵊州新闻网-今日嵊州 作者:记者\n市委常委会会议召开,绍兴市",
            "嵊州",
        );
        check(
            "市委召开常委会,筑牢盐城阻击疫情的铜墙铁壁\n版权声明:凡本网注明来源为“盐城新闻网”的稿件",
            "盐城",
        );
        check("请扫码下载登录\n永康市融媒体中心\n官方App", "永康");
        check("今日桐乡\n我市召开疫情防控工作会议,建设美丽桐乡", "桐乡");
        check("新华社长沙2月3日电 会议强调,长沙要", "长沙");
        // A paper named once, in a list of papers, is not the page's own.
        check("人民日报、光明日报、经济日报", "");
        check("宜宾发布\n我市召开会议,宜宾要", "宜宾");
        check(
            "浙江新闻客户端\n浙江新闻客户端\n嘉善县召开会议,嘉善县要求,嘉善要",
            "嘉善",
        );
        check("本报德清讯 昨日,县委召开常委会,德清要", "德清");
        check("中央广播电视总台、光明日报、经济日报", "");
        check(
            "新华社、光明日报社、经济日报社,唱响中国经济光明论,前景光明",
            "",
        );
        check("在秘鲁南部多个沿海城市", "");
        check("强化医疗卫生资源县域统筹", "");
        check("西藏日喀则市定日县6.8级地震,定日县全力救援", "定日");
        check("为人类和平利用太空作出贡献。天津市", "天津");
        check("雄安新区建设,雄安新区", "");
        check("中方发布《全球安全倡议》,中方发布《倡议》", "");
        check("新疆天山南北", "新疆");
        // The county's own paper, named once, on a page that also names its prefecture.
        check(
            "浏阳日报\n市委常委会召开会议,传达学习省委、长沙市委有关会议精神,来浏返浏人员",
            "浏阳",
        );
        // A paper whose name is a district elsewhere, with that district's city never named.
        check("解放日报\n上海市委常委会召开会议,上海要", "上海");
    }

    #[test]
    fn organs_and_mentions() {
        check("湖南省委常委会召开会议,研究部署疫情防控工作", "湖南");
        check("恩施州委召开常委会会议", "恩施");
        check(
            "我区召开推进会,临安区、杭州市有关负责人参加,临安区要",
            "临安",
        );
        check("昆山市委常委会召开会议。会议强调,昆山要", "昆山");
        // Ambiguous short name settled by the co-mentioned parent.
        check("辽宁省朝阳市委召开会议,朝阳要坚持", "朝阳");
        check("北京市召开会议,北京要坚持,朝阳、海淀两区参加", "北京");
        check("海南召开会议,海口、三亚参加,海南要", "海南");
        check("西安市召开会议,西安要", "西安");
    }

    #[test]
    fn words_that_are_not_places() {
        check("坚持长治久安,在中山路举行", "");
        check("推进平安建设,维护和平稳定", "");
        check("央视网消息:坚持两手抓、两手都要硬", "");
        check("来宾们参观了展览", "");
        check("充分发挥政府间合作委员会作用", "");
        check("永康路上的店铺", "");
        check("", "");
    }

    #[test]
    fn seed_reports() {
        check(
            include_str!("../../../assets/seeds/000_5af66aba3eb6f890.txt"),
            "永康",
        );
        check(
            include_str!("../../../assets/seeds/001_3ac2adbc3d512c05.txt"),
            "永康",
        );
        check(
            include_str!("../../../assets/seeds/002_25b3b4b043e47f04.txt"),
            "永康",
        );
        check(
            include_str!("../../../assets/seeds/003_8a69b3fa27e5f41c.txt"),
            "盐城",
        );
        check(
            include_str!("../../../assets/seeds/004_fb9274b1444c3ec8.txt"),
            "嵊州",
        );
        let page = include_str!("../../../assets/seeds/000_5af66aba3eb6f890.txt");
        let place = GAZ.locate(page, page).unwrap();
        assert_eq!(&*place.full, "浙江省金华市永康市");
    }

    #[test]
    fn another_story_on_the_page_lends_no_support() {
        let page =
            "广西桂林资源县梅溪镇,资源县检察院\n国务院常务会议强调,优化资源布局,立足资源禀赋\n";
        check_in(page, "国务院常务会议强调,优化资源布局,立足资源禀赋", "");
        let page = "全市上下\n国务院常务会议决定核准山东石岛湾、福建宁德、辽宁徐大堡核电项目\n";
        check_in(
            page,
            "国务院常务会议决定核准山东石岛湾、福建宁德、辽宁徐大堡核电项目",
            "",
        );
    }

    #[test]
    fn lists_of_equal_places_name_none() {
        check(
            "有关部门要加大支持力度,山西、安徽、江西、河南、湖北、湖南要",
            "",
        );
        check("会议强调,山西、安徽要,山西省", "山西");
    }

    #[test]
    fn national_agency_datelines_name_no_locality() {
        check("新华社北京7月30日电 中共中央政治局召开会议", "");
        check("新华社北京7月30日电 北京市委常委会召开会议", "北京");
        check("央视网消息:湖南省委常委会召开会议。长沙", "湖南");
    }

    #[test]
    fn national_page_names_the_province_in_the_article() {
        let page = "央视网消息\n湖南省委常委会召开会议 研究部署\n广东省委常委会召开会议 强调\n";
        check_in(page, "湖南省委常委会召开会议 研究部署", "湖南");
        check_in(page, "广东省委常委会召开会议 强调", "广东");
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn locate_never_panics(
                s in r"[永康金华市县区省委日报新闻网今发布朝阳北京湖南长沙和平路 \n《》0-9、,]{0,60}"
            ) {
                let split = s.char_indices().nth(s.chars().count() / 2).map_or(0, |(i, _)| i);
                let _ = GAZ.locate(&s, &s[split..]);
            }

            #[test]
            fn locate_never_panics_on_any_string(s in any::<String>()) {
                let _ = GAZ.locate(&s, &s);
            }
        }
    }

    /// Locates a meeting: `page` with its meeting `title`, its text up to the first full stop
    /// as headline and lead; renders `place` or `place<convened_by`, or `?a,b` for
    /// candidates.
    fn meeting(page: &str, title: &str, date: Option<&str>, expect: &str) {
        // The headline and lead: the lines up to the first full sentence.
        let lead_end = page.find('。').map_or(page.len(), |i| i + '。'.len_utf8());
        let head = &page[..lead_end];
        let date = date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let got = GAZ.locate_meeting(
            &MeetingText {
                page,
                article: page,
                head,
                title,
                date,
            },
            &LocalityWeights::default(),
        );
        let rendered = match (&got.place, &got.convened_by) {
            (Some(p), Some(c)) => format!("{}<{}", p.name, c.name),
            (Some(p), None) => p.name.to_string(),
            (None, _) if !got.candidates.is_empty() => format!(
                "?{}",
                got.candidates
                    .iter()
                    .map(|p| &*p.name)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            (None, _) => String::new(),
        };
        assert_eq!(rendered, expect, "{page}");
    }

    #[test]
    fn a_county_meeting_that_names_its_parents_stays_the_county_s() {
        meeting(
            "5月8日,区长某某主持召开区委常委会会议,传达习近平总书记在广西考察时的讲话精神。\n会议要求,确保部署在襄州落地见效。",
            "区委常委会会议",
            None,
            "襄州",
        );
        meeting(
            "4月21日,十四届县委常委会第9次会议召开。市人民政府副市长、县委书记某某主持会议。\n会议强调,推动美丽苍溪建设。学习《中共广元市纪委通报》。",
            "十四届县委常委会第9次会议",
            None,
            "苍溪",
        );
        meeting(
            "吕梁新闻网\n近日,兴县县委召开县委常委扩大会议。兴县县委书记某某主持会议。",
            "县委常委扩大会议",
            None,
            "兴县",
        );
        meeting(
            "9日,县政府召开全体会议。\n会议要求,奋力开创长白绿色转型新局面,落实吉林省部署。",
            "县政府全体会议",
            None,
            "长白",
        );
        meeting(
            "旗委召开常委会会议。\n会议强调,在向北开放中贡献达拉特力量,落实内蒙古自治区党委部署。",
            "旗委常委会会议",
            None,
            "达拉特",
        );
    }

    #[test]
    fn a_city_under_a_province_is_not_a_municipality_it_names() {
        meeting(
            "4月16日,市委常委会召开会议,传达省代表团赴重庆市考察精神。\n会议指出,省委书记某某带队赴重庆市考察,为遵义融入重庆发展创造条件,要面向重庆招商,加强与重庆合作,建设贵州开放桥头堡。",
            "市委常委会会议",
            None,
            "遵义",
        );
        meeting(
            "2月12日,市委常委会召开扩大会议。\n会议强调,要做好重庆各项工作,推动重庆高质量发展。",
            "市委常委会扩大会议",
            None,
            "重庆",
        );
    }

    #[test]
    fn a_name_written_once_in_passing_is_evidence_but_a_word_is_not() {
        meeting(
            "区委召开常委会会议。\n会议要求,建设具有王益特色的现代化产业体系,维护友好合作关系。",
            "区委常委会会议",
            None,
            "王益",
        );
        meeting(
            "县委召开常委会会议。\n会议要求,加强公安队伍建设,推动乡村振兴,守护一方平安。",
            "县委常委会会议",
            None,
            "",
        );
        // 召开县委: the 开 belongs to 召开.
        meeting(
            "12日,召开县委常委会会议,研究有关事项。\n会议要求,各乡镇要抓好落实。",
            "县委常委会会议",
            None,
            "",
        );
    }

    #[test]
    fn namesakes_are_settled_by_their_kin_or_listed() {
        meeting(
            "鼓楼区召开动员会\n1月30日,鼓楼区召开新春第一会。区委书记某某讲话,要为南京争当表率作出贡献。",
            "动员会",
            None,
            "鼓楼",
        );
        meeting(
            "朝阳区召开全区领导干部大会\n3月15日,朝阳区召开全区领导干部大会。区委书记某某主持会议。",
            "全区领导干部大会",
            None,
            "?朝阳,朝阳",
        );
    }

    #[test]
    fn a_parent_s_meeting_at_the_branch_venue_is_the_locality_s() {
        meeting(
            "舟山日报\n本报讯 3日,浙江省委常委会召开扩大会议。\n我市领导在舟山分会场参加会议。舟山要抓好落实。",
            "浙江省委常委会扩大会议",
            None,
            "舟山<浙江",
        );
        meeting(
            "本溪市组织收听收看全国春耕电视电话会议\n2月25日,国务院召开全国春耕电视电话会议。\n我市主会场设在市政府,各县区设分会场。",
            "全国春耕电视电话会议",
            None,
            "本溪<中央",
        );
        // Without a branch venue, a county paper's report of the parent's meeting is the
        // parent's.
        meeting(
            "舟山日报\n本报讯 3日,浙江省委常委会召开扩大会议,研究部署防汛工作。\n会议强调,浙江要守牢底线。",
            "浙江省委常委会扩大会议",
            None,
            "浙江",
        );
    }

    #[test]
    fn national_meetings_belong_to_the_centre_wherever_held() {
        meeting(
            "新华网天津10月25日电\n10月24日,中共中央政治局常委、国务院总理某某在天津主持召开经济形势座谈会。\n天津市委书记某某陪同。",
            "经济形势座谈会",
            None,
            "中央",
        );
        meeting(
            "中共中央政治局召开会议\n中共中央政治局4月29日召开会议。北京、上海要做好防控。",
            "中共中央政治局会议",
            None,
            "中央",
        );
    }

    #[test]
    fn names_are_given_as_they_were_on_the_meeting_s_date() {
        let page = "县委召开常委会会议\n会议审议《关于审定户县劳动模范的请示》,户县要抓好落实。";
        meeting(page, "县委常委会会议", Some("2014-03-06"), "户县");
        meeting(page, "县委常委会会议", Some("2020-03-06"), "鄠邑");
        let page = "宜宾县委召开中心组学习会议\n3月6日,宜宾县委中心组召开学习会议,结合宜宾县实际。";
        meeting(page, "宜宾县委中心组学习会议", Some("2017-03-06"), "宜宾县");
        meeting(page, "宜宾县委中心组学习会议", Some("2019-03-06"), "叙州");
    }
}
