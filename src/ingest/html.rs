//! HTML to plain text through a real parser (`scraper`, html5ever): what a reader sees, one block
//! per line, without scripts, styles or the `<head>`.

use scraper::{ElementRef, Html, Node, Selector};

use crate::model::PageMeta;

/// Elements whose content a reader never sees.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "head", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "select", "datalist",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The visible text of an HTML page: block elements and `<br>` become line breaks, entities are
/// decoded, whitespace is collapsed within each line and empty lines are dropped.
pub fn html_text(source: &str) -> String {
    render(source, false)
}

/// The text of a plain-text or Markdown file with HTML tags inline (`<p>…</p>` pasted among
/// Markdown lines): tags go as in [`html_text`], but the file's own line breaks stay, because
/// its author wrote them as line breaks.
pub fn inline_html_text(source: &str) -> String {
    render(source, true)
}

/// [`html_text`] (or, with `keep_newlines`, [`inline_html_text`]) and what the page says about
/// itself in its head and markup, from one parse.
pub fn read_html(source: &str, keep_newlines: bool) -> (String, PageMeta) {
    let page = Html::parse_document(&super::depth::cap_depth(source, super::depth::MAX_DEPTH));
    let mut out = Writer {
        pre_depth: usize::from(keep_newlines),
        ..Writer::default()
    };
    walk(page.root_element(), &mut out);
    let mut meta = page_meta(&page);
    if meta.url.is_none() {
        meta.url = saved_from(source);
    }
    (out.text, meta)
}

/// The address a browser wrote into a page it saved: `<!-- saved from url=(0045)http://… -->`,
/// near the top of the file.
fn saved_from(source: &str) -> Option<String> {
    let mut top = source.len().min(4096);
    while !source.is_char_boundary(top) {
        top -= 1;
    }
    let head = &source[..top];
    let at = head.find("saved from url=")? + "saved from url=".len();
    let rest = &head[at..];
    // The length in brackets, then the address up to the comment's end.
    let rest = match rest.strip_prefix('(') {
        Some(r) => &r[r.find(')')? + 1..],
        None => rest,
    };
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>')
        .unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches("--").trim();
    (url.starts_with("http") && url.len() > 8).then(|| url.to_string())
}

fn render(source: &str, keep_newlines: bool) -> String {
    read_html(source, keep_newlines).0
}

/// `<meta>` names and properties that give the publication time, best first.
const PUBLISHED_NAMES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publishtime",
    "firstpublishedtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
];

/// `<meta>` names and properties that name the site or outlet, best first.
const SITE_NAMES: &[&str] = &[
    "og:site_name",
    "sitename",
    "site_name",
    "contentsource",
    "source",
];

/// What the page's `<meta>`, `<link rel=canonical>`, `<title>` and `<time>` elements say.
fn page_meta(page: &Html) -> PageMeta {
    let Ok(selector) = Selector::parse("meta, link, title, time") else {
        return PageMeta::default();
    };
    // For each field, the value with the best rank seen so far (lower is better).
    let mut published: Option<(usize, String)> = None;
    let mut site: Option<(usize, String)> = None;
    let mut url: Option<(usize, String)> = None;
    let mut title: Option<(usize, String)> = None;
    let offer = |slot: &mut Option<(usize, String)>, rank: usize, value: &str| {
        let value = value.trim();
        if !value.is_empty() && slot.as_ref().is_none_or(|(r, _)| rank < *r) {
            *slot = Some((rank, value.to_string()));
        }
    };
    for el in page.select(&selector) {
        let v = el.value();
        match v.name() {
            "meta" => {
                let key = v
                    .attr("property")
                    .or_else(|| v.attr("name"))
                    .or_else(|| v.attr("itemprop"))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let content = v.attr("content").unwrap_or("");
                if let Some(r) = PUBLISHED_NAMES.iter().position(|n| *n == key) {
                    offer(&mut published, r, content);
                } else if let Some(r) = SITE_NAMES.iter().position(|n| *n == key) {
                    offer(&mut site, r, content);
                } else if key == "og:url" {
                    offer(&mut url, 0, content);
                } else if key == "og:title" {
                    offer(&mut title, 1, content);
                }
            }
            "link" => {
                let canonical = v.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    offer(&mut url, 1, v.attr("href").unwrap_or(""));
                }
            }
            "title" => {
                let text: String = el.text().collect();
                offer(
                    &mut title,
                    0,
                    &text.split_whitespace().collect::<Vec<_>>().join(" "),
                );
            }
            "time" => {
                offer(
                    &mut published,
                    PUBLISHED_NAMES.len(),
                    v.attr("datetime").unwrap_or(""),
                );
            }
            _ => {}
        }
    }
    PageMeta {
        published: published.map(|(_, v)| v),
        url: url.map(|(_, v)| v),
        site: site.map(|(_, v)| v),
        title: title.map(|(_, v)| v),
    }
}

/// A text without its leading blanks and comments such as the `<!-- saved from url=… -->` a
/// browser writes into saved pages.
fn opening(text: &str) -> &str {
    let blank = ['\u{FEFF}', ' ', '\t', '\n', '\r'];
    let mut rest = text.trim_start_matches(blank);
    while let Some(comment) = rest.strip_prefix("<!--") {
        rest = comment
            .find("-->")
            .map_or("", |end| &comment[end + 3..])
            .trim_start_matches(blank);
    }
    rest
}

/// The first 4096 characters of `rest`, lowercased, for sniffing. Every test on the head looks
/// for an ASCII tag, so ASCII letters alone are lowercased, and a text with no `<` there (most
/// reports) gives an empty head without being copied.
fn head_of(rest: &str) -> String {
    // The first 4096 characters lie in the first 16 KiB: a page with no `<` there has no tag
    // in them, and its characters need not be counted.
    let bytes = &rest.as_bytes()[..rest.len().min(4 * 4096)];
    if memchr::memchr(b'<', bytes).is_none() {
        return String::new();
    }
    let window = rest
        .char_indices()
        .nth(4096)
        .map_or(rest, |(end, _)| &rest[..end]);
    if !window.contains('<') {
        return String::new();
    }
    window.to_ascii_lowercase()
}

/// True when a text is a whole HTML page: it opens with a doctype, an `<html>` tag or an XML
/// declaration followed by one.
pub fn is_html_document(text: &str) -> bool {
    let rest = opening(text);
    // Every opening this looks for is a tag.
    if !rest.starts_with('<') {
        return false;
    }
    let head = head_of(rest);
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || ((head.starts_with("<head") || head.starts_with("<meta")) && head.contains("<body"))
}

/// True when a text carries HTML tags (four or more common ones near its start), as a page's
/// source pasted into a text file does.
pub fn has_html_tags(text: &str) -> bool {
    let head = head_of(opening(text));
    let tags = [
        "<p>", "<p ", "</p>", "<div", "</div>", "<br", "<span", "</td>", "<a href", "</li>",
    ];
    let count: usize = tags.iter().map(|t| head.matches(t).count()).sum();
    count >= 4
}

#[derive(Default)]
struct Writer {
    text: String,
    /// A line break is due before the next visible character.
    break_due: bool,
    /// Whitespace seen since the last character; `Some(true)` when it held a line break.
    space_due: Option<bool>,
    /// Inside `<pre>`, line breaks in the source are kept.
    pre_depth: usize,
}

impl Writer {
    fn block(&mut self) {
        self.break_due = true;
        self.space_due = None;
    }

    fn space(&mut self, newline: bool) {
        let had = self.space_due.unwrap_or(false);
        self.space_due = Some(had || newline);
    }

    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c == '\n' && self.pre_depth > 0 {
                self.block();
            } else if c.is_whitespace() {
                self.space(c == '\n' || c == '\r');
            } else {
                self.push_char(c);
            }
        }
    }

    fn push_char(&mut self, c: char) {
        let at_start = self.text.is_empty() || self.text.ends_with('\n');
        if self.break_due && !at_start {
            self.text.push('\n');
        } else if let Some(newline) = self.space_due
            && !at_start
        {
            // CSS Text 3: a line break in the source between two wide (CJK) characters is not
            // a space; Chinese pages wrap long paragraphs in the source anywhere.
            let prev = self.text.chars().next_back().unwrap_or(' ');
            if !(newline && is_wide(prev) && is_wide(c)) {
                self.text.push(' ');
            }
        }
        self.break_due = false;
        self.space_due = None;
        self.text.push(c);
    }
}

/// CJK ideographs, kana, Hangul and full-width punctuation.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFF)
}

/// One step of the walk: enter a node, or leave an element with this name.
enum Step<N> {
    Enter(N),
    Leave(&'static str),
}

/// Walks the tree with an explicit stack, not recursion: a broken page can nest tens of
/// thousands of unclosed `<div>`s, deeper than a thread's stack.
fn walk(root: ElementRef<'_>, out: &mut Writer) {
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(name) => {
                leave(name, out);
                continue;
            }
            Step::Enter(node) => node,
        };
        let el = match node.value() {
            Node::Text(text) => {
                out.push_text(text);
                continue;
            }
            Node::Element(el) => el,
            _ => continue,
        };
        let name = el.name();
        if HIDDEN.contains(&name)
            || el.attr("hidden").is_some()
            || hidden_by_style(el.attr("style"))
        {
            continue;
        }
        let kind = match name {
            "br" => {
                out.block();
                continue;
            }
            "td" | "th" => {
                out.space(false);
                "cell"
            }
            "pre" => {
                out.pre_depth += 1;
                out.block();
                "pre"
            }
            _ if BLOCKS.contains(&name) => {
                out.block();
                "block"
            }
            _ => "inline",
        };
        stack.push(Step::Leave(kind));
        stack.extend(node.children().rev().map(Step::Enter));
    }
}

/// Closes an element entered as `kind` (`cell`, `pre`, `block` or `inline`).
fn leave(kind: &str, out: &mut Writer) {
    match kind {
        "cell" => out.space(false),
        "pre" => {
            out.pre_depth = out.pre_depth.saturating_sub(1);
            out.block();
        }
        "block" => out.block(),
        _ => {}
    }
}

/// `style="display:none"` or `visibility:hidden`, as pages use for hidden share widgets.
fn hidden_by_style(style: Option<&str>) -> bool {
    style.is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expect: &str) {
        assert_eq!(html_text(html), expect, "{html}");
    }

    #[test]
    fn text() {
        check(
            "<p>会议强调</p><p>要坚持两手抓</p>",
            "会议强调\n要坚持两手抓",
        );
        check(
            "<div>本报讯<br>14日，市委常委会召开扩大会议</div>",
            "本报讯\n14日，市委常委会召开扩大会议",
        );
        check(
            "<p>会议指出，\n    要坚决打赢\n    疫情防控阻击战</p>",
            "会议指出，要坚决打赢疫情防控阻击战",
        );
        check("<p>Xi  Jinping\n said</p>", "Xi Jinping said");
        check(
            "<p>  2020年2月3日  <b>星期一</b> </p>",
            "2020年2月3日 星期一",
        );
        check(
            "<p>外防输入&#x3001;内防反弹&nbsp;&amp;&lt;&gt;&quot;</p>",
            "外防输入、内防反弹 &<>\"",
        );
        check(
            "<h1>标题</h1>\n\n<p></p><p> </p><div><p>正文</p></div>",
            "标题\n正文",
        );
        check(
            "<ul><li>首页</li><li>新闻</li></ul><p>记者 <a href='#'>陈晓苏</a></p>",
            "首页\n新闻\n记者 陈晓苏",
        );
        check(
            "<table><tr><td>地区</td><td>确诊</td></tr><tr><td>盐城</td><td>5</td></tr></table>",
            "地区 确诊\n盐城 5",
        );
        check("<pre>第一行\n第二行</pre>", "第一行\n第二行");
    }

    #[test]
    fn inline_tags_keep_the_files_lines() {
        let md = "# 《新闻联播》\n\n本期节目主要内容：\n\n1.会议召开；\n<p><strong>央视网消息</strong>：会议强调，</p><p>要坚持。</p>";
        assert_eq!(
            inline_html_text(md),
            "# 《新闻联播》\n本期节目主要内容：\n1.会议召开；\n央视网消息：会议强调，\n要坚持。"
        );
        assert_eq!(inline_html_text("a &amp; b<br>c"), "a & b\nc");
    }

    #[test]
    fn deep_nesting() {
        let deep = format!(
            "{}会议强调{}",
            "<div><span>".repeat(10_000),
            "</span></div>".repeat(10)
        );
        assert_eq!(html_text(&deep), "会议强调");
    }

    #[test]
    fn hidden_parts() {
        check(
            "<html><head><title>标题栏</title><style>p{color:red}</style></head><body><p>正文</p></body></html>",
            "正文",
        );
        check(
            "<p>正文</p><script>var a = '<p>脚本</p>';</script><noscript>请启用脚本</noscript>",
            "正文",
        );
        check(
            "<p>正文</p><div style='display: none'>分享到微信</div><div hidden>隐藏</div>",
            "正文",
        );
        check("<p>正文<!-- 注释 --></p>", "正文");
    }

    fn check_detect(text: &str, document: bool, tags: bool) {
        assert_eq!(
            (is_html_document(text), has_html_tags(text)),
            (document, tags),
            "{text}"
        );
    }

    #[test]
    fn detection() {
        check_detect("<!DOCTYPE html><html><body>会议</body></html>", true, false);
        check_detect(
            "\n  <html lang=\"zh\"><head></head><body></body></html>",
            true,
            false,
        );
        check_detect(
            "<div class=\"t\">会议</div><div>强调</div><p>要</p></div>",
            false,
            true,
        );
        check_detect(
            "# 新闻联播\n\n<p><strong>央视网消息</strong>：会议强调</p><p>要坚持</p>",
            false,
            true,
        );
        check_detect(
            "本报讯 14日，市委常委会召开扩大会议。\n会议强调，要坚持两手抓。",
            false,
            false,
        );
        check_detect("文中提到 <p> 标签一次。", false, false);
        check_detect("<?xml version=\"1.0\"?><rss></rss>", false, false);
        check_detect(
            "<!-- saved from url=(0045)http://www.example.cn/ -->\n<!DOCTYPE html><html>",
            true,
            false,
        );
        check_detect("<!-- 未闭合的注释", false, false);
    }

    /// The metadata of `html` as "published|url|site|title", "-" for what is missing.
    fn check_meta(html: &str, expect: &str) {
        let m = read_html(html, false).1;
        let f = |v: Option<String>| v.unwrap_or_else(|| "-".into());
        let got = [f(m.published), f(m.url), f(m.site), f(m.title)].join("|");
        assert_eq!(got, expect, "{html}");
    }

    #[test]
    fn metadata() {
        check_meta(
            "<html><head><title> 县委召开常委会 _ 某某新闻网 </title><meta property=\"article:published_time\" content=\"2020-02-15T08:00:00+08:00\"><meta property=\"og:url\" content=\"http://example.cn/a.html\"><meta property=\"og:site_name\" content=\"某某新闻网\"></head><body><p>正文</p></body></html>",
            "2020-02-15T08:00:00+08:00|http://example.cn/a.html|某某新闻网|县委召开常委会 _ 某某新闻网",
        );
        check_meta(
            "<html><head><meta name=\"PubDate\" content=\"2021-03-04 10:00\"><meta name=\"SiteName\" content=\"某县人民政府\"><link rel=\"canonical\" href=\"http://example.gov.cn/2021/0304/1.html\"></head><body><p>正文</p></body></html>",
            "2021-03-04 10:00|http://example.gov.cn/2021/0304/1.html|某县人民政府|-",
        );
        // The address a browser wrote when it saved the page; the page's own address wins.
        check_meta(
            "<!-- saved from url=(0045)http://www.example.gov.cn/2021/0304/1.html -->\n<html><head></head><body><p>正文</p></body></html>",
            "-|http://www.example.gov.cn/2021/0304/1.html|-|-",
        );
        check_meta(
            "<!-- saved from url=(0020)http://a.example.cn/ -->\n<html><head><link rel=\"canonical\" href=\"http://b.example.cn/1.html\"></head><body></body></html>",
            "-|http://b.example.cn/1.html|-|-",
        );
        check_meta(
            "<html><head><meta name=\"publishdate\" content=\"2019-01-02\"><meta name=\"pubdate\" content=\"2019-01-03\"></head><body><time datetime=\"2019-01-04\">1月4日</time></body></html>",
            "2019-01-03|-|-|-",
        );
        check_meta(
            "<p>发布时间:<time datetime=\"2018-05-06T09:00\">5月6日</time></p>",
            "2018-05-06T09:00|-|-|-",
        );
        check_meta("<p>正文</p>", "-|-|-|-");
    }
}
