//! What makes a string look like a formula (提法): a number in front (四个意识), parallel parts
//! (抓紧抓实抓细, 群防群控), a list (稳企业、增动能、补短板), quotation marks, an idiom.

/// Chinese numerals that open numbered formulae: 四个意识, 两个维护, 六大机制, 三严三实.
const NUMERALS: &str = "一二两三四五六七八九十百千双";

/// What may follow the numeral of a numbered formula: a measure word or a formula-forming
/// morpheme (个, 大, 项, 严, 不, 早, 手 …), never 年/月/日 which make dates.
const NUMBERED_SECOND: &str = "个大项条种张场道手严不早保稳化心级类批支套网体线点字";

/// Common words that begin with a numeral but are not numbered formulae.
const NUMERAL_WORDS: &[&str] = &[
    "一些",
    "一定",
    "一直",
    "一起",
    "一步",
    "一切",
    "一般",
    "一样",
    "一致",
    "一律",
    "一同",
    "一旦",
    "一度",
    "一再",
    "一道",
    "一点",
    "一大批",
    "一个",
    "一批",
    "一项",
    "一种",
    "一场",
    "一条",
    "一张",
    "两个月",
    "十分",
    "万一",
    "一手",
];

/// The list separator 顿号 that joins the members of a listed formula.
pub const LIST_MARK: char = '、';

/// How formula-like a string is, from its shape alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Opens with a numeral and a measure word or repeats a numeral: 四个意识, 一企一策, 三严三实.
    pub numbered: bool,
    /// Built of parts sharing a character: 抓紧抓实抓细, 群防群控, 外防输入、内防反弹.
    pub parallel: bool,
    /// A list of two or more members joined by 、.
    pub list: bool,
    /// How many members: list items, or the units of a parallel series (3 for 抓紧抓实抓细);
    /// 1 for anything else.
    pub members: usize,
}

impl Shape {
    /// Reads the shape of `text`.
    pub fn of(text: &str) -> Self {
        if !maybe_shaped(text) {
            return Self {
                members: 1,
                ..Self::default()
            };
        }
        let items = list_items(text);
        let list = items.len() >= 2;
        // A series such as 一把手、一张网 is numbered even when one member alone would not be.
        let numbered = if list {
            let opens = |i: &&str| i.chars().next();
            let series = items
                .iter()
                .all(|i| opens(i).is_some_and(is_numeral) && opens(i) == opens(&items[0]));
            series || items.iter().all(|i| is_numbered(i))
        } else {
            is_numbered(text)
        };
        let (parallel, members) = if list {
            (parallel_items(&items), items.len())
        } else {
            let units = parallel_units(text);
            (units > 0, units.max(1))
        };
        Self {
            numbered,
            parallel,
            list,
            members,
        }
    }
}

/// A quick test, without allocating, that `text` could have any shape at all: a list mark, a
/// numeral in front, or a character repeated two or three places on at either end. Most
/// strings fail it, which spares them the full reading.
fn maybe_shaped(text: &str) -> bool {
    let mut head = ['\0'; 4];
    let mut tail = ['\0'; 4];
    for (slot, c) in head.iter_mut().zip(text.chars()) {
        *slot = c;
    }
    for (slot, c) in tail.iter_mut().zip(text.chars().rev()) {
        *slot = c;
    }
    text.contains(LIST_MARK)
        || is_numeral(head[0])
        || (head[0] != '\0' && (head[2] == head[0] || head[3] == head[0]))
        || (tail[0] != '\0' && (tail[2] == tail[0] || tail[3] == tail[0]))
}

/// The members of a list joined by 、, or the whole text as one member.
pub fn list_items(text: &str) -> Vec<&str> {
    text.split(LIST_MARK).filter(|s| !s.is_empty()).collect()
}

/// True unless `text` is a list whose members are too unequal to be one formula: the shortest
/// must be more than half the longest (两手抓、两手都要硬 passes; 重点人群、重点 and
/// 高度重视、清醒认识疫情防控形势 are a list cut off or run on into the sentence).
pub fn balanced_list(text: &str) -> bool {
    let lens: Vec<usize> = list_items(text).iter().map(|i| i.chars().count()).collect();
    let (min, max) = (lens.iter().min(), lens.iter().max());
    lens.len() < 2 || min.zip(max).is_some_and(|(min, max)| 2 * min > *max)
}

fn is_numeral(c: char) -> bool {
    NUMERALS.contains(c)
}

/// 四个意识, 两个维护, 六大机制, 三严三实, 一企一策, 两手抓; not 一定要, 一些地方.
fn is_numbered(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 3 || !is_numeral(chars[0]) {
        return false;
    }
    if NUMERAL_WORDS
        .iter()
        .any(|w| text.starts_with(w) && text.chars().count() <= w.chars().count() + 2)
    {
        return false;
    }
    // Numeral repeated at the same stride: 一企一策 (stride 2), 三严三实.
    if chars.len() >= 4 && chars[2] == chars[0] {
        return true;
    }
    NUMBERED_SECOND.contains(chars[1])
}

/// Splits `text` into equal units of `size` characters when it divides evenly.
fn units(chars: &[char], size: usize) -> Option<Vec<&[char]>> {
    (chars.len() % size == 0 && chars.len() / size >= 2).then(|| chars.chunks(size).collect())
}

/// 群防群控, 复工复产, 抓紧抓实抓细, 从严从紧从快, 有力有序有效, 早发现早报告: units of two or
/// three characters that all share their first or all share their last character (units of
/// three, their last two: 软实力硬实力). Returns
/// the number of units, 0 when the string is not such a series.
pub fn parallel_units(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    [2, 3]
        .iter()
        .find(|&&size| series_of(&chars, size))
        .map_or(0, |&size| chars.len() / size)
}

/// True when `chars` is a parallel series of units of `size` characters.
fn series_of(chars: &[char], size: usize) -> bool {
    {
        units(chars, size).is_some_and(|us| {
            let first = us.iter().all(|u| u[0] == us[0][0]);
            // Units of three sharing their last character alone are chance (做好新 + 时代新,
            // cut out of 做好新时代新征程); they must share the last two: 软实力硬实力.
            let tail = if size == 3 { 2 } else { 1 };
            let last = us.iter().all(|u| u[size - tail..] == us[0][size - tail..]);
            // A unit repeated whole (防控防控) is a stutter, not a parallel formula.
            let distinct = us.iter().skip(1).any(|u| u != &us[0]);
            (first || last) && distinct
        })
    }
}

/// 外防输入、内防反弹 (a shared character in the same place), 两手抓、两手都要硬 (a shared
/// opening), 稳企业、增动能、补短板 (three or more members of one length).
fn parallel_items(items: &[&str]) -> bool {
    let chars: Vec<Vec<char>> = items.iter().map(|i| i.chars().collect()).collect();
    let same_len = chars.iter().all(|c| c.len() == chars[0].len());
    if same_len && chars.len() >= 3 {
        return true;
    }
    let min_len = chars.iter().map(Vec::len).min().unwrap_or(0);
    let shared_at = |p: usize| chars.iter().all(|c| c[p] == chars[0][p]);
    let shared_end = |p: usize| {
        chars
            .iter()
            .all(|c| c[c.len() - 1 - p] == chars[0][chars[0].len() - 1 - p])
    };
    (0..min_len).any(|p| shared_at(p) || shared_end(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, numbered: bool, parallel: bool, list: bool) {
        let got = Shape::of(input);
        assert_eq!(
            (got.numbered, got.parallel, got.list),
            (numbered, parallel, list),
            "{input}"
        );
    }

    #[test]
    fn members() {
        assert_eq!(Shape::of("抓紧抓实抓细").members, 3);
        assert_eq!(Shape::of("有力有序").members, 2);
        assert_eq!(Shape::of("麻痹思想、厌战情绪、侥幸心理").members, 3);
        assert_eq!(Shape::of("铜墙铁壁").members, 1);
        assert_eq!(Shape::of("疫情防控").members, 1);
    }

    #[test]
    fn shapes() {
        check("四个意识", true, false, false);
        check("两个维护", true, false, false);
        check("六大机制", true, false, false);
        check("三严三实", true, true, false);
        check("一企一策", true, true, false);
        check("两手抓", true, false, false);
        check("一定要", false, false, false);
        check("一些地方", false, false, false);
        check("抓紧抓实抓细", false, true, false);
        check("从严从紧从快", false, true, false);
        check("有力有序有效", false, true, false);
        check("群防群控", false, true, false);
        check("复工复产", false, true, false);
        check("早发现早报告", false, true, false);
        check("软实力硬实力", false, true, false);
        check("做好新时代新", false, false, false);
        check("人防物防技防", false, true, false);
        check("防控防控", false, false, false);
        check("铜墙铁壁", false, false, false);
        check("疫情防控", false, false, false);
        check("外防输入、内防反弹", false, true, true);
        check("两手抓、两手都要硬", true, true, true);
        check("稳企业、增动能、补短板", false, true, true);
        check("疫情防控、经济发展", false, false, true);
        check("一把手、一张网", true, true, true);
    }

    fn check_balanced(input: &str, expect: bool) {
        assert_eq!(balanced_list(input), expect, "{input}");
    }

    #[test]
    fn balance() {
        check_balanced("两手抓、两手都要硬", true);
        check_balanced("市委、市政府", true);
        check_balanced("麻痹思想、厌战情绪、侥幸心理", true);
        check_balanced("铜墙铁壁", true);
        check_balanced("重点人群、重点", false);
        check_balanced("高度重视、清醒认识疫情防控形势", false);
        check_balanced("疫情防控、复工复产等政策的宣传解读", false);
    }

    #[test]
    fn items() {
        assert_eq!(
            list_items("麻痹思想、侥幸心理"),
            vec!["麻痹思想", "侥幸心理"]
        );
        assert_eq!(list_items("铜墙铁壁"), vec!["铜墙铁壁"]);
    }
}
