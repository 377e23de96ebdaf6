//! Which locality a page or an article belongs to: the evidence of the hits weighed with
//! [`LocalityWeights`].
//!
//! A place scores for what names it on the page (its paper, its organs, its dateline, plain
//! mentions), in the article, and in the meeting's own title and lead. The kind of division the
//! report speaks for (县委常委会, 我区) rules out places of other kinds, so a county's meeting
//! that names its province or prefecture stays the county's; a name of that kind written only
//! once in passing (建设具有王益特色的…) then counts as evidence rather than noise.

use std::collections::BTreeSet;

use super::hits::{PageHits, self_references};
use super::meeting::{Located, MeetingText};
use super::own::{Kind, organ_named_kind, own_kind};
use super::{Gazetteer, LocalityWeights};
use crate::model::{Place, PlaceLevel};

impl Gazetteer {
    /// The locality whose report `article` is, using the whole `page` (paper or site name,
    /// datelines, 我市 mentions) as evidence. `article` may be a part of `page` or all of it.
    pub fn locate(&self, page: &str, article: &str) -> Option<Place> {
        self.locate_on(page, article, &self.page_hits(page))
    }

    /// [`Gazetteer::locate`] with the names in `page` already found ([`Gazetteer::page_hits`]).
    pub fn locate_on(&self, page: &str, article: &str, page_hits: &PageHits) -> Option<Place> {
        let text = MeetingText {
            page,
            article,
            ..MeetingText::default()
        };
        self.locate_with(&text, page_hits, &LocalityWeights::default())
            .place
    }

    /// Whether `place` is of the kind of division the meeting in `text` speaks for (a
    /// county-level place for a 区委常委会 or 我县); true when the report does not say.
    pub fn fits_report(&self, text: &MeetingText<'_>, place: &Place) -> bool {
        let Some(kind) = own_kind(text.title, text.head, text.article) else {
            return true;
        };
        self.index_of(place)
            .is_none_or(|i| kind.fits(&self.officials[i], self.places[i].level))
    }

    /// The locality the texts speak for, weighed with `w`; `page_hits` are the names found in
    /// `text.page` ([`Gazetteer::page_hits`]).
    pub(super) fn locate_with(
        &self,
        text: &MeetingText<'_>,
        page_hits: &PageHits,
        w: &LocalityWeights,
    ) -> Located {
        // A page as a whole (no meeting named) holds many stories: its 我市 says nothing of one.
        let meeting = !text.title.is_empty() || !text.head.is_empty();
        // Not even looked for then: on a whole page the search would read every character.
        let kind = if meeting {
            own_kind(text.title, text.head, text.article)
        } else {
            None
        };
        let evidence = self.evidence(
            text,
            kind,
            organ_named_kind(text.title, text.head),
            page_hits,
        );
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
        // A site's own news column in its breadcrumb.
        check(
            "您现在所在的位置: 网站首页 > 新闻中心 > 泾县要闻\n县长专题会议召开\n1月17日,县长某某主持召开县长专题会议。会议指出,要做好工作。",
            "泾县",
        );
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
        // A county's Party-building site.
        check(
            "宁海先锋网\n县委常委会召开会议,传达学习省委、宁波市委有关会议精神",
            "宁海",
        );
        // The outlet on the page's source line, and a government site's footer.
        check(
            "县政府常务会议召开\n来源:闽侯乡音报\n县长某某主持召开会议,传达学习福建省有关精神,福建",
            "闽侯",
        );
        check(
            "市委书记某某主持召开调度会,落实吉林市委部署\n网站地图 蛟河市人民政府主办",
            "蛟河",
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
        check("推进龙湾水库、友邻水库项目,推动成渝地区双城经济圈建设", "");
        check("区领导张永、陈卫东、李昕出席会议", "");
        check(
            "平顶山市委召开会议,市领导张永、陈卫东、李昕出席会议",
            "平顶山",
        );

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
}
