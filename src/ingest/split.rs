//! One page into its articles.
//!
//! A page is read line by line (see [`clean::lines`]): page chrome is left out, paragraphs broken
//! by the page layout are joined again, short unpunctuated lines before a body become its
//! headline, and photo captions and commentaries are told apart from news.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::clean::{self, LineKind, SENTENCE_END};
use crate::model::{Article, DocId, Document, Span};
use crate::text::regex;

/// What sort of text an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArticleKind {
    /// A news report.
    News,
    /// A signed commentary (本报特约评论员, 评论员): it may echo a meeting but does not report one.
    Commentary,
    /// A photo caption: a short text followed by `记者 X 摄`.
    Caption,
}

/// An article and what sort of text it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The article.
    pub article: Article,
    /// News, commentary or caption.
    pub kind: ArticleKind,
}

/// Splits a page into articles, leaving page chrome out.
pub fn articles(doc: &Document) -> Vec<Article> {
    pieces(doc).into_iter().map(|p| p.article).collect()
}

/// Splits a page into articles and says which are news, commentaries or captions.
pub fn pieces(doc: &Document) -> Vec<Piece> {
    pieces_of(doc.id, &doc.text)
}

/// A paragraph may start a new article without a headline when it opens like a news report.
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(本报[\p{Han}]{0,6}讯|又讯|新华社[\p{Han}]{0,8}电|央视网消息|[(（](记者|通讯员|融媒))")
});

/// A line that heads the paragraphs under it within a report (会议指出 / 会议要求：), however
/// short: the report goes on below it.
static CUE_HEADING: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(会议|会上)(强调|指出|要求|认为|提出|明确)\s*[：:]?$"));

/// A line that begins a new paragraph rather than continuing a broken one.
static PARAGRAPH_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(本报|新华社|央视网|据|会议|[一二三四五六七八九十]+是|\d{1,2}月\d{1,2}日|\d{1,2}日|\d{4}年|[(（【]|同时|此外|另外)",
    )
});

/// The least text, in bytes (about ten ideographs), that makes an article's body.
const MIN_BODY_BYTES: usize = 30;

/// A run of the page: one or more lines, joined when the layout broke a paragraph.
#[derive(Clone, Copy, Debug)]
struct Block {
    span: Span,
    kind: LineKind,
    joined: bool,
}

/// True when `line` ends a sentence: 。！？； or a closing quote right after one.
pub fn ends_sentence(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some(c) if SENTENCE_END.contains(&c) => true,
        Some('”' | '」' | '』' | '’' | '"' | ')' | '）') => {
            rev.next().is_some_and(|c| SENTENCE_END.contains(&c))
        }
        _ => false,
    }
}

/// Most characters of page furniture after a line's last full stop (展开详细, 阅读全文, a
/// reporter's name in brackets) for the line to still be a paragraph.
const MAX_TAIL: usize = 12;

/// True when `line` is a paragraph with a short tail after its last full stop (…参加会议。
/// 展开详细): sentences, not a headline, though it does not end on a stop.
fn sentences_with_a_tail(line: &str) -> bool {
    line.rfind('。').is_some_and(|i| {
        line[..i].chars().count() >= 20
            && line[i + '。'.len_utf8()..].trim().chars().count() <= MAX_TAIL
    })
}

/// True when the layout broke a paragraph after `cur`, and `next` carries it on.
fn continues(cur: &str, next: &str) -> bool {
    let prose = cur.contains(['，', ',', '、', '：']);
    prose
        && cur.chars().count() >= 8
        && !ends_sentence(cur)
        && !PARAGRAPH_START.is_match(next)
        && (next.contains(['，', ',', '。', '、']) || ends_sentence(next))
}

/// Groups the page's lines into blocks, joining paragraphs the layout broke.
fn blocks(text: &str) -> Vec<Block> {
    let lines = clean::lines(text);
    let mut out: Vec<Block> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let mut block = Block {
            span: line.span,
            kind: line.kind,
            joined: false,
        };
        i += 1;
        if line.kind == LineKind::Text {
            // Follow the paragraph over blank lines while each line carries on the last one.
            let mut last = line.span;
            loop {
                let mut j = i;
                while j < lines.len() && lines[j].kind == LineKind::Blank {
                    j += 1;
                }
                let Some(next) = lines.get(j) else { break };
                if next.kind != LineKind::Text
                    || !continues(last.slice(text), next.span.slice(text))
                {
                    break;
                }
                block.span.end = next.span.end;
                block.joined = true;
                last = next.span;
                i = j + 1;
            }
        }
        out.push(block);
    }
    out
}

/// The article being built.
#[derive(Debug, Default)]
struct Draft {
    start: Option<usize>,
    headline: Option<Span>,
    paragraphs: Vec<Span>,
    commentary: bool,
}

impl Draft {
    fn begin(&mut self, at: usize) {
        if self.start.is_none() {
            self.start = Some(at);
        }
    }
}

/// Collects finished articles.
struct Builder {
    doc: DocId,
    out: Vec<Piece>,
    draft: Draft,
    /// Headline lines seen since the last body paragraph.
    pending: Option<Span>,
}

impl Builder {
    /// Ends the current article, keeping it when it has a body.
    fn finish(&mut self) {
        let draft = std::mem::take(&mut self.draft);
        let (Some(start), Some(last)) = (draft.start, draft.paragraphs.last()) else {
            return;
        };
        // A few short lines (注意!, a slogan) are not an article's body.
        let body: usize = draft.paragraphs.iter().map(Span::len).sum();
        if body < MIN_BODY_BYTES {
            return;
        }
        let kind = if draft.commentary {
            ArticleKind::Commentary
        } else {
            ArticleKind::News
        };
        let span = Span::new(start, last.end);
        self.out.push(Piece {
            article: Article {
                doc: self.doc,
                span,
                headline: draft.headline,
                paragraphs: draft.paragraphs,
            },
            kind,
        });
    }

    /// Starts the body of an article: the pending headline becomes its headline.
    fn body(&mut self, para: Span) {
        if self.draft.paragraphs.is_empty() {
            if let Some(h) = self.pending.take() {
                self.draft.headline = Some(h);
                self.draft.begin(h.start);
            }
        }
        self.draft.begin(para.start);
        self.draft.paragraphs.push(para);
    }

    /// The last paragraph was a photo caption: move it out into its own piece.
    fn caption(&mut self) {
        let Some(para) = self.draft.paragraphs.pop() else {
            return;
        };
        let headline = if self.draft.paragraphs.is_empty() {
            let h = self.draft.headline.take();
            self.draft = Draft::default();
            h
        } else {
            None
        };
        let start = headline.map_or(para.start, |h| h.start);
        self.out.push(Piece {
            article: Article {
                doc: self.doc,
                span: Span::new(start, para.end),
                headline,
                paragraphs: vec![para],
            },
            kind: ArticleKind::Caption,
        });
    }
}

/// Splits `text` into articles; spans index `text`.
pub fn pieces_of(doc: DocId, text: &str) -> Vec<Piece> {
    let mut b = Builder {
        doc,
        out: Vec::new(),
        draft: Draft::default(),
        pending: None,
    };
    let mut blanks = 0usize;
    for block in blocks(text) {
        let s = block.span.slice(text);
        match block.kind {
            LineKind::Blank => {
                blanks += 1;
                continue;
            }
            LineKind::Text => {
                // 会议指出 inside a report heads what follows; before any body it may head one.
                let heads_paragraphs = CUE_HEADING.is_match(s) && !b.draft.paragraphs.is_empty();
                let headline_like = !block.joined
                    && !ends_sentence(s)
                    && !sentences_with_a_tail(s)
                    && !heads_paragraphs
                    && s.chars().count() <= 150;
                if headline_like {
                    if !b.draft.paragraphs.is_empty() {
                        b.finish();
                    }
                    // A long gap means the earlier short lines were a masthead, not this headline.
                    let keep = b.pending.filter(|_| blanks < 2);
                    b.pending =
                        Some(keep.map_or(block.span, |p| Span::new(p.start, block.span.end)));
                } else {
                    if !b.draft.paragraphs.is_empty() && OPENER.is_match(s) {
                        b.finish();
                    }
                    b.body(block.span);
                }
            }
            LineKind::Byline | LineKind::Commentary => {
                if !b.draft.paragraphs.is_empty() {
                    b.finish();
                }
                if block.kind == LineKind::Commentary {
                    b.draft.commentary = true;
                }
                // The byline sits between a headline and its body; it does not end the headline.
                if b.pending.is_none() {
                    b.draft.begin(block.span.start);
                }
            }
            LineKind::PhotoCredit => b.caption(),
            LineKind::Credit => {}
            LineKind::Ad => b.pending = None,
            LineKind::Menu
            | LineKind::Copyright
            | LineKind::Related
            | LineKind::Table
            | LineKind::PageIndex
            | LineKind::Jump => {
                b.finish();
                b.pending = None;
            }
        }
        blanks = 0;
    }
    b.finish();
    b.out
        .sort_by_key(|p| (p.article.span.start, p.article.span.end));
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::flatten;

    /// Splits `page` and renders each piece as `kind|headline|paragraph/paragraph`.
    fn check(page: &str, expect: &[&str]) {
        let got: Vec<String> = pieces_of(DocId(0), page)
            .iter()
            .map(|p| {
                let head = p
                    .article
                    .headline
                    .map(|h| flatten(page, h))
                    .unwrap_or_default();
                let paras: Vec<String> = p
                    .article
                    .paragraphs
                    .iter()
                    .map(|s| flatten(page, *s))
                    .collect();
                format!("{:?}|{head}|{}", p.kind, paras.join("/"))
            })
            .collect();
        assert_eq!(got, expect, "{page}");
    }

    #[test]
    fn a_report_goes_on_past_page_furniture_and_cue_headings() {
        // A lead with a button's words after its last full stop is a paragraph, not a headline.
        check(
            "12月15日,市长某某主持召开市长碰头会,听取近期重点工作情况。市领导某某参加会议。 展开详细\n会议要求,要推动工作落实。\n",
            &[
                "News||12月15日,市长某某主持召开市长碰头会,听取近期重点工作情况。市领导某某参加会议。 展开详细/会议要求,要推动工作落实。",
            ],
        );
        // 会议指出 / 会议要求 on lines of their own head the paragraphs under them.
        check(
            "市委常委会召开会议\n3月20日,市委召开常委会会议,研究有关工作。\n会议指出\n目的是统一思想。\n会议要求：\n要抓好落实。\n",
            &[
                "News|市委常委会召开会议|3月20日,市委召开常委会会议,研究有关工作。/会议指出/目的是统一思想。/会议要求：/要抓好落实。",
            ],
        );
        // A short line with no full stop is still a headline.
        check(
            "市长碰头会召开 展开详细\n12月15日,市长某某主持召开市长碰头会。\n",
            &["News|市长碰头会召开 展开详细|12月15日,市长某某主持召开市长碰头会。"],
        );
    }

    #[test]
    fn splits_pages_into_articles() {
        check(
            "日报\n\n\n\n某市委常委会召开会议 部署工作\n\n首席记者 张三\n\n本报讯 14日,市委常委会召开会议。\n\n会议强调,要做好工作。\n",
            &[
                "News|某市委常委会召开会议 部署工作|本报讯 14日,市委常委会召开会议。/会议强调,要做好工作。",
            ],
        );
        // A paragraph broken by the layout is joined, across a blank line.
        check(
            "标题\n\n会议指出,习近平总书记的重要讲\n\n话,科学分析当前形势。\n",
            &["News|标题|会议指出,习近平总书记的重要讲话,科学分析当前形势。"],
        );
        check(
            "标题\n会议强调,要全力推动企业复\n工复产,统筹推进稳企业。\n",
            &["News|标题|会议强调,要全力推动企业复工复产,统筹推进稳企业。"],
        );
        // Two articles, the second without a byline.
        check(
            "第一篇 标题\n本报讯 昨日上午,全市工作会议召开。\n\n\n\n第二篇 标题\n本报讯 市领导看望医护人员。\n",
            &[
                "News|第一篇 标题|本报讯 昨日上午,全市工作会议召开。",
                "News|第二篇 标题|本报讯 市领导看望医护人员。",
            ],
        );
        // A photo caption with its credit, then an ad.
        check(
            "防疫不放松\n\n不少市民主动前往检测点进行核酸检测。图为工作人员正在采样。\n\n融媒记者 卢斌 摄\n\n请扫码下载登录\n",
            &["Caption|防疫不放松|不少市民主动前往检测点进行核酸检测。图为工作人员正在采样。"],
        );
        // A commentary.
        check(
            "为 抗疫宝宝 铭记\n\n本报特约评论员\n\n疫情发生以来,我市共排摸出孕产妇201名。\n\n(下转2版)\n\n02 时政·要闻\n",
            &["Commentary|为 抗疫宝宝 铭记|疫情发生以来,我市共排摸出孕产妇201名。"],
        );
        // Menus, credits and related reading are left out.
        check(
            "首页 | 新闻 | 专题 | 论坛 |\n市委常委会会议召开\n来源:某某网 作者:记者 金斌 2020年02月25日08:43:34\n\n  昨日下午,市委常委会会议召开。\n编辑:何东铭\n  延伸阅读\n某某来调研\n",
            &["News|市委常委会会议召开|昨日下午,市委常委会会议召开。"],
        );
        // A short exclamation between ads is not an article.
        check("来人员 注意!\n请扫码下载登录\n", &[]);
        // A second report of the same column opens on 又讯.
        check(
            "县政府常务会议召开\n本报讯 5月23日,县长主持召开常务会议。\n又讯 5月29日,县长主持召开常务会议。\n",
            &[
                "News|县政府常务会议召开|本报讯 5月23日,县长主持召开常务会议。",
                "News||又讯 5月29日,县长主持召开常务会议。",
            ],
        );
        // Two reports back to back without headlines.
        check(
            "本报讯 昨日上午,甲会议在市里召开。\n本报讯 昨日下午,乙会议在县里召开。\n",
            &[
                "News||本报讯 昨日上午,甲会议在市里召开。",
                "News||本报讯 昨日下午,乙会议在县里召开。",
            ],
        );
    }

    #[test]
    fn sentence_ends() {
        for (s, e) in [
            ("会议召开。", true),
            ("“铜墙铁壁”。", true),
            ("他说:“要做好。”", true),
            ("加快重点工程项目建设,", false),
            ("打赢疫情防控阻击战", false),
        ] {
            assert_eq!(ends_sentence(s), e, "{s}");
        }
    }
}
