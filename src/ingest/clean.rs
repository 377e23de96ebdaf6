//! Page chrome: site menus, copyright lines, editor credits, ads, captions.
//!
//! Every line of a page is given a [`LineKind`] from its shape alone (length, separators,
//! punctuation, a few words that only chrome uses), never from what a particular site prints.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::model::Span;
use crate::text::{is_han, regex};

/// What one line of a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineKind {
    /// Nothing but white space.
    Blank,
    /// Article text: a headline or a paragraph (or a piece of one).
    Text,
    /// An author line: 首席记者 陈晓苏, 本报记者 王五.
    Byline,
    /// A commentary signature: 本报特约评论员, 评论员.
    Commentary,
    /// A photo credit: 融媒记者 卢斌 摄.
    PhotoCredit,
    /// An editor, source or dateline credit: 编辑:胡祥, 来源:…, 作者:….
    Credit,
    /// A site menu or breadcrumb: `首页 | 新闻 | …`, `网站 >> 频道`.
    Menu,
    /// A copyright, licence or ICP line.
    Copyright,
    /// An advertisement or a call to scan, follow or download.
    Ad,
    /// A "related reading" heading (延伸阅读, 专题推荐, 国内要闻 …) or a line of the list under it.
    Related,
    /// A row of a Markdown table.
    Table,
    /// A page index entry: `02 时政·要闻`.
    PageIndex,
    /// A continuation note: (下转2版), 上接1版.
    Jump,
}

impl LineKind {
    /// True for lines that belong to the page, not to any article.
    pub fn is_chrome(self) -> bool {
        !matches!(
            self,
            LineKind::Blank | LineKind::Text | LineKind::Byline | LineKind::Commentary
        )
    }
}

/// One line of a page and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line without its surrounding white space, as bytes of the page.
    pub span: Span,
    /// What the line is.
    pub kind: LineKind,
}

/// Sentence-final punctuation: a line ending with one of these is a finished paragraph.
pub const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '；', ';', '…'];

/// Characters trimmed from both ends of a line: ASCII and ideographic spaces, NBSP, BOM.
fn is_pad(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

/// Splits `text` into trimmed lines and classifies each. A "related reading" heading turns the
/// short lines after it into [`LineKind::Related`] too, until a real paragraph appears.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_related = false;
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = start;
        start += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed_start = body.len() - body.trim_start_matches(is_pad).len();
        let trimmed = body.trim_matches(is_pad);
        let s = line_start + trimmed_start;
        let span = Span::new(s, s + trimmed.len());
        let mut kind = classify(trimmed);
        if kind == LineKind::Related {
            in_related = true;
        } else if in_related && kind == LineKind::Text {
            if is_paragraph_like(trimmed) && !is_cut_short(trimmed) {
                in_related = false;
            } else {
                kind = LineKind::Related;
            }
        }
        out.push(Line { span, kind });
    }
    out
}

/// A teaser cut off with an ellipsis (…朱某强调,一要认清发展...): another story's opening in a
/// list of links, however long.
fn is_cut_short(line: &str) -> bool {
    line.ends_with("...") || line.ends_with('…') || line.ends_with("。。。")
}

/// A long line of running prose, which ends a "related reading" list.
fn is_paragraph_like(line: &str) -> bool {
    line.chars().count() >= 60 && line.contains(['。', '，', ','])
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[(（【\[]?\s*(?:(?:责任编辑|值班编辑|编辑|责编|作者|来源|审核|审校|校对|美编|编审|监制|统筹|通讯员|字号)\s*[:：]|(?:发布|发稿|更新)?(?:时间|日期)\s*[:：]\s*\d{4})",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[(（]?[\p{Han}]{0,8}(记者|通讯员|评论员)[\s:：]*[\p{Han}·\s]{0,20}[)）]?$")
});
static PAGE_INDEX: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(\d{1,2}|第\d{1,2}版)\s*[\p{Han}]{1,6}[·•・][\p{Han}]{1,6}$"));
static JUMP: LazyLock<Regex> = LazyLock::new(|| regex(r"^[(（]?\s*(下转|上接|转第|接第)"));
static BRACKET_MENU: LazyLock<Regex> = LazyLock::new(|| regex(r"^(\[[^\]]{1,12}\]\s*)+$"));

/// Words that only a copyright or licence line uses.
const COPYRIGHT_WORDS: &[&str] = &[
    "版权所有",
    "版权声明",
    "ICP备",
    "ICP证",
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "©",
    "All Rights Reserved",
    "不得转载",
    "转载请注明",
    "保留所有权利",
    "违法和不良信息举报",
];

/// Words of an ad or a call to act in a short line.
const AD_WORDS: &[&str] = &[
    "扫码",
    "扫一扫",
    "二维码",
    "下载",
    "公众号",
    "公众微信",
    "微信公众",
    "客户端",
    "官方App",
    "官方APP",
    "请您关注",
    "敬请关注",
    "欢迎关注",
    "支行",
    "分行",
    "广告",
    "分享到",
];

/// Headings of lists that are not part of the article above them.
const RELATED_HEADINGS: &[&str] = &[
    "延伸阅读",
    "相关阅读",
    "相关新闻",
    "相关链接",
    "相关报道",
    "相关稿件",
    "相关文章",
    "专题推荐",
    "推荐阅读",
    "热点推荐",
    "精彩推荐",
    "猜你喜欢",
    "新闻推荐",
    "相关推荐",
    "热门文章",
    "往期回顾",
    "国内要闻",
    "国际要闻",
    "图片中心",
    "图片新闻",
    "视频简介",
    "栏目介绍",
    "内容简介",
];

/// The chrome word lists as automatons, so a line is scanned once per list.
static COPYRIGHT: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(COPYRIGHT_WORDS).ok());
static AD: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(AD_WORDS).ok());

/// True when `line` holds any word of the list.
fn any_of(words: &LazyLock<Option<AhoCorasick>>, line: &str) -> bool {
    words.as_ref().is_some_and(|ac| ac.is_match(line))
}

/// Classifies one trimmed line by its shape.
pub fn classify(line: &str) -> LineKind {
    if line.is_empty() {
        return LineKind::Blank;
    }
    let chars = line.chars().count();
    let has_stop = line.contains('。');
    if line.starts_with('|') && line.ends_with('|') {
        return LineKind::Table;
    }
    if chars <= 200 && is_menu(line, chars) {
        return LineKind::Menu;
    }
    if (chars <= 200 || !has_stop) && any_of(&COPYRIGHT, line) {
        return LineKind::Copyright;
    }
    if line.starts_with("版权") || (chars <= 40 && !has_stop && line.ends_with("主办")) {
        return LineKind::Copyright;
    }
    // Each pattern runs only on a line that holds what it cannot match without.
    if line.contains([':', '：']) && CREDIT.is_match(line) {
        return LineKind::Credit;
    }
    if chars <= 120 && !has_stop && (line.contains("来源:") || line.contains("来源：")) {
        return LineKind::Credit;
    }
    if chars <= 30 && !has_stop && (line.ends_with('摄') || line.ends_with("摄影")) {
        return LineKind::PhotoCredit;
    }
    if chars <= 20 && !has_stop && line.contains("评论员") {
        return LineKind::Commentary;
    }
    if chars <= 30 && !has_stop && BYLINE.is_match(line) {
        return LineKind::Byline;
    }
    let heading = line.trim_start_matches(['·', '•', '【', '[', '>', ' ']);
    if chars <= 14 && RELATED_HEADINGS.iter().any(|h| heading.starts_with(h)) {
        return LineKind::Related;
    }
    if chars <= 20 && JUMP.is_match(line) {
        return LineKind::Jump;
    }
    if line.starts_with(|c: char| c.is_numeric() || c == '第')
        && line.contains(['·', '•', '・'])
        && PAGE_INDEX.is_match(line)
    {
        return LineKind::PageIndex;
    }
    if chars <= 40 && !has_stop && (any_of(&AD, line) || is_latin(line)) {
        return LineKind::Ad;
    }
    LineKind::Text
}

/// Mostly Latin capitals: an English slogan or a bank's name on a Chinese page.
fn is_latin(line: &str) -> bool {
    let upper = line.chars().filter(char::is_ascii_uppercase).count();
    let han = line.chars().filter(|c| is_han(*c)).count();
    upper >= 6 && upper > han
}

/// Many short items between `|` or `--`, or a `>>` breadcrumb, or only `[…]` links.
fn is_menu(line: &str, chars: usize) -> bool {
    if line.starts_with('[') && BRACKET_MENU.is_match(line) {
        return true;
    }
    for sep in ["|", "｜", " -- ", ">>", "»", " > "] {
        if !line.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = line
            .split(sep)
            .map(|p| p.trim_matches(is_pad))
            .filter(|p| !p.is_empty())
            .collect();
        let seps = line.matches(sep).count();
        let needed = if sep == ">>" || sep == "»" || sep == " > " {
            1
        } else {
            2
        };
        if seps >= needed && !parts.is_empty() {
            let avg = parts.iter().map(|p| p.chars().count()).sum::<usize>() / parts.len();
            if avg <= 12 && !line.contains('。') && chars <= 200 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expect: LineKind) {
        assert_eq!(classify(line), expect, "{line}");
    }

    #[test]
    fn classifies_lines_by_shape() {
        check("", LineKind::Blank);
        check(
            "首 页 | 新闻频道 | 今日某县 | 乡镇网闻 | 专题 | 论坛 |",
            LineKind::Menu,
        );
        check(
            "综合新闻 -- 今日某县 -- 乡镇网闻 -- 国际国内",
            LineKind::Menu,
        );
        check("[论坛注册]  [登录]", LineKind::Menu);
        check("某县新闻网 >> 新闻频道 >> 重要活动", LineKind::Menu);
        check(
            "网站简介 |  版权声明 |  广告服务 |  联系方式",
            LineKind::Menu,
        );
        check(
            "某市新闻网版权所有.保留所有权利. 浙ICP备05017992号",
            LineKind::Copyright,
        );
        check(
            "版权声明:凡本网注明来源为“某某新闻网”的各类新闻,均为本报业集团所有。任何媒体未经本网书面授权不得转载。",
            LineKind::Copyright,
        );
        // A repost's credit, which repeats the headline: 《…》由某某网提供,转载请注明出处.
        check(
            "《某某街道召开联席会议》由某某新闻网提供,转载请注明出处:http://example.cn/1.html,谢谢合作!",
            LineKind::Copyright,
        );
        check("编辑:胡祥", LineKind::Credit);
        check("责任编辑：张三", LineKind::Credit);
        check(
            "来源:某某新闻网-今日某县 作者:记者 金斌 2020年02月25日08:43:34",
            LineKind::Credit,
        );
        check(
            "2020-02-03 20:06 来源:报业集团全媒体记者 陈辉/文 王亚洲/图 字号:",
            LineKind::Credit,
        );
        check("融媒记者 卢斌 摄", LineKind::PhotoCredit);
        check("首席记者 陈晓苏", LineKind::Byline);
        check("时间:2016-08-12     分享到:", LineKind::Credit);
        check("发布时间：2021-03-04 10:20", LineKind::Credit);
        check("本报记者 王小明 通讯员 李四", LineKind::Byline);
        check("本报特约评论员", LineKind::Commentary);
        check("请扫码下载登录", LineKind::Ad);
        check("家乡人自己的银行 请您关注今日头条", LineKind::Ad);
        check("BANK OF CHINA SOMEWHERE SUB-BRANCH", LineKind::Ad);
        check("中国农业银行 某某市支行", LineKind::Ad);
        check("延伸阅读", LineKind::Related);
        check("专题推荐", LineKind::Related);
        check("| 日期 | 3 | 4 | 5 |", LineKind::Table);
        check("02 时政·要闻", LineKind::PageIndex);
        check("(下转2版)", LineKind::Jump);
        check("市委常委会研究部署近期重点工作", LineKind::Text);
        check("市委书记章旭升主持会议。", LineKind::Text);
        check(
            "本报讯(融媒首席记者 陈晓苏) 1月27日上午,市委常委会召开会议,部署近期重点工作。",
            LineKind::Text,
        );
        check("中国人民银行召开工作会议", LineKind::Text);
    }

    /// The kind of each line of `page`.
    fn kinds(page: &str) -> Vec<LineKind> {
        lines(page).iter().map(|l| l.kind).collect()
    }

    #[test]
    fn related_list_swallows_short_lines_until_prose() {
        let page = "正文第一段。\n延伸阅读\n某某来嵊调研\n某某到看守所督查\n这是一段很长的正文，它有逗号，也有句号，足够长所以不再属于相关阅读的列表，而是新的文章正文的一部分内容，后面还有更多的正文内容在这里继续写下去。\n";
        assert_eq!(
            kinds(page),
            vec![
                LineKind::Text,
                LineKind::Related,
                LineKind::Related,
                LineKind::Related,
                LineKind::Text,
            ]
        );
    }

    #[test]
    fn a_teaser_cut_off_stays_in_the_related_list() {
        // Another story's opening, as long as prose but cut off with an ellipsis, is a link.
        let page = "正文第一段。\n新闻推荐\n8月5日,县政府召开第九次全体(扩大)会议,总结上半年各项目标任务完成情况,部署安排下半年各项重点工作。县长某某出席会议。某某强调,一要认清发展...\n这是一段很长的正文，它有逗号，也有句号，足够长所以不再属于相关阅读的列表，而是新的文章正文的一部分内容，后面还有更多的正文内容。\n";
        assert_eq!(
            kinds(page),
            vec![
                LineKind::Text,
                LineKind::Related,
                LineKind::Related,
                LineKind::Text,
            ]
        );
    }

    #[test]
    fn spans_point_at_trimmed_lines() {
        let page = "  昨日下午,会议召开。\r\n\u{3000}标题\n";
        let got: Vec<&str> = lines(page).iter().map(|l| l.span.slice(page)).collect();
        assert_eq!(got, vec!["昨日下午,会议召开。", "标题"]);
    }
}
