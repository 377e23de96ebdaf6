//! Whose meeting a report is: the Centre's, the locality's own, or a parent's attended at the
//! locality's branch venue (分会场), with the name in force on the meeting's date.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::hits::{Hit, PageHits};
use super::{Gazetteer, LocalityWeights};
use crate::meeting::centre;
use crate::model::{Place, PlaceLevel};
use crate::text::regex;

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

/// A township (镇, 乡) or subdistrict (街道, 街) as the subject of a convening verb: 8月23日,某某镇召开…,
/// 某某乡党委在…召开…, 某某街道党工委召开…. The name must stand after a break (start, comma,
/// a time word) so that it is the clause's subject.
static TOWNSHIP_CONVENES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:^|[，,。；;\s]|[日午晚点])(\p{Han}{2,4}?(?:镇|乡|街道|街))(?:党委|党工委|人民政府|政府|办事处)?(?:在[^，,。；;]{1,20}?)?(?:召开|举行)",
    )
});

/// A township's body or session opening a meeting's name: 某某镇第六届人民代表大会第一次会议,
/// 某某乡党委扩大会议.
static TOWNSHIP_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(\p{Han}{2,4}?(?:镇|乡|街道))(?:第|党委|党工委|人民政府|政府|办事处|人大|人民代表大会|[一二三四五六七八九十]+届)",
    )
});

/// Words that open a township's mention without naming it: 全镇, 我乡, 各乡镇.
const NOT_A_TOWNSHIP_NAME: [char; 6] = ['全', '我', '本', '该', '各', '乡'];

/// The township that convened the meeting its lead reports, or whose body or session opens the
/// meeting's name, named as the page writes it (某某镇):
/// the gazetteer holds no townships, so it has no division code and no parents.
fn township_convening(head: &str, title: &str) -> Option<Place> {
    let name = TOWNSHIP_CONVENES
        .captures(head)
        .or_else(|| TOWNSHIP_TITLE.captures(title))?
        .get(1)?
        .as_str();
    if name.starts_with(NOT_A_TOWNSHIP_NAME) || name.ends_with("乡镇") {
        return None;
    }
    Some(Place {
        name: name.into(),
        full: name.into(),
        code: "".into(),
        level: PlaceLevel::County,
    })
}

impl Gazetteer {
    /// Whose meeting a report is: the Centre's when a central organ or a national leader
    /// convened it, else the locality the page speaks for, with the parent that convened it
    /// when the locality attended at its branch venue.
    pub fn locate_meeting(&self, text: &MeetingText<'_>, weights: &LocalityWeights) -> Located {
        self.locate_meeting_on(text, &self.page_hits(text.page), weights)
    }

    /// [`Gazetteer::locate_meeting`] with the names found in `text.page` given, so that a page
    /// reporting several meetings is searched once.
    pub fn locate_meeting_on(
        &self,
        text: &MeetingText<'_>,
        page_hits: &PageHits,
        weights: &LocalityWeights,
    ) -> Located {
        let branch = BRANCH_VENUE.iter().any(|w| text.article.contains(w));
        if centre::convened_by_centre(text.title, text.head) {
            let local = branch
                .then(|| {
                    self.locate_with(&MeetingText { title: "", ..*text }, page_hits, weights)
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
        let mut located = self.locate_with(text, page_hits, weights);
        // A district's meeting (铁东区十九届人民政府召开…) placed in its province by a page that
        // names the province beside a namesake: the page's own locality, when the lead's
        // subject names it and it lies under that province, is the meeting's.
        if !branch && let Some(p) = located.place.clone() {
            let subject = text
                .head
                .split(['。', '\n'])
                .filter_map(|line| line.split("召开").next())
                .collect::<Vec<_>>()
                .join("\n");
            let whole = MeetingText {
                page: text.page,
                article: text.page,
                head: "",
                title: "",
                date: text.date,
            };
            let own = self
                .locate_with(&whole, page_hits, weights)
                .place
                .filter(|own| {
                    own.code != p.code
                        && subject.contains(&*own.name)
                        && self.is_ancestor_place(&p, own)
                });
            if let Some(own) = own {
                located.place = Some(own);
                located.candidates.clear();
            }
        }
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
            // The headline's subject (某某市参加全省…会议) attends, before any place the page
            // names elsewhere or its address gives.
            let headline = std::cell::OnceCell::new();
            let headline_place = || {
                headline
                    .get_or_init(|| {
                        self.named_in_headline(text.head.lines().next().unwrap_or(""), page_hits)
                    })
                    .clone()
            };
            let parent = self.named_in_title(text.title).or_else(|| {
                located
                    .place
                    .clone()
                    .or_else(headline_place)
                    .and_then(|p| self.province_meeting(text.title, &p))
            });
            if let Some(parent) = parent {
                let local = self
                    .locate_with(
                        &MeetingText {
                            title: "",
                            head: "",
                            ..*text
                        },
                        page_hits,
                        weights,
                    )
                    .place;
                let local = self
                    .venue_of(text.article, &parent)
                    .or_else(|| headline_place().filter(|l| self.is_ancestor_place(&parent, l)))
                    .or_else(|| local.filter(|l| self.is_ancestor_place(&parent, l)));
                if let Some(local) = local {
                    located.place = Some(local);
                    located.candidates.clear();
                    located.convened_by = Some(parent);
                }
            }
        }
        located.place = located.place.map(|p| self.as_of(&p, text.date));
        // A township's own meeting on a page that names no county of the gazetteer, only a
        // province or a prefecture (its paper's, its site's): the township the lead says
        // convened it, by its own name. Filed under the province, a township's meeting would
        // read as the province's own.
        let above_county =
            |p: &Place| matches!(p.level, PlaceLevel::Province | PlaceLevel::Prefecture);
        if located.place.as_ref().is_none_or(above_county)
            && (located.place.is_some() || located.candidates.is_empty())
            && located.convened_by.is_none()
            && let Some(town) = township_convening(text.head, text.title)
        {
            located.place = Some(town);
            located.candidates.clear();
        }
        located
    }

    /// The place a meeting's title names (金华市委常委会扩大会议 → 金华), if exactly one.
    fn named_in_title(&self, title: &str) -> Option<Place> {
        let hits = self.hits(title);
        self.only_place(hits.iter(), &self.supported(&hits))
    }

    /// The one place a headline names, as the whole page (`page_hits`) supports its names.
    fn named_in_headline(&self, headline: &str, page_hits: &PageHits) -> Option<Place> {
        self.only_place(self.hits(headline).iter(), &self.supported(&page_hits.0))
    }

    /// The one place whose organ a meeting's title names (金华市委常委会 → 金华).
    fn organ_in_title(&self, title: &str) -> Option<Place> {
        let hits = self.hits(title);
        self.only_place(
            hits.iter().filter(|h| h.context.organ),
            &self.supported(&hits),
        )
    }

    /// The place `hits` name when, resolved against `supported`, they name exactly one.
    fn only_place<'h>(
        &self,
        hits: impl Iterator<Item = &'h Hit>,
        supported: &BTreeSet<usize>,
    ) -> Option<Place> {
        let mut named = hits
            .filter_map(|h| self.resolve_hit(h, supported))
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

    /// The place under `parent` named just before a branch venue (在某某分会场, 某某县分会场):
    /// the locality that attended there, however often the page names its parent.
    fn venue_of(&self, article: &str, parent: &Place) -> Option<Place> {
        let matcher = self.matcher.as_ref()?;
        let top = self.index_of(parent)?;
        article.match_indices("分会场").find_map(|(at, _)| {
            let mut from = at.saturating_sub(8 * 3);
            while !article.is_char_boundary(from) {
                from += 1;
            }
            let window = &article[from..at];
            matcher
                .find_iter(window)
                .filter(|m| m.end() == window.len())
                .flat_map(|m| self.patterns[m.pattern().as_usize()].iter())
                .map(|&(i, _)| i)
                .find(|&i| i != top && self.is_ancestor(top, i))
                .map(|i| self.places[i].clone())
        })
    }

    fn is_ancestor_place(&self, ancestor: &Place, place: &Place) -> bool {
        let (Some(a), Some(p)) = (self.index_of(ancestor), self.index_of(place)) else {
            return false;
        };
        self.is_ancestor(a, p)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

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
    fn a_given_name_in_a_list_of_people_is_no_place() {
        meeting(
            "本报讯(记者 某某)2月9日下午,区政府召开全体会,区长甲某某出席会议并讲话。\n会议强调,要加快转型。\n区领导张永、韩生辉、陈卫东、李昕出席会议。",
            "区政府全体会",
            None,
            "",
        );
    }

    #[test]
    fn a_township_s_own_meeting_is_the_township_s() {
        meeting(
            "7月5日上午,某某山镇召开社区两委换届选举工作动员会,会议由镇党委书记甲某主持。\n会议要求,要严明纪律。",
            "社区两委换届选举工作动员会",
            None,
            "某某山镇",
        );
        meeting(
            "8月12日上午,某所镇在六楼会议室召开换届工作动员会,全镇干部职工参加会议。\n会议要求,要严肃换届纪律。",
            "换届工作动员会",
            None,
            "某所镇",
        );
        // Named by its session, which is held, not convened.
        meeting(
            "11月9日,某市镇第六届人民代表大会第一次会议隆重召开,全镇代表齐聚一堂。\n会议强调,要全面贯彻新发展理念。",
            "某市镇第六届人民代表大会第一次会议",
            None,
            "某市镇",
        );
        meeting(
            "3月2日,某某街道党工委召开专题会议。\n会议强调,要抓好落实。",
            "专题会议",
            None,
            "某某街道",
        );
        // 全镇, 各乡镇: no township's name.
        meeting(
            "5月28日,全镇党的群众路线教育实践活动动员大会召开。\n会议强调,要统一思想。",
            "全镇党的群众路线教育实践活动动员大会",
            None,
            "",
        );
        meeting(
            "6月1日,各乡镇召开防汛工作会议。\n会议要求,要落实责任。",
            "防汛工作会议",
            None,
            "",
        );
        // A province named only by the page's outlet does not make it the province's meeting.
        meeting(
            "某某党媒云\n9月10日上午,某园街道召开文明创建工作推进会。\n会上,安徽省文明办通报了情况。\n会议要求,要抓好落实。",
            "文明创建工作推进会",
            None,
            "某园街道",
        );
        // A county the gazetteer knows is named as the county, not as its township.
        meeting(
            "5月8日,永康市龙山镇召开专题会议。\n会议强调,要抓好落实。",
            "专题会议",
            None,
            "永康",
        );
    }

    #[test]
    fn a_name_after_an_office_is_a_person_s() {
        // 王益 (a district) and 方正 (a county) open the names of a deputy and a secretary.
        meeting(
            "7月1日上午,区长某某主持召开区政府第115次常务会议,副区长王益明、李某出席会议。\n会议强调,要抓好防汛。",
            "区政府第115次常务会议",
            None,
            "",
        );
        meeting(
            "3月2日,县委书记方正华主持召开县委常委会会议。\n会议要求,要抓好落实。",
            "县委常委会会议",
            None,
            "",
        );
        // 长白 (a county) reads across a title's 长 and a surname.
        meeting(
            "6月12日,全县防汛工作会议召开。副县长白某主持会议,县人武部部长白某某出席。\n会议要求,要抓好防汛。",
            "全县防汛工作会议",
            None,
            "",
        );
        // 全县同心 says the county is united: 同心 (a county) is not named.
        meeting(
            "7月21日,副县长某某主持召开我县防汛会议。\n会议要求,全县同心,全员合力,确保平安度汛。",
            "我县防汛会议",
            None,
            "",
        );
        // The same names standing as places are still found.
        meeting(
            "7月1日,王益区召开区政府常务会议,副区长李某出席会议。\n会议强调,要抓好防汛。",
            "区政府常务会议",
            None,
            "王益",
        );
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
        // 党组会议和县政府常务会议: 和 joins two meetings; it does not name 和县.
        meeting(
            "5月23日,县长某某主持召开县政府党组会议和县政府第16次常务会议。\n会议要求,各单位要抓好落实。",
            "县政府第16次常务会议",
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
        // A province's meeting attended by a city whose page names other places besides: the
        // headline's subject.
        meeting(
            "景德镇市参加全省防汛工作电视电话会议\n9月22日下午,全省防汛工作电视电话会议召开。景德镇市领导在市级分会场出席会议。\n九江市、余干县作交流发言。景德镇市要抓好落实。",
            "全省防汛工作电视电话会议",
            None,
            "景德镇<江西",
        );
        // A province's government meeting, the county's venue named without its suffix.
        meeting(
            "1月11日,甘肃省政府秘书长和办公室主任会议在兰州召开。县政府各部门负责人在甘谷分会场参加会议。\n会议要求,要不断加强自身建设。",
            "甘肃省政府秘书长和办公室主任会议",
            None,
            "甘谷<甘肃",
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
