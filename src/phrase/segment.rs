//! One jieba instance with the Party-policy user dictionary, built once and shared.

use std::collections::HashSet;
use std::fmt;

use jieba_rs::Jieba;

use crate::phrase::Lexicon;
use crate::phrase::shape::LIST_MARK;

/// The user dictionary: general Party-policy vocabulary, one term a line (see `assets/dict/README.md`).
const POLICY_TERMS: &str = include_str!("../../assets/dict/policy_terms.txt");

/// One word of a segmented text, with its part of speech and byte range in that text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// jieba's part-of-speech tag, e.g. `n`, `v`, `nr` (person), `ns` (place), `i` (idiom).
    pub tag: &'a str,
    /// First byte in the segmented text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True when a dictionary knows the word; false when jieba's HMM guessed it (要筑牢).
    pub known: bool,
}

/// Word segmentation, built once: jieba plus the policy vocabulary under `assets/dict/`.
pub struct Segmenter {
    jieba: Jieba,
    terms: HashSet<String>,
    /// The policy terms jieba's own dictionary already has as one word of ordinary vocabulary
    /// (人民群众, 高度重视): kept whole like the others, but vocabulary, not formulae.
    general_terms: HashSet<String>,
    /// The user's words: kept whole and always mined.
    user: HashSet<String>,
    /// The user's stop strings: never a phrase or variant.
    stop: HashSet<String>,
    /// The user's merge sets: the groups holding strings of one set are one group.
    merge: Vec<Vec<String>>,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("terms", &self.terms.len())
            .finish_non_exhaustive()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// Builds jieba with the dictionary under `assets/dict/`.
    pub fn new() -> Self {
        let mut jieba = Jieba::new();
        let mut terms = HashSet::new();
        let mut general_terms = HashSet::new();
        for line in POLICY_TERMS.lines() {
            let term = line.trim();
            if term.is_empty() || term.starts_with('#') {
                continue;
            }
            if one_word_tag(&jieba, term).is_some_and(|tag| is_usage(tag, term)) {
                general_terms.insert(term.to_string());
            }
            // jieba suggests the frequency that just keeps the term whole; anything higher would
            // also swallow the neighbours of the term in longer compounds.
            jieba.add_word(term, None, Some("nz"));
            terms.insert(term.to_string());
        }
        Self {
            jieba,
            terms,
            general_terms,
            user: HashSet::new(),
            stop: HashSet::new(),
            merge: Vec::new(),
        }
    }

    /// Builds jieba with the dictionary under `assets/dict/` and the user's `lexicon`: its words
    /// are added to jieba (so they come out whole) and always mined; its stop strings are never
    /// shown.
    pub fn with_lexicon(lexicon: &Lexicon) -> Self {
        let mut seg = Self::new();
        for w in &lexicon.words {
            // A word with list marks stays one candidate through its marks; only its members
            // need to stay whole.
            for part in w.text.split(LIST_MARK).filter(|p| !p.is_empty()) {
                seg.jieba
                    .add_word(part, w.freq, Some(w.tag.as_deref().unwrap_or("nz")));
            }
            seg.user.insert(w.text.clone());
        }
        seg.stop = lexicon.stop.iter().cloned().collect();
        seg.merge.clone_from(&lexicon.merge);
        seg
    }

    /// The user's merge sets (see [`Lexicon::merge`]).
    pub fn merges(&self) -> &[Vec<String>] {
        &self.merge
    }

    /// True when the user's lexicon lists `text` as a word.
    pub fn is_user_word(&self, text: &str) -> bool {
        self.user.contains(text)
    }

    /// True when the user's lexicon has any words.
    pub fn has_user_words(&self) -> bool {
        !self.user.is_empty()
    }

    /// True when the user's stop list has `text`.
    pub fn is_stopped(&self, text: &str) -> bool {
        self.stop.contains(text)
    }

    /// Splits `text` into tagged words with byte offsets into `text`.
    pub fn words<'a>(&'a self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Word {
                text: t.word,
                tag: t.tag,
                start: t.byte_start,
                end: t.byte_end,
                known: self.jieba.has_word(t.word),
            })
            .collect()
    }

    /// True when `term` is in the policy vocabulary.
    pub fn is_policy_term(&self, term: &str) -> bool {
        self.terms.contains(term)
    }

    /// True when jieba's own dictionary knows `text` as one idiom (成语 `i`, 习用语 `l`).
    pub fn is_idiom(&self, text: &str) -> bool {
        self.word_tag(text)
            .is_some_and(|tag| matches!(tag, "i" | "l"))
    }

    /// True when jieba's own dictionary knows `text` as one name: of a body (`nt`: 中共中央,
    /// 全国人大), a place (`ns`) or a person (`nr`).
    pub fn is_name(&self, text: &str) -> bool {
        self.word_tag(text)
            .is_some_and(|tag| ["nt", "ns", "nr"].iter().any(|n| tag.starts_with(n)))
    }

    /// True when jieba's general dictionary has `text` as one word of ordinary vocabulary (人民群众,
    /// 党中央, 高度重视), even when the policy vocabulary keeps it whole too: not an idiom (成语
    /// `i`) unless it is two common words joined (贯彻落实), not a name of its own (`nz`), not
    /// the user's word.
    pub fn is_general_word(&self, text: &str) -> bool {
        if self.user.contains(text) {
            return false;
        }
        if self.terms.contains(text) {
            return self.general_terms.contains(text) || super::reference::joins_common_words(text);
        }
        self.word_tag(text).is_some_and(|tag| is_usage(tag, text))
    }

    /// jieba's part-of-speech tag of `text` when it segments `text` as one word.
    fn word_tag<'a>(&'a self, text: &'a str) -> Option<&'a str> {
        one_word_tag(&self.jieba, text)
    }

    /// Number of terms in the policy vocabulary.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
}

/// The part-of-speech tag `jieba` gives `text` when it segments `text` as one word.
fn one_word_tag<'a>(jieba: &'a Jieba, text: &'a str) -> Option<&'a str> {
    match jieba.tag(text, false).as_slice() {
        [w] if w.word == text => Some(w.tag),
        _ => None,
    }
}

/// Whether `word`, one word of jieba's dictionary tagged `tag`, is general usage: a word of
/// ordinary vocabulary, or two common words jieba tags an idiom (贯彻落实).
fn is_usage(tag: &str, word: &str) -> bool {
    is_ordinary(tag) || (tag == "i" && super::reference::joins_common_words(word))
}

/// Whether a word of this tag is ordinary vocabulary: not an idiom (`i`), not a name of its
/// own (`nz`), not a number or a non-word.
fn is_ordinary(tag: &str) -> bool {
    !matches!(tag, "i" | "nz" | "x" | "m")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(seg: &Segmenter, input: &str, expect: &[&str]) {
        let words: Vec<&str> = seg.words(input).iter().map(|w| w.text).collect();
        assert_eq!(words, expect, "{input}");
    }

    #[test]
    fn general_words_are_told_from_formulae() {
        let seg = Segmenter::new();
        // Kept whole by the policy vocabulary, but one word of jieba's own dictionary already.
        assert!(seg.is_general_word("高度重视"));
        assert!(seg.is_general_word("党中央"));
        // Two common words jieba tags an idiom are usage; an idiom is not.
        assert!(seg.is_general_word("贯彻落实"));
        assert!(!seg.is_general_word("因地制宜"));
        // Plain vocabulary the policy vocabulary does not list.
        assert!(seg.is_general_word("外来人员"));
        // Formulae the dictionary did not know, idioms, and strings of several words are not.
        assert!(!seg.is_general_word("疫情防控"));
        assert!(!seg.is_general_word("复工复产"));
        assert!(!seg.is_general_word("铜墙铁壁"));
        assert!(!seg.is_general_word("抓紧抓实抓细"));
        let mut lexicon = Lexicon::default();
        lexicon.words.push(crate::phrase::lexicon::UserWord {
            text: "外来人员".into(),
            freq: None,
            tag: None,
        });
        assert!(!Segmenter::with_lexicon(&lexicon).is_general_word("外来人员"));
    }

    #[test]
    fn policy_terms_stay_whole() {
        let seg = Segmenter::new();
        check(
            &seg,
            "坚决打赢疫情防控阻击战",
            &["坚决", "打赢", "疫情防控阻击战"],
        );
        check(
            &seg,
            "全力推动企业复工复产",
            &["全力", "推动", "企业", "复工复产"],
        );
        check(
            &seg,
            "增强四个意识、做到两个维护",
            &["增强", "四个意识", "、", "做到", "两个维护"],
        );
        check(&seg, "严格社会面管控", &["严格", "社会面管控"]);
        check(
            &seg,
            "统筹疫情防控和经济社会发展",
            &["统筹", "疫情防控", "和", "经济社会发展"],
        );
    }

    #[test]
    fn offsets_are_bytes_into_the_text() {
        let seg = Segmenter::new();
        let text = "会议强调，要外防输入";
        for w in seg.words(text) {
            assert_eq!(&text[w.start..w.end], w.text);
        }
        let last = seg.words(text).last().map(|w| (w.text, w.start));
        assert_eq!(last, Some(("外防输入", 18)));
    }

    #[test]
    fn vocabulary_and_idioms() {
        let seg = Segmenter::new();
        assert!(seg.term_count() > 300);
        assert!(seg.is_policy_term("复工复产"));
        assert!(!seg.is_policy_term("复工"));
        assert!(seg.is_idiom("众志成城") || seg.is_policy_term("众志成城"));
        assert!(seg.is_idiom("一丝不苟"));
        assert!(!seg.is_idiom("经济发展"));
        assert!(seg.is_name("中共中央") && seg.is_name("国务院"));
        assert!(!seg.is_name("经济发展") && !seg.is_name("中共中央决策"));
    }

    #[test]
    fn user_words_stay_whole() {
        let lexicon = Lexicon {
            words: vec![crate::phrase::lexicon::UserWord {
                text: "稳字当头".into(),
                freq: None,
                tag: None,
            }],
            stop: vec!["高度重视".into()],
            merge: Vec::new(),
        };
        let seg = Segmenter::with_lexicon(&lexicon);
        let words: Vec<&str> = seg.words("坚持稳字当头").iter().map(|w| w.text).collect();
        assert_eq!(words, vec!["坚持", "稳字当头"]);
        assert!(seg.is_user_word("稳字当头") && seg.has_user_words());
        assert!(seg.is_stopped("高度重视") && !seg.is_stopped("稳字当头"));
        assert!(!Segmenter::new().has_user_words());
    }

    #[test]
    fn person_names_are_tagged() {
        let seg = Segmenter::new();
        let words = seg.words("市委书记张建国主持会议");
        assert!(words.iter().any(|w| w.tag.starts_with("nr")), "{words:?}");
        let guessed: Vec<&str> = seg
            .words("要筑牢铜墙铁壁")
            .iter()
            .filter(|w| !w.known)
            .map(|w| w.text)
            .collect();
        assert_eq!(guessed, vec!["要筑牢"]);
    }
}
