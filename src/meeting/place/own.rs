//! What kind of division a report speaks for when it speaks of itself: 县委常委会 and 我县 are a
//! county's, 区政府常务会议 a district's, 旗委 a banner's, 州政府 an autonomous prefecture's.
//! Reports name their own organs without the place's name, so the kind narrows the places a
//! meeting can belong to: a 县委常委会 that mentions its province is still the county's.

use crate::model::PlaceLevel;

/// A kind of division, as its organs call it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 县, 自治县.
    County,
    /// A county-level 区 (市辖区, 林区).
    District,
    /// Any 市: a municipality, a prefecture-level or a county-level city.
    City,
    /// 旗, 自治旗.
    Banner,
    /// 自治州.
    Prefecture,
    /// 盟.
    League,
    /// 地区 (地委, 行署).
    Area,
    /// 省, 自治区.
    Province,
}

/// Words after a division suffix that make it the name of the locality's own organ or body:
/// 县委, 区政府, 市长, 县人大常委会, 旗委.
const ORGANS: [&str; 10] = [
    "委",
    "政府",
    "人民政府",
    "长",
    "人大",
    "政协",
    "党委",
    "纪委",
    "监委",
    "直",
];

impl Kind {
    fn of_suffix(c: char) -> Option<Self> {
        Some(match c {
            '县' => Self::County,
            '区' => Self::District,
            '市' => Self::City,
            '旗' => Self::Banner,
            '州' => Self::Prefecture,
            '盟' => Self::League,
            '省' => Self::Province,
            _ => return None,
        })
    }

    /// True when a division with this official name and level is of this kind.
    pub fn fits(self, official: &str, level: PlaceLevel) -> bool {
        match self {
            Self::County => official.ends_with('县'),
            Self::District => level == PlaceLevel::County && official.ends_with('区'),
            Self::City => official.ends_with('市'),
            Self::Banner => official.ends_with('旗'),
            Self::Prefecture => level == PlaceLevel::Prefecture && official.ends_with('州'),
            Self::League => official.ends_with('盟'),
            Self::Area => official.ends_with("地区"),
            Self::Province => level == PlaceLevel::Province,
        }
    }
}

/// The kind of division whose own organ `text` names first without a place name: 县 in
/// 十三届县委第32次常委会会议, 区 in 区委常委会(扩大)会议, 州 in 州政府第33次常务会议.
pub fn organ_kind(text: &str) -> Option<Kind> {
    organ_kind_in(text, true)
}

/// [`organ_kind`]; `whole` says whether 全市/全县 count (in a title they are the meeting's own;
/// in a lead, 落实全市…部署 is often the parent's).
fn organ_kind_in(text: &str, whole: bool) -> Option<Kind> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let after = &text[i + c.len_utf8()..];
        if text[..i].ends_with("自治") && c == '区' {
            return Some(Kind::Province);
        }
        if c == '地' && (after.starts_with('委') || after.starts_with("区行署")) {
            return Some(Kind::Area);
        }
        if c == '行' && after.starts_with('署') {
            return Some(Kind::Area);
        }
        if let Some(kind) = Kind::of_suffix(c) {
            // 县十六届人大常委会, 市十八届人民政府: a session number between the suffix and the
            // organ; 全县, 我市, 本区: the locality itself.
            let numbered = after.starts_with(|d: char| "第一二三四五六七八九十".contains(d));
            let own = prev.is_some_and(|p| p == '我' || p == '本' || (whole && p == '全'));
            // 县委, not 县域; and the suffix must start the word (区委, not 社区委员会).
            let word_start =
                prev.is_none_or(|p| !is_name_char(p) || "届次年、,，的和及暨".contains(p));
            let organ = ORGANS.iter().any(|o| after.starts_with(o)) || bureau(after);
            if own || (word_start && (numbered || organ)) {
                return Some(kind);
            }
        }
        prev = Some(c);
    }
    None
}

/// A bureau of the division after its suffix (县科技局, 市公安局, 区农业农村局): a few
/// characters, then 局; not a word the suffix begins (市场监督管理局, 区域…).
fn bureau(after: &str) -> bool {
    if after.starts_with(['场', '域', '面', '民', '区']) {
        return false;
    }
    after
        .char_indices()
        .take(BUREAU_CHARS + 1)
        .find(|&(_, c)| c == '局')
        .is_some_and(|(i, _)| i > 0 && after[..i].chars().all(is_name_char))
}

/// Most characters of a bureau's name between the division's suffix and 局.
const BUREAU_CHARS: usize = 6;

/// A character that may be part of a place name or another word before a suffix.
fn is_name_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The kind a report speaks for: its meeting's title first, then its lead, then the way the
/// article refers to itself (the most frequent of 我市/全县/本区).
pub fn own_kind(title: &str, head: &str, article: &str) -> Option<Kind> {
    organ_kind(title)
        .or_else(|| organ_kind_in(head, false))
        .or_else(|| self_kind(article))
}

/// The kind named by an organ of the meeting itself (its title or lead), not only by the way
/// the page refers to itself: only then is a single passing mention of that kind evidence.
pub fn organ_named_kind(title: &str, head: &str) -> Option<Kind> {
    organ_kind(title).or_else(|| organ_kind_in(head, false))
}

/// The most frequent 我X/全X/本X in `text`.
fn self_kind(text: &str) -> Option<Kind> {
    let mut counts = [0usize; 7];
    let suffixes = ['县', '区', '市', '旗', '州', '盟', '省'];
    let mut prev = ' ';
    for c in text.chars() {
        if "我全本".contains(prev) {
            if let Some(k) = suffixes.iter().position(|&s| s == c) {
                counts[k] += 1;
            }
        }
        prev = c;
    }
    let (k, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k)))?;
    (n > 0).then(|| Kind::of_suffix(suffixes[k])).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title: &str, expect: Option<Kind>) {
        assert_eq!(organ_kind(title), expect, "{title}");
    }

    #[test]
    fn organs_name_their_kind() {
        check("十三届县委第32次常委会会议", Some(Kind::County));
        check("区委常委会(扩大)会议", Some(Kind::District));
        check("县长办公会议", Some(Kind::County));
        check("县十六届人大常委会第五次会议", Some(Kind::County));
        check("市十八届人民政府第37次常务会议", Some(Kind::City));
        check("州政府第33次常务会议", Some(Kind::Prefecture));
        check("旗委十六届61次常委会会议", Some(Kind::Banner));
        check("自治区党委常委会会议", Some(Kind::Province));
        check("省委常委会会议", Some(Kind::Province));
        check("地委第四十三次委员(扩大)会议", Some(Kind::Area));
        check("全区领导干部大会", Some(Kind::District));
        check("十四届县委常委会第131次会议", Some(Kind::County));
        check("县政府党组暨2023年第4次常务会议", Some(Kind::County));
        check("市政协2022年第四次党组(扩大)会议", Some(Kind::City));
        check("七届常委会第67次会议", None);
        check("企地共建工作座谈会", None);
        check("城市建设工作会议", None);
        check("社区委员会换届选举会议", None);
        check("县域经济发展推进会", None);
        // A bureau of the division; not the words its suffix begins.
        check("县科技局党组中心组学习会", Some(Kind::County));
        check("市公安局党委会议", Some(Kind::City));
        check("市场监督管理局党组会议", None);
        check("区域协调发展局务会", None);
    }

    #[test]
    fn the_article_names_itself() {
        assert_eq!(
            own_kind("专题会议", "昨日召开专题会议", "我县各乡镇要,全县上下,我市"),
            Some(Kind::County)
        );
        assert_eq!(own_kind("专题会议", "", "坚持稳中求进"), None);
        assert_eq!(
            own_kind("动员会", "县委副书记、县长李某主持召开动员会", ""),
            Some(Kind::County)
        );
    }

    #[test]
    fn kinds_fit_divisions() {
        assert!(Kind::County.fits("永寿县", PlaceLevel::County));
        assert!(Kind::County.fits("长白朝鲜族自治县", PlaceLevel::County));
        assert!(!Kind::County.fits("咸阳市", PlaceLevel::Prefecture));
        assert!(Kind::District.fits("王益区", PlaceLevel::County));
        assert!(!Kind::District.fits("广西壮族自治区", PlaceLevel::Province));
        assert!(Kind::City.fits("福鼎市", PlaceLevel::County));
        assert!(Kind::City.fits("重庆市", PlaceLevel::Province));
        assert!(Kind::Prefecture.fits("甘南藏族自治州", PlaceLevel::Prefecture));
        assert!(Kind::Area.fits("阿克苏地区", PlaceLevel::Prefecture));
        assert!(Kind::Province.fits("新疆维吾尔自治区", PlaceLevel::Province));
    }
}
