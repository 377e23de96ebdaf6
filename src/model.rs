//! The plain data Tifa works on: documents, articles, meetings, directives, places and dates.
//!
//! Every result points back into its document's text with a byte-range [`Span`], so each row of
//! every table can be traced to the sentence it came from.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Index of a [`Document`] in its corpus.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct DocId(pub u32);

/// Index of a [`Meeting`] in an analysis.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct MeetingId(pub u32);

impl fmt::Display for MeetingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "m{}", self.0)
    }
}

/// A byte range `start..end` into a document's `text`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The text this span covers, or `""` when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How a file was stored on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`, or anything that decodes as text).
    Text,
    /// Markdown (`.md`), read as text.
    Markdown,
    /// HTML, from an `.html`/`.htm`/`.shtml` file or HTML pasted into a text file.
    Html,
    /// A Word document (`.docx`).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// The lowercase name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// A locality: province, prefecture or county-level division of the PRC.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Place {
    /// The common short name, e.g. 永康 for 永康市, 盐城 for 盐城市.
    pub name: Arc<str>,
    /// Province, prefecture and county joined, e.g. 浙江省金华市永康市.
    pub full: Arc<str>,
    /// The administrative division code, e.g. 330784.
    pub code: Arc<str>,
    /// Province, prefecture or county.
    pub level: PlaceLevel,
}

impl Place {
    /// Its level, when it is known: a place of the gazetteer (it has a division code) or the
    /// Centre; `None` for a name typed by hand that the gazetteer does not know.
    pub fn known_level(&self) -> Option<PlaceLevel> {
        (!self.code.is_empty() || self.level == PlaceLevel::National).then_some(self.level)
    }
}

/// The level of a [`Place`] in the administrative hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// The Centre: meetings of the Party Centre, the State Council and the national legislature.
    National,
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 地区, 自治州, 盟.
    Prefecture,
    /// 县, 县级市, 区, 旗.
    County,
}

impl PlaceLevel {
    /// The lowercase name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::National => "national",
            PlaceLevel::Province => "province",
            PlaceLevel::Prefecture => "prefecture",
            PlaceLevel::County => "county",
        }
    }
}

/// What a date was read from, so a user knows which dates to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// Written out in full in the article (2020年2月3日, 2020-02-03).
    Explicit,
    /// A partial date (14日, 1月27日) completed from the page's masthead.
    Masthead,
    /// A partial date completed from a dateline or publication line (2020-02-03 20:06 来源…).
    Dateline,
    /// A relative day (昨日, 前天, 今天) counted from the publication date.
    Relative,
    /// A year, or the whole date, inferred from other dates on the page or dated vocabulary.
    Inferred,
    /// Completed from the page's HTML metadata (`article:published_time`, `pubdate`, `<time>`).
    Metadata,
    /// Completed from the file's name or its folders (`2019-02-22.txt`, `/2020/02/15/`).
    Path,
    /// Entered by hand.
    Corrected,
}

impl DateBasis {
    /// The lowercase name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Explicit => "explicit",
            DateBasis::Masthead => "masthead",
            DateBasis::Dateline => "dateline",
            DateBasis::Relative => "relative",
            DateBasis::Inferred => "inferred",
            DateBasis::Metadata => "metadata",
            DateBasis::Path => "path",
            DateBasis::Corrected => "corrected",
        }
    }
}

/// How precisely a [`PolicyDate`] is known.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// The day is known.
    #[default]
    Day,
    /// Only the month is known; `date` is its first day.
    Month,
    /// Only a window is known (近日, 日前, 昨天 with no publication date): see `range`.
    Approximate,
}

impl DatePrecision {
    /// The lowercase name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Approximate => "approximate",
        }
    }
}

/// A calendar date with what it was read from and how precise it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PolicyDate {
    /// The day, or the best estimate of it.
    pub date: NaiveDate,
    /// How it was found.
    pub basis: DateBasis,
    /// How precisely it is known.
    #[serde(default)]
    pub precision: DatePrecision,
    /// `[earliest, latest]` when the page only bounds the date.
    #[serde(default)]
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// False when the page gives month and day but nothing says the year: the year in `date`
    /// is then an estimate from dated vocabulary (basis `inferred`) or a placeholder.
    #[serde(default = "year_known_default")]
    pub year_known: bool,
}

fn year_known_default() -> bool {
    true
}

impl PolicyDate {
    /// A date known to the day.
    pub fn new(date: NaiveDate, basis: DateBasis) -> Self {
        Self {
            date,
            basis,
            precision: DatePrecision::Day,
            range: None,
            year_known: true,
        }
    }
}

/// Something wrong with one input, reported instead of aborting.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Problem {
    /// The path as given, or a label such as `seed:000.txt`.
    pub path: String,
    /// One line saying what is wrong, e.g. `not text: looks like a PDF`.
    pub message: String,
}

/// One file, decoded to text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    /// Position in the corpus.
    pub id: DocId,
    /// The path as given (or `seed:NAME` for the built-in corpus).
    pub path: String,
    /// The encoding the bytes were decoded from, e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
    pub encoding: String,
    /// How the file was stored.
    pub format: Format,
    /// The page as text: HTML and DOCX reduced to paragraphs, one per line. Held, or read from
    /// the project file the first time it is asked for ([`Text::kept`]).
    pub text: Text,
    /// The publication date read from the page (masthead, dateline), if any.
    #[serde(default)]
    pub published: Option<PolicyDate>,
    /// The locality the page reports for (its paper, site or 我市 mentions), if found.
    #[serde(default)]
    pub place: Option<Place>,
    /// Non-fatal problems with this document, one line each.
    #[serde(default)]
    pub problems: Vec<String>,
    /// What the page's HTML metadata says, when it was HTML.
    #[serde(default)]
    pub meta: PageMeta,
}

/// What a page says about itself in its HTML head or markup, kept as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    /// `article:published_time`, `pubdate`, `publishdate`, `<time datetime>`, as written.
    #[serde(default)]
    pub published: Option<String>,
    /// The page's own address (`og:url`, `<link rel=canonical>`), if given.
    #[serde(default)]
    pub url: Option<String>,
    /// The site or outlet name (`og:site_name`, `source` meta), if given.
    #[serde(default)]
    pub site: Option<String>,
    /// The `<title>` or `og:title`.
    #[serde(default)]
    pub title: Option<String>,
}

impl Document {
    /// A plain UTF-8 text document with nothing read from it yet: the shape pasted text and
    /// generated test pages take.
    pub fn from_text(id: DocId, path: impl Into<String>, text: &str) -> Self {
        Self {
            id,
            path: path.into(),
            encoding: "UTF-8".into(),
            format: Format::Text,
            text: Text::from(text),
            published: None,
            place: None,
            problems: Vec::new(),
            meta: PageMeta::default(),
        }
    }
}

/// Where texts not held in memory are read from: a project file, by document row.
pub trait TextSource: Send + Sync {
    /// The text kept under `key`.
    fn read(&self, key: i64) -> Result<String, String>;
}

/// A document's text: held in memory, or kept elsewhere (a project file) and read the first
/// time it is asked for, then held. It reads as a `str` either way.
#[derive(Clone, Default)]
pub struct Text {
    held: std::sync::OnceLock<Arc<str>>,
    kept: Option<(Arc<dyn TextSource>, i64)>,
    /// Its length in bytes, when known without reading it.
    bytes: Option<usize>,
}

impl Text {
    /// A text of `bytes` bytes kept in `source` under `key`, not read yet.
    pub fn kept(source: Arc<dyn TextSource>, key: i64, bytes: Option<usize>) -> Self {
        Self {
            held: std::sync::OnceLock::new(),
            kept: Some((source, key)),
            bytes,
        }
    }

    /// Its length in bytes, read from where it is kept only when its length was not kept
    /// with it.
    pub fn bytes(&self) -> usize {
        match (self.held.get(), self.bytes) {
            (None, Some(n)) => n,
            _ => self.len(),
        }
    }

    /// True once the text is in memory (always, for a text that was never kept elsewhere).
    pub fn is_held(&self) -> bool {
        self.kept.is_none() || self.held.get().is_some()
    }

    /// The text, shared.
    pub fn shared(&self) -> Arc<str> {
        Arc::clone(self.held())
    }

    fn held(&self) -> &Arc<str> {
        self.held.get_or_init(|| match &self.kept {
            Some((source, key)) => match source.read(*key) {
                Ok(t) => Arc::from(t),
                Err(e) => {
                    log::error!("the text of document row {key} cannot be read: {e}");
                    Arc::from("")
                }
            },
            None => Arc::from(""),
        })
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.held()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.held()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.held()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self::from(Arc::<str>::from(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self::from(Arc::<str>::from(s))
    }
}

impl From<Arc<str>> for Text {
    fn from(s: Arc<str>) -> Self {
        Self {
            held: std::sync::OnceLock::from(s),
            kept: None,
            bytes: None,
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Text {}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.kept, self.held.get()) {
            (Some((_, key)), None) => write!(f, "Text(kept, row {key})"),
            _ => fmt::Debug::fmt(&**self, f),
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::from(String::deserialize(d)?))
    }
}

/// One article of a page: a headline and its body, with page chrome left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The document it belongs to.
    pub doc: DocId,
    /// The whole article in the document's text, headline included.
    pub span: Span,
    /// The headline lines, if any were found.
    pub headline: Option<Span>,
    /// The body paragraphs; page breaks inside a paragraph are already joined.
    pub paragraphs: Vec<Span>,
}

/// A clause a meeting lays down: 会议强调, 要…, 必须…, 一是….
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    /// The clause as a reader sees it (page-break line breaks removed).
    pub text: String,
    /// Where it stands in the document's text.
    pub span: Span,
    /// The cue that introduced it, e.g. 会议强调 or 章旭升指出; empty for a bare 要….
    pub cue: String,
}

/// One report of a meeting: the article of a document that tells of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReportRef {
    /// The document.
    pub doc: DocId,
    /// The article in it.
    pub article: Span,
}

/// A report of a convened meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Stable id within the analysis.
    pub id: MeetingId,
    /// The document it was found in.
    pub doc: DocId,
    /// The article that reports it.
    pub article: Span,
    /// The locality whose report it is.
    pub place: Option<Place>,
    /// When it was held.
    pub date: Option<PolicyDate>,
    /// The meeting's name, e.g. 市委常委会会议.
    pub title: String,
    /// The leader who chaired it, or the leader the report is built around.
    pub chair: Option<String>,
    /// What it laid down, in document order.
    pub directives: Vec<Directive>,
    /// The body that convened it when that is not `place`: a parent's meeting attended at the
    /// locality's branch venue (分会场) is the locality's report, convened by the parent.
    #[serde(default)]
    pub convened_by: Option<Place>,
    /// When the place is ambiguous, every place it could be, best first; empty otherwise.
    #[serde(default)]
    pub place_candidates: Vec<Place>,
    /// Other reports of the same meeting (another page, a paper and its website); the first
    /// report is `doc`/`article`.
    #[serde(default)]
    pub reports: Vec<ReportRef>,
    /// The report names no place of its own and its page's place is of another kind than the
    /// body it speaks for (a district's 区委常委会 on a page that names only its province): the
    /// meeting does not take its document's place ([`crate::meeting::counted::place`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub page_place_unfit: bool,
}

/// Where a phrase occurs: a directive of a meeting and the byte range in the document's text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    /// The meeting whose directive carries the phrase.
    pub meeting: MeetingId,
    /// Index of the directive in `Meeting::directives`.
    pub directive: usize,
    /// The phrase's bytes in the document's text.
    pub span: Span,
    /// The variant found here, exactly as written.
    pub text: String,
}

/// One shape of a formula and how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The variant as written, e.g. 复产复工.
    pub text: String,
    /// Occurrences across all meetings.
    pub count: usize,
}

/// How one place uses a phrase group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceUse {
    /// Occurrences in this place's meetings.
    pub count: usize,
    /// Meetings of this place that use it.
    pub meetings: usize,
    /// The earliest dated meeting of this place that uses it.
    pub first: Option<NaiveDate>,
}

/// A recurring formula (提法) and its variants: 复工复产 ~ 复产复工.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhraseGroup {
    /// Stable index in the ranked list.
    pub id: u32,
    /// The most frequent variant, which names the group.
    pub phrase: String,
    /// Every shape found, most frequent first.
    pub variants: Vec<Variant>,
    /// What differs between the variants, e.g. `order: 复工复产 / 复产复工`; empty when one variant.
    pub differs: String,
    /// Per place (short name), how it is used; sorted by place name.
    pub places: std::collections::BTreeMap<String, PlaceUse>,
    /// Meetings using any variant, sorted.
    pub meetings: Vec<MeetingId>,
    /// Every occurrence, in meeting then text order.
    pub occurrences: Vec<Occurrence>,
    /// Rank score: the product of the factors in `parts`.
    pub score: f64,
    /// What the score is made of.
    #[serde(default)]
    pub parts: ScoreParts,
    /// The variants in order of first use, each with the variant it derives from.
    #[serde(default)]
    pub lineage: Vec<Lineage>,
}

/// The named parts of a phrase group's score; the score is `shape × spread × fixedness factor
/// × specificity factor` (see `phrase::score`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreParts {
    /// How formula-like the best variant's string is, from 0.5 (a short plain word) up.
    pub shape: f64,
    /// The marks of a formula found: `numbered`, `parallel`, `list`, `quoted`, `idiom`,
    /// `policy term`, `lexicon`.
    pub marks: Vec<String>,
    /// 0–1: how varied the characters just left and right of its uses are; low for a fragment
    /// of a longer string.
    pub fixedness: f64,
    /// The factor from places, meetings and outlets.
    pub spread: f64,
    /// Distinct outlets (sites, or documents where a page names none) using it.
    pub outlets: usize,
    /// log10 of how much more often it occurs per word of directives than in general text.
    pub specificity: f64,
}

/// One variant of a group in its lineage: where it was first used, and what it derives from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    /// The variant as written.
    pub text: String,
    /// Its first use.
    pub first: FirstUse,
    /// The earlier variant it derives from; `None` for the first.
    pub from: Option<String>,
    /// How it differs from `from`: `order`, `member`, `added`, `dropped`, `nested`, `series`,
    /// `context` (a word of context at a list's edge), `char`, or `other`; empty for the first.
    pub change: String,
}

/// Where and when a variant was first used.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstUse {
    /// The place it is counted under, if any.
    pub place: Option<String>,
    /// The meeting's date, if known.
    pub date: Option<NaiveDate>,
    /// The meeting.
    pub meeting: MeetingId,
}
