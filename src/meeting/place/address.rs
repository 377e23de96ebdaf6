//! The place a page's address names: government and news sites spell their locality in pinyin
//! in their host name (`www.xianggelila.gov.cn`, `qingshui.news.cn`, `shishou.example.org`).
//! A saved page often names its county nowhere else.

use std::collections::BTreeMap;

use pinyin::ToPinyinMulti;

use super::Gazetteer;
use crate::model::PlaceLevel;

/// Host labels that are the address's machinery, not a name.
const MACHINERY: [&str; 16] = [
    "www", "m", "wap", "cn", "com", "net", "org", "gov", "edu", "mobile", "news", "info", "web",
    "site", "html", "h5",
];

/// Endings a news site adds to its place's pinyin: 新闻网 (xww), 日报 (rb), 电视台 (tv).
const MEDIA_ENDINGS: [&str; 6] = ["xww", "news", "rb", "tv", "xw", "rmt"];

/// How many letters a bare name must have to count on a host that is not a government's: short
/// spellings (he, wei) are too often something else.
const BARE_LETTERS: usize = 6;

/// How many spellings of one name are kept (heteronyms multiply them).
const SPELLINGS: usize = 8;

/// The plain pinyin spellings of `name`, all readings of each character, at most [`SPELLINGS`].
fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for multi in name.to_pinyin_multi() {
        let Some(multi) = multi else {
            return Vec::new();
        };
        let readings: Vec<&str> = multi.into_iter().map(pinyin::Pinyin::plain).collect();
        let mut next = Vec::new();
        for prefix in &out {
            for r in &readings {
                if next.len() < SPELLINGS {
                    next.push(format!("{prefix}{r}"));
                }
            }
        }
        out = next;
        out.dedup();
    }
    out
}

/// The first letters of `name`'s pinyin, one per character (湖北 → hb); empty for a name
/// with a character that has none.
fn initials(name: &str) -> String {
    use pinyin::ToPinyin;
    name.to_pinyin()
        .map(|p| p.and_then(|p| p.plain().chars().next()))
        .collect::<Option<String>>()
        .unwrap_or_default()
}

/// The labels of a URL's host, lowercased: `http://www.example.gov.cn:80/a` → www, example, gov, cn.
fn host_labels(url: &str) -> Vec<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('@')
        .next()
        .unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    if host
        .split('.')
        .all(|l| l.chars().all(|c| c.is_ascii_digit()))
    {
        return Vec::new();
    }
    host.split('.').map(str::to_ascii_lowercase).collect()
}

impl Gazetteer {
    /// Each pinyin spelling of a short name to the places that have it, built on first use.
    fn pinyin_index(&self) -> &BTreeMap<String, Vec<usize>> {
        self.pinyin.get_or_init(|| {
            let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for (i, place) in self.places.iter().enumerate() {
                // A name no longer in force (中甸县 before 香格里拉) is not a site's today.
                let gone = self.former.get(i).is_some_and(Option::is_some);
                if place.level == PlaceLevel::National || gone {
                    continue;
                }
                for s in spellings(&place.name) {
                    let places = index.entry(s).or_default();
                    if !places.contains(&i) {
                        places.push(i);
                    }
                }
            }
            index
        })
    }

    /// The one place `url`'s host spells, if one does: a label that is a place's short name in
    /// pinyin, on a government host (`.gov.cn`), or with a news site's ending, or bare and long
    /// enough to be a name. A spelling several places share names none.
    pub fn place_of_address(&self, url: &str) -> Option<usize> {
        let labels = host_labels(url);
        let government = labels.windows(2).any(|w| w[0] == "gov" && w[1] == "cn");
        let index = self.pinyin_index();
        let mut found: Option<usize> = None;
        for label in &labels {
            if MACHINERY.contains(&label.as_str()) || !label.chars().all(|c| c.is_ascii_lowercase())
            {
                continue;
            }
            let stems = std::iter::once((label.as_str(), government)).chain(
                MEDIA_ENDINGS
                    .iter()
                    .filter_map(|e| label.strip_suffix(e).map(|s| (s, true))),
            );
            for (stem, trusted) in stems {
                if stem.len() < 4 || (!trusted && stem.len() < BARE_LETTERS) {
                    continue;
                }
                if let Some([i]) = index.get(stem).map(Vec::as_slice) {
                    // Two labels naming different places (a portal's section and its city):
                    // the first, leftmost, is the page's.
                    found.get_or_insert(*i);
                }
            }
            if found.is_none() {
                found = self.under_province_prefix(label, index);
            }
        }
        found
    }

    /// A label that is a province's initials and then the pinyin of a place in that province
    /// (`hbwuxue`: 湖北, 武穴): the one such place, if one.
    fn under_province_prefix(
        &self,
        label: &str,
        index: &BTreeMap<String, Vec<usize>>,
    ) -> Option<usize> {
        let mut found: Option<usize> = None;
        for (p, province) in self.places.iter().enumerate() {
            if province.level != PlaceLevel::Province {
                continue;
            }
            let Some(stem) = label.strip_prefix(initials(&province.name).as_str()) else {
                continue;
            };
            if stem.len() < 4 || stem.len() + 2 > label.len() {
                continue;
            }
            for &i in index.get(stem).into_iter().flatten() {
                if self.is_ancestor(p, i) {
                    if found.is_some_and(|f| f != i) {
                        return None;
                    }
                    found = Some(i);
                }
            }
        }
        found
    }

    /// A line saying whose site `url` is, as a masthead would, by the place's official name (so
    /// that it counts written once): 某某市人民政府 for a government host, 某某县新闻网 for any
    /// other. `None` when the address names no place.
    pub fn address_line(&self, url: &str) -> Option<String> {
        let i = self.place_of_address(url)?;
        let government = host_labels(url)
            .windows(2)
            .any(|w| w[0] == "gov" && w[1] == "cn");
        Some(if government {
            format!("{}人民政府", self.officials[i])
        } else {
            format!("{}新闻网", self.officials[i])
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

    fn line(url: &str) -> String {
        GAZ.address_line(url).unwrap_or_default()
    }

    #[test]
    fn hosts_that_spell_their_place() {
        assert_eq!(
            line("http://www.xianggelila.gov.cn/zwxx/yw/202003/1.html"),
            "香格里拉市人民政府"
        );
        assert_eq!(
            line("http://shishou.example.org/p/4036.html"),
            "石首市新闻网"
        );
        assert_eq!(line("https://www.qingtianxww.cn/a.html"), "青田县新闻网");
        // A province's initials before the name: 湖北 (hb) and 武穴, one place in it.
        assert_eq!(line("https://m.hbwuxue.com/p/66447.html"), "武穴市新闻网");
        // Initials whose rest is no place under that province name none.
        assert_eq!(line("https://m.zjwuxue.com/p/1.html"), "");
        // Spellings several places share, short bare labels, machinery and numbers name none.
        assert_eq!(line("http://wei.example.com/a.html"), "");
        assert_eq!(line("http://www.example.com/news/a.html"), "");
        assert_eq!(line("http://47.96.164.84/jrqj/pc/1.html"), "");
        assert_eq!(line("not a url"), "");
    }

    #[test]
    fn spellings_cover_every_reading() {
        let s = spellings("长治");
        assert!(s.contains(&"changzhi".to_string()), "{s:?}");
        assert!(spellings("A县").is_empty());
    }
}
