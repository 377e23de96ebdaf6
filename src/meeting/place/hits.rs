//! Every name of the gazetteer in a text, with what the characters around it say: a paper or
//! site name (X日报, 今日X), a party or government organ (X市委), a dateline, or a plain mention.
//! Which hits really name a place is decided here too: a name written once may be an accident
//! of the characters around it (海城市 in 沿海城市).

use std::collections::{BTreeMap, BTreeSet};

use super::Gazetteer;
use crate::meeting::chair::TITLES;
use crate::model::PlaceLevel;

/// The page's whole locality (全县, 全市): what follows is said of it, not another place's name.
const SELF_WHOLE: [&str; 9] = [
    "全省", "全市", "全州", "全盟", "全县", "全区", "全旗", "全镇", "全乡",
];

/// What an office's title names before its 长 (县长, 部长, 组长, 董事长).
const TITLE_UNITS: &str = "省市州盟旗县区镇乡村部厅局处科股院校厂所站组队团事";

/// Words after a name that make it a paper, site or broadcaster: the strongest evidence of
/// whose page it is. (Provincial news apps, 浙江新闻客户端, are left out: county papers print
/// their download codes.)
const MEDIA_AFTER: [&str; 17] = [
    "日报",
    "晚报",
    "新闻网",
    // A site's own news column, in its breadcrumb or menu: 首页 > 新闻中心 > 某某要闻.
    "要闻",
    "融媒体中心",
    "广播电视台",
    "电视台",
    "手机报",
    "发布",
    // A government site's footer: 某某市人民政府主办, 某某县人民政府门户网站.
    "人民政府主办",
    "人民政府办公室主办",
    "人民政府门户网站",
    "人民政府网",
    "政府门户网站",
    "政府网",
    // A county's Party-building site: 某某先锋网, 某某党建网.
    "先锋网",
    "党建网",
];

/// What a page's source line says before the outlet's name: 来源:某某乡音报, 稿源：某某县人民政府.
const SOURCE_BEFORE: [&str; 6] = ["来源:", "来源：", "稿源:", "稿源：", "来源 ", "来源　"];

/// Words after a name that make it the seat of a party or government organ: 湖南省委, 金华市委.
const ORGAN_AFTER: [&str; 7] = ["委", "政府", "人民政府", "人大", "政协", "党委", "纪委"];

/// Words after a short name that make it part of a street, building or school name
/// (中山路, 长安街, 永康路), not the place itself.
/// A reservoir or warehouse (友邻水库 holds 邻水) and a region's economic zone (成渝地区双城经济圈
/// holds 双城) are not the place either.
const NOT_PLACE_AFTER: [&str; 24] = [
    "路",
    "街",
    "大道",
    "道",
    "巷",
    "弄",
    "桥",
    "号",
    "站",
    "机场",
    "公园",
    "广场",
    "小区",
    "大厦",
    "宾馆",
    "酒店",
    "饭店",
    "大学",
    "中学",
    "小学",
    "库",
    "经济圈",
    "经济带",
    "都市圈",
];

/// National news outlets: a page that cites one and names no local outlet is a national page.
pub(super) const NATIONAL_OUTLETS: [&str; 7] = [
    "新华社",
    "央视网",
    "人民日报",
    "人民网",
    "中新社",
    "中国新闻网",
    "中央广播电视总台",
];

/// Words that say the page speaks for its own locality: 我市, 全县, 本区.
const SELF_PREFIX: [char; 3] = ['我', '全', '本'];

/// What the text around a name says about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Context {
    pub(super) media: bool,
    pub(super) organ: bool,
    pub(super) dateline: bool,
}

impl Context {
    pub(super) fn strong(self) -> bool {
        self.media || self.organ || self.dateline
    }
}

/// The place names found in one page ([`Gazetteer::page_hits`]).
#[derive(Clone, Debug, Default)]
pub struct PageHits(pub(super) Vec<Hit>);

/// One occurrence of a name.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub(super) pattern: usize,
    pub(super) context: Context,
    /// True when an ancestor of one of the pattern's places is named within a few characters
    /// (西藏日喀则市定日县, 海南文昌, 临安区、杭州市).
    pub(super) near_parent: bool,
    /// The places of the pattern whose ancestor is named nearby.
    pub(super) near_place: Option<usize>,
}

impl Gazetteer {
    /// The places `hits` really name, with their ancestors: names written nearby their parent,
    /// provinces, organs (X市委), and official names or papers (X日报) written more than once or
    /// in a strong context. A name written once may be an accident of the characters around it
    /// (海城市 in 沿海城市).
    pub(super) fn supported(&self, hits: &[Hit]) -> BTreeSet<usize> {
        let mut counts: BTreeMap<usize, u32> = BTreeMap::new();
        for h in hits {
            for &(i, _) in &self.patterns[h.pattern] {
                *counts.entry(i).or_default() += 1;
            }
        }
        let repeated = |i: usize| counts.get(&i).copied().unwrap_or(0) >= 2;
        // A paper named after a place (X日报, X新闻网) whose parent the page also names: the
        // county's own paper, even when the county is written out only once.
        let parent_named = |i: usize| {
            std::iter::successors(self.parents[i], |&p| self.parents[p])
                .any(|p| counts.contains_key(&p))
        };
        let mut support: BTreeSet<usize> = BTreeSet::new();
        for h in hits {
            if let Some(i) = h.near_place {
                support.insert(i);
            } else if let Some(i) = self.primary[h.pattern] {
                let official = self.is_official(h, i);
                let province = self.places[i].level == PlaceLevel::Province;
                let strong = h.context.strong();
                if h.context.organ
                    || province
                    || (official && strong)
                    || (repeated(i) && (official || strong))
                    || (h.context.media && parent_named(i))
                {
                    support.insert(i);
                }
            }
        }
        support
            .iter()
            .flat_map(|&i| std::iter::successors(Some(i), |&p| self.parents[p]))
            .collect()
    }

    /// The one place a hit stands for, or `None` when it is unsupported or stays ambiguous.
    pub(super) fn resolve_hit(&self, h: &Hit, supported: &BTreeSet<usize>) -> Option<usize> {
        if h.near_place.is_some() {
            return h.near_place;
        }
        if h.near_parent {
            // Several namesakes sit under the places named nearby: leave it.
            return None;
        }
        let cands = &self.patterns[h.pattern];
        // A place the page names on its own account elsewhere (or the parent of one); a place
        // whose parent alone is named stays out: 和平 on a page that mentions 天津 is a word.
        let mut named = cands
            .iter()
            .map(|&(i, _)| i)
            .filter(|i| supported.contains(i));
        if let Some(i) = named.next() {
            return named.next().is_none().then_some(i);
        }
        let i = self.primary[h.pattern]?;
        (h.context.organ || self.places[i].level == PlaceLevel::Province).then_some(i)
    }

    pub(super) fn is_official(&self, h: &Hit, i: usize) -> bool {
        self.patterns[h.pattern]
            .iter()
            .any(|&(j, official)| j == i && official)
    }

    /// The names found in a page, to locate its meetings with
    /// ([`Gazetteer::locate_meeting_on`]).
    pub fn page_hits(&self, page: &str) -> PageHits {
        PageHits(self.hits(page))
    }

    /// Every name in `text` with its context, in one pass.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit> {
        /// How far (in bytes, about 20 characters) a parent's name counts as "nearby".
        const NEAR: usize = 60;
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        for m in matcher.find_iter(text) {
            let pattern = m.pattern().as_usize();
            let official = self.patterns[pattern].iter().any(|&(_, o)| o);
            let before = &text[..m.start()];
            let after = &text[m.end()..];
            if !official && NOT_PLACE_AFTER.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            // 副区长王益明, 县委书记方正华: a short name right after an office opens a person's.
            if !official && TITLES.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            // 区领导张永、陈卫东、李昕出席: a short name after one character that opens an item of
            // a list of people (after 、 or an office) is a given name after its surname.
            if !official && after.starts_with(['、', '，', ',', '等']) {
                let mut back = before.chars().rev();
                if let (Some(surname), Some(opens)) = (back.next(), back.next()) {
                    let rest = &before[..before.len() - surname.len_utf8()];
                    if crate::text::is_han(surname)
                        && (opens == '、' || TITLES.iter().any(|t| rest.ends_with(t)))
                    {
                        continue;
                    }
                }
            }
            // 副县长白宝强, 部长白汉军: 长 after a unit closes an office's title, and a short
            // name opening with it (长白) is the title's end and a person's surname.
            if !official
                && text[m.start()..].starts_with('长')
                && before
                    .chars()
                    .next_back()
                    .is_some_and(|c| TITLE_UNITS.contains(c))
            {
                continue;
            }
            // 全县同心, 全市上下: after 全县 or 全市 comes what the locality does, never another
            // county's short name (同心 is a county too).
            if !official && SELF_WHOLE.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            // A short name followed by another division suffix is another name: 安新 in 雄安新区.
            if !official
                && after.starts_with(|c: char| "市县区省州旗盟".contains(c))
                && !self.patterns[pattern]
                    .iter()
                    .any(|&(i, _)| after.starts_with(self.suffixes[i]))
            {
                continue;
            }
            // 市场, 县域, 区域: the suffix belongs to a word, not to the name.
            if official && after.starts_with(['场', '域']) {
                continue;
            }
            // 召开县委: a two-character name whose first character ends the word before it.
            if official && m.end() - m.start() == 6 {
                let prev = before.chars().next_back();
                let first = text[m.start()..].chars().next();
                if let (Some(p), Some(f)) = (prev, first) {
                    let word: String = [p, f].iter().collect();
                    if self.tails.contains(word.as_str()) {
                        continue;
                    }
                }
            }
            // 党组和县政府, 某某和县政府办主任: a conjunction before a suffix and an organ, not
            // the two-character name that starts with it (和县), unless a parent's suffix or a
            // break comes before it (安徽省和县, 、和县).
            if official && m.end() - m.start() == 6 {
                let prev = before.chars().next_back();
                let first = text[m.start()..].chars().next();
                if first.is_some_and(|f| "和与及或同并暨".contains(f))
                    && prev.is_some_and(|p| {
                        ('\u{4e00}'..='\u{9fff}').contains(&p) && !"省市州盟".contains(p)
                    })
                {
                    continue;
                }
            }
            // 代县长, 和县长: a one-character name with its suffix, then 长, is a title.
            if official && m.end() - m.start() <= 6 && after.starts_with('长') {
                continue;
            }
            let media = MEDIA_AFTER.iter().any(|w| {
                // X发布 is an account's name only when it stands alone (宜宾发布 on its own
                // line), not as a verb (中方发布《…》).
                after.starts_with(w)
                    && (*w != "发布"
                        || after[w.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| c.is_whitespace() || "”\"’'》)）|,，。".contains(c)))
            }) || before.ends_with("今日")
                // A government site's name on a line of its own (its <title>, its footer).
                || (official
                    && ["人民政府", "政府"].iter().any(|w| {
                        after
                            .strip_prefix(w)
                            .is_some_and(|r| r.chars().next().is_none_or(|c| c == '\n' || c == '\r'))
                    })
                    && before.chars().next_back().is_none_or(|c| c == '\n'))
                || SOURCE_BEFORE.iter().any(|w| before.ends_with(w));
            // 人民日报、光明日报社、经济日报: a list of papers, or a paper as an organisation,
            // is not the page's own masthead.
            let media = media
                && !before.ends_with('、')
                && !MEDIA_AFTER
                    .iter()
                    .any(|w| after.starts_with(w) && after[w.len()..].starts_with(['、', '社']));
            // Only an official name heads an organ: 湖南省委, but not 合作委员会.
            let organ = official && ORGAN_AFTER.iter().any(|w| after.starts_with(w));
            let dateline = is_dateline_after(after);
            spans.push((m.start(), m.end()));
            hits.push(Hit {
                pattern,
                context: Context {
                    media,
                    organ,
                    dateline,
                },
                near_parent: false,
                near_place: None,
            });
        }
        // Link an official name to an ancestor named within NEAR bytes on either side
        // (临安区、杭州市); a short name only to its parent written just before it (海南文昌,
        // 天津和平区), since short names are often words (和平利用 … 天津).
        for k in 0..hits.len() {
            let (start, end) = spans[k];
            let official = self.patterns[hits[k].pattern].iter().any(|&(_, o)| o);
            let (lo, hi) = if official {
                (
                    spans.partition_point(|&(_, e)| e + NEAR < start),
                    spans.partition_point(|&(s, _)| s <= end + NEAR),
                )
            } else {
                let lo = spans.partition_point(|&(_, e)| e + 3 < start);
                (lo, k)
            };
            let pattern_of = |j: usize| hits[j].pattern;
            let is_near = |a: usize| {
                (lo..hi)
                    .any(|j| j != k && self.patterns[pattern_of(j)].iter().any(|&(i, _)| i == a))
            };
            let mut under: Option<usize> = None;
            let mut several = false;
            for &(i, _) in &self.patterns[hits[k].pattern] {
                let linked = if official {
                    std::iter::successors(self.parents[i], |&p| self.parents[p]).any(is_near)
                } else {
                    self.parents[i].is_some_and(is_near)
                };
                if linked {
                    several |= under.is_some_and(|u| u != i);
                    under.get_or_insert(i);
                }
            }
            hits[k].near_parent = under.is_some();
            hits[k].near_place = if several { None } else { under };
        }
        hits
    }
}

/// 长沙2月3日电, 北京3日电, 本报盐城讯: a dateline after a place name.
fn is_dateline_after(after: &str) -> bool {
    let end = after.char_indices().nth(8).map_or(after.len(), |(i, _)| i);
    let head = &after[..end];
    (head.starts_with(|c: char| c.is_ascii_digit()) && head.contains("日电"))
        || head.starts_with('讯')
}

/// The suffixes (市, 县, 区, 省 …) the page uses for itself: 我市, 全县, 本区.
pub(super) fn self_references(page: &str) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    let mut prev = ' ';
    for c in page.chars() {
        if SELF_PREFIX.contains(&prev) && "市县区省州旗盟".contains(c) {
            out.insert(c);
        }
        prev = c;
    }
    out
}
