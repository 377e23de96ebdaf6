//! Pass one of phrase mining: the candidate strings of each meeting's directives — word
//! n-grams that could be a formula (no punctuation, names, dates or numbers inside; no particle
//! at either end; lists whole and balanced) and quoted strings — each hashed once per meeting.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::Meeting;
use crate::phrase::frames::{FrameGram, each_frame};
use crate::phrase::segment::Word;
use crate::phrase::shape::{LIST_MARK, Shape, balanced_list};
use crate::phrase::{MineConfig, Segmenter, reference};
use crate::progress::{Cancelled, Progress};
use crate::text::is_han;

/// Words that never open or close a formula: particles, prepositions, conjunctions, modal verbs
/// deictics and the words of time that close an adverbial (以来, 期间). A string such as 的工作,
/// 要坚持, 和经济 or 十八大以来 is a fragment, not a 提法.
const EDGE_WORDS: &[&str] = &[
    "的", "地", "得", "了", "着", "过", "和", "与", "及", "以及", "或", "或者", "并", "并且", "而",
    "且", "在", "是", "为", "对", "把", "将", "被", "让", "使", "由", "从", "向", "以", "于", "给",
    "要", "也", "都", "还", "又", "再", "就", "才", "更", "最", "很", "等", "之", "其", "各", "每",
    "这", "那", "此", "该", "这些", "那些", "能", "会", "可", "可以", "应", "应当", "必须", "需要",
    "不", "没有", "所", "中", "上", "下", "里", "内", "外", "前", "后", "时", "一", "强调", "指出",
    "表示", "认为", "提出", "以来", "以后", "以前", "之前", "之后", "期间", "之际",
];

/// Verb complements that close the verb before them (抓好, 统一到, 守住): a string opening with
/// one (好疫情防控, 到疫情防控) is cut out of 抓好疫情防控, and one closing with 到 (统一到) is
/// cut before its object.
const COMPLEMENTS_START: &[&str] = &["好", "到", "住", "完", "成", "出", "起"];
const COMPLEMENTS_END: &[&str] = &["到"];

/// Measure words that follow the numeral they count (二十届, 第三次): a string opening with one
/// (届四中全会) lost its numeral.
const MEASURES_START: &[&str] = &["届", "次"];

/// Nouns that head the compounds of many fields: 人大工作, 乡村建设, 中国式现代化.
const GENERIC_HEADS: &[&str] = &["工作", "建设", "发展", "现代化"];

/// What names a person as a leader, so that the name belongs to the formula it opens.
const TITLES: &[&str] = &["同志", "总书记"];

/// [`EDGE_WORDS`] for lookup; immutable once built.
static EDGE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| EDGE_WORDS.iter().copied().collect());

/// Word classes that end a candidate where they stand: people (nr), places (ns), times (t),
/// non-words (x). A formula is the same words in any place, so these are never part of one.
pub(super) fn breaks_run(w: &Word) -> bool {
    w.tag.starts_with("nr")
        || matches!(w.tag, "ns" | "t" | "x" | "eng")
        || !w.text.chars().all(is_han)
        || (w.tag == "m" && w.text.chars().any(|c| "年月日号时分秒%".contains(c)))
}

/// A noun's tag, or a verb's used as a noun (`vn`: 建设, 发展).
fn is_nominal(tag: &str) -> bool {
    tag.starts_with('n') || tag == "vn"
}

/// A fragment word at the edge: particle, preposition, conjunction, pronoun, or one of
/// [`EDGE_WORDS`]. Adverbs (进一步, 切实) may open a formula but not close one. A word jieba's
/// HMM guessed (要筑牢, 落实的) counts by its outer character, as it is often a function word
/// glued to a verb.
pub(super) fn bad_edge(w: &Word, at_end: bool) -> bool {
    let glued = |c: Option<char>| {
        c.is_some_and(|c| {
            let mut buf = [0u8; 4];
            EDGE_SET.contains(&*c.encode_utf8(&mut buf))
        })
    };
    let outer = if at_end {
        w.text.chars().last()
    } else {
        w.text.chars().next()
    };
    EDGE_SET.contains(w.text)
        || (!at_end && COMPLEMENTS_START.contains(&w.text))
        || (!at_end && MEASURES_START.contains(&w.text))
        || (at_end && COMPLEMENTS_END.contains(&w.text))
        || (!w.known && glued(outer))
        || w.tag.starts_with('u')
        || matches!(
            w.tag,
            "p" | "c" | "y" | "e" | "o" | "r" | "rr" | "rz" | "zg"
        )
        // An adverb, or an adjective used as one (坚决, 认真), qualifies the verb after it.
        || (at_end && (w.tag.starts_with('d') || w.tag == "ad"))
}

/// A byte-at-a-time FxHash-style string hash: stable across runs and platforms, and it can be
/// fed word by word, so an n-gram's hash grows with the n-gram instead of being recomputed.
#[derive(Clone, Copy, Debug)]
pub(super) struct StrHash(pub(super) u64);

impl StrHash {
    pub(super) const SEED: StrHash = StrHash(0x243f_6a88_85a3_08d3);

    pub(super) fn feed(mut self, text: &str) -> Self {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        for &b in text.as_bytes() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self
    }
}

fn hash(text: &str) -> u64 {
    StrHash::SEED.feed(text).0
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// One candidate string seen in one meeting, at its first place there.
#[derive(Clone, Copy, Debug)]
pub(super) struct Gram {
    pub(super) hash: u64,
    pub(super) meeting: u32,
    pub(super) directive: u32,
    pub(super) start: u32,
    /// One past the last byte; the top bits say the string was quoted ([`QUOTED`]) or made up
    /// a whole directive ([`WHOLE`]) somewhere in the meeting.
    pub(super) end: u32,
}

pub(super) const QUOTED: u32 = 1 << 31;
pub(super) const WHOLE: u32 = 1 << 30;
/// The string is one idiom word where it was seen.
pub(super) const IDIOM: u32 = 1 << 29;
/// The string may have the shape of a formula ([`may_follow`]), tested while its text is at
/// hand so that one-meeting strings without it are passed over later without reading them.
pub(super) const SHAPED: u32 = 1 << 28;
pub(super) const FLAGS: u32 = QUOTED | WHOLE | IDIOM | SHAPED;

/// Pass 1 for one meeting: every candidate string in its directives, once each, every filled
/// frame, once per filler, and the number of words its directives hold ([`is_counted_word`]).
fn meeting_grams(
    meeting: u32,
    m: &Meeting,
    seg: &Segmenter,
    config: &MineConfig,
) -> (Vec<Gram>, Vec<FrameGram>, u32) {
    let mut words_seen = 0u32;
    let mut grams: Vec<Gram> = Vec::new();
    let mut frames: Vec<FrameGram> = Vec::new();
    let mut seen_frames: std::collections::HashSet<(u64, u32)> = std::collections::HashSet::new();
    // One gram per string: its first place, with the flags of all its places.
    let mut seen: IdMap<usize> = IdMap::default();
    for (d, directive) in m.directives.iter().enumerate() {
        let text = directive.text.as_str();
        let body = text.trim_matches(|c: char| !is_han(c));
        let body_start = body.as_ptr() as usize - text.as_ptr() as usize;
        let mut push = |hash: u64, start: usize, end: usize, flag: u32| {
            // A string that is the whole line, bar punctuation, is a label or a menu item.
            let whole = start == body_start && end - start == body.len();
            let flag = flag | if whole { WHOLE } else { 0 };
            match seen.entry(hash) {
                std::collections::hash_map::Entry::Occupied(e) => grams[*e.get()].end |= flag,
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(grams.len());
                    let shaped = if may_follow(&text[start..end], false) {
                        SHAPED
                    } else {
                        0
                    };
                    grams.push(Gram {
                        hash,
                        meeting,
                        directive: d as u32,
                        start: start as u32,
                        end: end as u32 | flag | shaped,
                    });
                }
            }
        };
        for (start, end) in quoted_spans(text, config) {
            push(hash(&text[start..end]), start, end, QUOTED);
        }
        let words = seg.words(text);
        words_seen += words.iter().filter(|w| is_counted_word(w.text)).count() as u32;
        each_ngram(&words, config, |start, end, idiom, h| {
            push(h, start, end, if idiom { IDIOM } else { 0 });
        });
        each_frame(&words, |start, lens, frame, filler| {
            if seen_frames.insert((frame, filler)) {
                frames.push(FrameGram {
                    frame,
                    filler,
                    meeting,
                    directive: d as u32,
                    start: start as u32,
                    lens,
                });
            }
        });
    }
    (grams, frames, words_seen)
}

/// A word that counts towards the size of a text: one with a letter, an ideograph or a digit,
/// not punctuation or spacing.
fn is_counted_word(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// What one word can be in a candidate, worked out once per word.
#[derive(Clone, Copy, Debug)]
// Independent yes/no facts about one word; an enum would not fit them.
#[allow(clippy::struct_excessive_bools)]
struct WordRole {
    /// Ends any candidate here: punctuation, a name, a place, a date.
    breaks: bool,
    /// The list mark 、.
    mark: bool,
    /// Cannot open a candidate.
    bad_start: bool,
    /// Cannot close a candidate.
    bad_end: bool,
    /// Characters.
    chars: usize,
    /// An idiom (成语, `i`) in jieba's dictionary; its 习用语 (`l`: 高度重视) and the
    /// collocations of common words it also tags `i` (贯彻落实) are general usage, not fixed
    /// expressions.
    idiom: bool,
}

impl WordRole {
    fn of(w: &Word) -> Self {
        let mark = w.text == "、";
        Self {
            breaks: !mark && breaks_run(w),
            mark,
            bad_start: bad_edge(w, false),
            bad_end: bad_edge(w, true),
            chars: w.text.chars().count(),
            idiom: w.known && w.tag == "i" && !reference::joins_common_words(w.text),
        }
    }
}

/// Calls `emit(start, end, idiom, hash)` for every word n-gram of `words` that could be a
/// formula; `idiom` says it is one idiom word, `hash` is the n-gram's [`hash`]. The words must
/// cover their text without gaps, as jieba's do.
fn each_ngram(words: &[Word], config: &MineConfig, mut emit: impl FnMut(usize, usize, bool, u64)) {
    let mut roles: Vec<WordRole> = words.iter().map(WordRole::of).collect();
    // What a word can be also depends on the word after it.
    for k in 0..words.len().saturating_sub(1) {
        // An adjective before a noun qualifies it (重要 in 重要指示精神): a candidate ending on
        // it is cut out of a longer name.
        let next = words[k + 1].tag;
        if words[k].known && words[k].tag == "a" && is_nominal(next) {
            roles[k].bad_end = true;
        }
        // One character of noun before 的 is whose the next words are (贯彻落实党|的二十大精神):
        // no candidate closes on it.
        if words[k + 1].text == "的"
            && words[k].tag == "n"
            && words[k].text.chars().nth(1).is_none()
        {
            roles[k].bad_end = true;
        }
        // A body's name after a verb is whose decisions or plans follow (贯彻党中央决策部署,
        // 贯彻落实党中央、国务院决策部署): 贯彻党中央 is cut out of them. After 的 it is the
        // body the formula names (以习近平同志为核心的党中央).
        let verbal = |w: &Word| matches!(w.tag, "v" | "vd" | "i" | "l");
        if k > 0 && words[k].tag.starts_with("nt") && verbal(&words[k - 1]) {
            roles[k].bad_end = true;
        }
        // A name with 同志 or 总书记 after it is how a text cites a leader, and is part of a
        // formula (以习近平同志为核心的党中央); the name and its title may stand inside a
        // candidate, not at its end (a name with its title is not a formula).
        if words[k].tag.starts_with("nr") && TITLES.contains(&words[k + 1].text) {
            roles[k].breaks = false;
            roles[k].bad_end = true;
            roles[k + 1].bad_end = true;
        }
    }
    // A generic head noun after the noun it heads (人大|工作, 中国式|现代化, 乡村|建设) closes
    // that compound: a candidate opening on it (工作高质量发展, 现代化全面推进…) is cut out of
    // a longer one.
    for k in 1..words.len() {
        let w = &words[k - 1];
        let nominal = is_nominal(w.tag) || matches!(w.tag, "j" | "b");
        if nominal && GENERIC_HEADS.contains(&words[k].text) {
            roles[k].bad_start = true;
        }
    }
    // Two-character words that open on one character run in series (国内国际, 抓紧抓实抓细):
    // a candidate neither opens nor closes inside the series (国际|两个大局 is cut out of
    // 国内国际两个大局).
    for k in 1..words.len() {
        if continues_series(words[k - 1].text, words[k].text) {
            roles[k - 1].bad_end = true;
            roles[k].bad_start = true;
        }
    }
    // 一是…二是…: an item's number opens the item, not a formula (四是强化).
    for (role, w) in roles.iter_mut().zip(words) {
        if is_item_number(w.text) {
            role.bad_start = true;
            role.bad_end = true;
        }
    }
    for i in 0..words.len() {
        let first = roles[i];
        if first.breaks || first.mark || first.bad_start {
            continue;
        }
        let (mut count, mut chars, mut has_mark) = (0, 0, false);
        let mut h = StrHash::SEED;
        for j in i..words.len() {
            let r = roles[j];
            chars += r.chars;
            h = h.feed(words[j].text);
            if r.mark {
                has_mark = true;
                continue;
            }
            if r.breaks {
                break;
            }
            count += 1;
            if count > config.max_words || chars > config.max_chars {
                break;
            }
            if chars >= config.min_chars
                && !r.bad_end
                && (!has_mark || list_ok(words, &roles, i, j))
            {
                emit(words[i].start, words[j].end, i == j && r.idiom, h.0);
            }
        }
    }
}

/// Whether `next` continues a series with `word`: two characters each, the same first character
/// and a different second (国内 国际, 抓紧 抓实).
fn continues_series(word: &str, next: &str) -> bool {
    let mut a = word.chars();
    let mut b = next.chars();
    match (a.next(), a.next(), a.next(), b.next(), b.next(), b.next()) {
        (Some(a0), Some(a1), None, Some(b0), Some(b1), None) => {
            a0 == b0 && a1 != b1 && !a0.is_ascii() && a0.is_alphabetic()
        }
        _ => false,
    }
}

/// 一是, 二是 … 十是, 其一: the number of an item in a run of directives.
fn is_item_number(word: &str) -> bool {
    let numbered = word
        .strip_suffix('是')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)));
    numbered || matches!(word, "其一" | "其二" | "其三")
}

/// A run holding list marks is a list formula only when its members are balanced and tight:
/// no particle, preposition or conjunction (的, 在, 和) inside, and no member opening with a fragment word.
/// The list must also be whole: a run that stops next to a list mark is part of a longer list.
fn list_ok(words: &[Word], roles: &[WordRole], i: usize, j: usize) -> bool {
    let mark = |k: Option<usize>| k.and_then(|k| roles.get(k)).is_some_and(|r| r.mark);
    if mark(i.checked_sub(1)) || mark(Some(j + 1)) {
        return false;
    }
    let loose = (i..=j).any(|k| {
        let w = &words[k];
        let opens_member = k > i && roles[k - 1].mark;
        let closes_member = k < j && roles[k + 1].mark;
        w.tag.starts_with('u')
            || matches!(w.tag, "p" | "c")
            || (opens_member && roles[k].bad_start)
            || (closes_member && roles[k].bad_end)
    });
    let text: String = words[i..=j].iter().map(|w| w.text).collect();
    !loose && balanced_list(&text) && whole_members(words, roles, i, j)
}

/// Whether the members of the list `words[i..=j]` are whole where they stand: not a last member
/// shorter than the first run on into the noun after it (法治政府、廉洁政府、服务型 before 政府,
/// 取得历史性成就、发生历史性 before 变革), not a first member without its negation, not two
/// unlike members cut across between a verb and a noun. A list of even members before its
/// shared head noun (形式主义、官僚主义问题) is whole.
fn whole_members(words: &[Word], roles: &[WordRole], i: usize, j: usize) -> bool {
    let mut members: Vec<(usize, usize)> = Vec::new();
    let mut start = i;
    for (k, role) in roles.iter().enumerate().take(j + 1).skip(i) {
        if role.mark {
            members.push((start, k - 1));
            start = k + 1;
        }
    }
    members.push((start, j));
    let (Some(&first), Some(&last)) = (members.first(), members.last()) else {
        return true;
    };
    let chars = |(a, b): (usize, usize)| roles[a..=b].iter().map(|r| r.chars).sum::<usize>();
    let nominal = |w: &Word| is_nominal(w.tag);
    let verb = |w: &Word| w.tag == "v" && !EDGE_SET.contains(w.text);
    let before = i.checked_sub(1).map(|k| &words[k]);
    let noun_after = words.get(j + 1).is_some_and(nominal);
    if noun_after && chars(last) < chars(first) {
        return false;
    }
    // A negation before the list is its first member's (不作为、乱作为).
    if before.is_some_and(|w| NEGATIONS.contains(&w.text)) {
        return false;
    }
    // After a verb, members unlike each other (one opens on a noun, the other on a verb) are
    // cut across: when a noun follows too (增强|创新能力、激发创新|活力), or when the verb makes the
    // first member as long as the last (增强|创新能力、激发创新活力).
    let opens_on_verb = |(a, _): (usize, usize)| verb(&words[a]);
    let Some(verb_before) = before.filter(|w| verb(w)) else {
        return true;
    };
    let unlike = opens_on_verb(first) != opens_on_verb(last);
    let verb_chars = verb_before.text.chars().count();
    !(unlike && (noun_after || chars(first) + verb_chars == chars(last)))
}

/// Words that negate the word after them.
const NEGATIONS: &[&str] = &["不", "未", "没", "没有", "无", "非"];

/// Byte ranges inside “…”, ‘…’ and 「…」 that could be a formula: Chinese only, list marks allowed.
fn quoted_spans(text: &str, config: &MineConfig) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '‘' | '「' => open = Some(i + c.len_utf8()),
            '”' | '’' | '」' => {
                if let Some(s) = open.take() {
                    let inner = &text[s..i];
                    let n = inner.chars().count();
                    if n >= 2
                        && n <= config.max_chars
                        && inner.chars().all(|c| is_han(c) || c == LIST_MARK)
                        && !inner.starts_with(LIST_MARK)
                        && !inner.ends_with(LIST_MARK)
                    {
                        out.push((s, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Pass 1 over all meetings in chunks, reporting progress between chunks; sorted by hash.
pub(super) fn pass_one(
    meetings: &[Meeting],
    first_id: usize,
    seg: &Segmenter,
    config: &MineConfig,
    progress: &mut dyn Progress,
) -> Result<PassOne, Cancelled> {
    const CHUNK: usize = 512;
    let mut grams: Vec<Gram> = Vec::new();
    let mut frames: Vec<FrameGram> = Vec::new();
    let mut words: Vec<u32> = Vec::with_capacity(meetings.len());
    for (c, chunk) in meetings.chunks(CHUNK).enumerate() {
        if progress.report(c * CHUNK, meetings.len()).is_break() {
            return Err(Cancelled);
        }
        let base = first_id + c * CHUNK;
        let part: Vec<(Vec<Gram>, Vec<FrameGram>, u32)> = chunk
            .par_iter()
            .with_max_len(8)
            .enumerate()
            .map(|(i, m)| meeting_grams((base + i) as u32, m, seg, config))
            .collect();
        for (g, f, n) in part {
            grams.extend(g);
            frames.extend(f);
            words.push(n);
        }
    }
    if progress.report(meetings.len(), meetings.len()).is_break() {
        return Err(Cancelled);
    }
    grams.par_sort_unstable_by_key(|g| (g.hash, g.meeting));
    frames.par_sort_unstable_by_key(|g| (g.frame, g.meeting));
    Ok(PassOne {
        grams,
        frames,
        words,
    })
}

/// What pass 1 finds in a list of meetings.
pub(super) struct PassOne {
    /// Candidate strings, sorted by hash, then meeting.
    pub(super) grams: Vec<Gram>,
    /// Filled frames, sorted by frame, then meeting.
    pub(super) frames: Vec<FrameGram>,
    /// Words in each meeting's directives, in the list's order.
    pub(super) words: Vec<u32>,
}

/// A string seen in one meeting is worth keeping as a possible variant only when it has the
/// shape of a formula; plain one-off word strings are the bulk of any text.
fn may_follow(text: &str, quoted: bool) -> bool {
    if text.len() < 4 * '\u{4e00}'.len_utf8() {
        return false;
    }
    let shape = Shape::of(text);
    text.chars().count() >= 4 && (quoted || shape.parallel || shape.numbered || shape.list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ngrams(seg: &Segmenter, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_ngram(&seg.words(text), &MineConfig::default(), |s, e, _, h| {
            assert_eq!(h, hash(&text[s..e]), "running hash of {}", &text[s..e]);
            out.push(text[s..e].to_string());
        });
        out
    }

    fn check_ngrams(seg: &Segmenter, text: &str, present: &[&str], absent: &[&str]) {
        let got = ngrams(seg, text);
        for p in present {
            assert!(
                got.iter().any(|g| g == p),
                "{p} missing from {text}: {got:?}"
            );
        }
        for a in absent {
            assert!(
                !got.iter().any(|g| g == a),
                "{a} should not come from {text}"
            );
        }
    }

    #[test]
    fn an_item_number_opens_no_candidate() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "一是加强组织领导，四是强化监管执法",
            &["加强组织领导", "强化监管执法"],
            &["四是强化", "四是强化监管执法", "一是加强"],
        );
    }

    #[test]
    fn a_body_after_a_verb_closes_no_candidate() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "贯彻落实党中央决策部署，紧密团结在以习近平同志为核心的党中央周围",
            &[
                "党中央决策部署",
                "贯彻落实党中央决策部署",
                "习近平同志为核心的党中央",
            ],
            &["贯彻落实党中央"],
        );
        check_ngrams(
            &seg,
            "认真贯彻落实党的二十大精神",
            &["贯彻落实"],
            &["贯彻落实党", "认真贯彻落实党"],
        );
        check_ngrams(
            &seg,
            "认真贯彻党中央、国务院部署",
            &["国务院部署"],
            &["贯彻党中央", "贯彻党中央、国务院"],
        );
    }

    #[test]
    fn a_generic_head_after_its_noun_opens_no_candidate() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "推动人大工作高质量发展，推进乡村建设行动",
            &["高质量发展", "乡村建设行动"],
            &["工作高质量发展", "建设行动"],
        );
        // After a verb it opens one: 大力发展新质生产力.
        check_ngrams(&seg, "要加快发展新质生产力", &["发展新质生产力"], &[]);
    }

    #[test]
    fn an_adverb_closes_no_candidate() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "全市上下坚决贯彻落实",
            &["全市上下", "坚决贯彻落实"],
            &["全市上下坚决"],
        );
    }

    #[test]
    fn a_series_of_words_is_not_cut_inside() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "要统筹国内国际两个大局，做到有力有序有效推进",
            &["国内国际两个大局", "两个大局", "有力有序有效"],
            &["国际两个大局", "统筹国内", "有序有效", "有力有序"],
        );
    }

    #[test]
    fn a_time_adverbial_is_no_candidate() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "党的十九大以来各级党组织加强基层建设，疫情防控期间坚守岗位",
            &["加强基层建设", "坚守岗位"],
            &["十九大以来", "党的十九大以来", "疫情防控期间"],
        );
    }

    #[test]
    fn a_list_is_not_cut_inside_its_last_member() {
        let seg = Segmenter::new();
        // 服务型 runs on into 政府, which its sibling members hold: only the whole list.
        check_ngrams(
            &seg,
            "要加快建设法治政府、廉洁政府、服务型政府",
            &["法治政府、廉洁政府、服务型政府"],
            &["法治政府、廉洁政府、服务型"],
        );
        check_ngrams(
            &seg,
            "推动事业取得历史性成就、发生历史性变革",
            &["取得历史性成就、发生历史性变革"],
            &["取得历史性成就、发生历史性"],
        );
        // Members unlike each other between a verb and a noun are cut across; a negation
        // before a list belongs to its first member.
        check_ngrams(
            &seg,
            "要增强创新能力、激发创新活力，坚决纠正不作为、乱作为问题",
            &["增强创新能力、激发创新活力"],
            &[
                "创新能力、激发创新",
                "创新能力、激发创新活力",
                "作为、乱作为",
            ],
        );
        // Unlike members whose lengths the verb before does not even out stay a list.
        check_ngrams(
            &seg,
            "坚持建言资政、凝聚共识、汇聚力量相结合",
            &["建言资政、凝聚共识、汇聚力量"],
            &[],
        );
        check_ngrams(
            &seg,
            "做好稳就业、保民生工作",
            &["稳就业、保民生", "稳就业、保民生工作"],
            &[],
        );
        // Even members before the noun they share are a whole list.
        check_ngrams(
            &seg,
            "坚决整治形式主义、官僚主义问题",
            &["形式主义、官僚主义", "形式主义、官僚主义问题"],
            &[],
        );
    }

    #[test]
    fn candidates_in_sentences() {
        let seg = Segmenter::new();
        check_ngrams(
            &seg,
            "要筑牢群防群控的铜墙铁壁",
            &["群防群控", "铜墙铁壁"],
            &["的铜墙铁壁", "群防群控的", "要筑牢"],
        );
        check_ngrams(
            &seg,
            "坚持外防输入、内防反弹",
            &["外防输入、内防反弹", "外防输入"],
            &["输入、"],
        );
        check_ngrams(
            &seg,
            "市委书记张建国强调要增强四个意识",
            &["四个意识"],
            &["张建国强调"],
        );
        check_ngrams(
            &seg,
            "紧密团结在以习近平同志为核心的党中央周围",
            &["习近平同志为核心的党中央", "核心的党中央"],
            &["习近平同志", "习近平"],
        );
        check_ngrams(
            &seg,
            "深入学习贯彻习近平总书记重要讲话精神",
            &["习近平总书记重要讲话精神"],
            &["习近平总书记", "贯彻习近平总书记"],
        );
        check_ngrams(
            &seg,
            "学习贯彻重要指示精神",
            &["重要指示精神", "学习贯彻"],
            &["学习贯彻重要"],
        );
        check_ngrams(&seg, "2月3日召开会议", &[], &["2月3日召开", "3日召开会议"]);
        check_ngrams(
            &seg,
            "学习贯彻党的二十届四中全会精神",
            &["四中全会精神"],
            &["届四中全会", "届四中全会精神"],
        );
        check_ngrams(
            &seg,
            "克服麻痹思想、厌战情绪、侥幸心理",
            &["麻痹思想、厌战情绪、侥幸心理"],
            &[],
        );
        check_ngrams(
            &seg,
            "全力推动企业复工复产。确保安全",
            &["复工复产"],
            &["复工复产确保"],
        );
    }

    #[test]
    fn quoted() {
        let c = MineConfig::default();
        let q = |t: &str| -> Vec<String> {
            quoted_spans(t, &c)
                .into_iter()
                .map(|(s, e)| t[s..e].to_string())
                .collect()
        };
        assert_eq!(
            q("抓实“六大机制”，推广“健康码”"),
            vec!["六大机制", "健康码"]
        );
        assert_eq!(
            q("确保“两手都要硬、两战都要赢”"),
            vec!["两手都要硬、两战都要赢"]
        );
        assert_eq!(q("访问“www.gov.cn”"), Vec::<String>::new());
    }
}
