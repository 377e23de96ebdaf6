//! The weights of the locality evidence, as data: tuning Tifa for a new province's papers
//! changes these numbers, not the code that reads the pages.

use serde::{Deserialize, Serialize};

/// How much each kind of evidence counts towards the locality of a page or a meeting. A place
/// scores the sum of its evidence, each kind counted up to its cap; the highest score wins when
/// it reaches [`LocalityWeights::min_score`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalityWeights {
    /// A paper, site, broadcaster or account named after the place (永康日报, 今日桐乡,
    /// 永康市融媒体中心, 宜宾发布) anywhere on the page: the strongest sign of whose page it is.
    pub media: u32,
    /// How many media hits count.
    pub media_cap: u32,
    /// A dateline on the page (本报盐城讯, 新华社长沙2月3日电); counted once.
    pub dateline: u32,
    /// A party or government organ named after the place (湖南省委, 金华市政府) elsewhere on the
    /// page.
    pub page_organ: u32,
    /// How many of the page's organ hits count.
    pub page_organ_cap: u32,
    /// A plain mention elsewhere on the page.
    pub page_mention: u32,
    /// How many of the page's plain mentions count.
    pub page_mention_cap: u32,
    /// An organ named after the place in the article itself.
    pub article_organ: u32,
    /// How many of the article's organ hits count.
    pub article_organ_cap: u32,
    /// A plain mention in the article (为遵义融入…, 建设具有王益特色的…).
    pub article_mention: u32,
    /// How many of the article's plain mentions count.
    pub article_mention_cap: u32,
    /// The place named in the meeting's title, headline or lead (西安市委常委会议,
    /// 朝阳区召开全区领导干部大会): the report says whose meeting it is.
    pub head: u32,
    /// The article speaks of itself with the place's kind of division (我县, 全区, 县委…) and the
    /// place is of that kind.
    pub self_reference: u32,
    /// An ancestor of the place (its prefecture or province) is named in the article too: the
    /// place fits the rest of the page.
    pub kin: u32,
    /// The lowest score that names a locality: one passing mention on the page is not enough.
    pub min_score: u32,
}

impl Default for LocalityWeights {
    fn default() -> Self {
        Self {
            media: 100,
            media_cap: 2,
            dateline: 30,
            page_organ: 5,
            page_organ_cap: 4,
            page_mention: 1,
            page_mention_cap: 20,
            article_organ: 40,
            article_organ_cap: 2,
            article_mention: 3,
            article_mention_cap: 10,
            head: 60,
            self_reference: 10,
            kin: 8,
            min_score: 3,
        }
    }
}
