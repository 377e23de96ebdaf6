//! The user's lexicon: formulae the miner missed, to be kept whole by segmentation and always
//! mined, and strings it should never show. `tifa-cli --dict FILE --stop FILE` reads them.
//!
//! A dictionary file is jieba's user-dictionary format: one word a line, optionally followed by
//! a frequency and a part-of-speech tag (`外防输入、内防反弹`, `两个确立 50 nz`). A stop file is
//! one string a line. In both, blank lines and lines starting with `#` are skipped, and a
//! byte-order mark is allowed.

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The user's words and stop strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lexicon {
    /// Words to keep whole and always mine, each with an optional jieba frequency and tag.
    pub words: Vec<UserWord>,
    /// Strings never shown as a phrase or variant.
    pub stop: Vec<String>,
    /// Sets of strings the user has said are one formula: the phrase groups holding any string
    /// of a set are shown as one group.
    pub merge: Vec<Vec<String>>,
}

/// One word of the user's dictionary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserWord {
    /// The word as written.
    pub text: String,
    /// jieba frequency; `None` lets jieba choose one that keeps the word whole.
    pub freq: Option<usize>,
    /// jieba part-of-speech tag; `nz` when absent.
    pub tag: Option<String>,
}

/// Why a lexicon file could not be used.
#[derive(Debug, Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 text (save the list as UTF-8)")]
    NotUtf8 {
        /// The file.
        path: String,
    },
    /// A line is not `word [frequency] [tag]`.
    #[error("{path}, line {line}: {why}")]
    Line {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        why: String,
    },
}

/// The lines of a list that say something, with their 1-based numbers.
fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Parses a dictionary in jieba's user format; `path` names it in errors.
pub fn parse_words(text: &str, path: &str) -> Result<Vec<UserWord>, LexiconError> {
    let mut out = Vec::new();
    for (line, l) in entries(text) {
        let mut parts = l.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let mut freq = None;
        let mut tag = None;
        for p in parts {
            match p.parse::<usize>() {
                Ok(f) if freq.is_none() && tag.is_none() => freq = Some(f),
                _ if tag.is_none() && p.chars().all(|c| c.is_ascii_alphabetic()) => {
                    tag = Some(p.to_string());
                }
                _ => {
                    return Err(LexiconError::Line {
                        path: path.to_string(),
                        line,
                        why: format!("`{l}` is not `word [frequency] [tag]`"),
                    });
                }
            }
        }
        out.push(UserWord {
            text: word.to_string(),
            freq,
            tag,
        });
    }
    Ok(out)
}

/// Parses a stop list: one string a line.
pub fn parse_stop(text: &str) -> Vec<String> {
    entries(text).map(|(_, l)| l.to_string()).collect()
}

/// Parses a list of merges: one set a line, its strings separated by `=` or blanks
/// (`有力有序 = 有序有效`); a line with fewer than two strings is an error.
pub fn parse_merge(text: &str, path: &str) -> Result<Vec<Vec<String>>, LexiconError> {
    let mut lexicon = Lexicon::default();
    for (line, l) in entries(text) {
        let set: Vec<String> = l
            .split(|c: char| c == '=' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        if set.len() < 2 {
            return Err(LexiconError::Line {
                path: path.to_string(),
                line,
                why: format!("`{l}` is not `string = string [= …]`"),
            });
        }
        lexicon.add_merge(&set[..1], &set[1..]);
    }
    Ok(lexicon.merge)
}

fn read_text(path: &Path) -> Result<String, LexiconError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LexiconError::Read {
        path: name.clone(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| LexiconError::NotUtf8 { path: name })
}

impl Lexicon {
    /// Reads a dictionary file and a stop file, either of which may be absent.
    pub fn read(dict: Option<&Path>, stop: Option<&Path>) -> Result<Self, LexiconError> {
        let words = match dict {
            Some(p) => parse_words(&read_text(p)?, &p.display().to_string())?,
            None => Vec::new(),
        };
        let stop = match stop {
            Some(p) => parse_stop(&read_text(p)?),
            None => Vec::new(),
        };
        Ok(Self {
            words,
            stop,
            merge: Vec::new(),
        })
    }

    /// Adds the merges of a file in [`parse_merge`]'s format.
    pub fn read_merge(&mut self, path: &Path) -> Result<(), LexiconError> {
        let sets = parse_merge(&read_text(path)?, &path.display().to_string())?;
        for set in sets {
            self.add_merge(&set[..1], &set[1..]);
        }
        Ok(())
    }

    /// True when the lexicon adds or removes nothing.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.stop.is_empty() && self.merge.is_empty()
    }

    /// Says that the strings of `a` and `b` are one formula. Sets sharing a string with them are
    /// joined into the new one, so every string belongs to one set at most; false when nothing
    /// changed (both already in one set, or fewer than two strings).
    pub fn add_merge(&mut self, a: &[String], b: &[String]) -> bool {
        let mut set: Vec<String> = Vec::new();
        for t in a.iter().chain(b) {
            let t = t.trim();
            if !t.is_empty() && !set.iter().any(|s| s == t) {
                set.push(t.to_string());
            }
        }
        if set.len() < 2 {
            return false;
        }
        if self.merge.iter().any(|m| set.iter().all(|s| m.contains(s))) {
            return false;
        }
        let (joined, kept): (Vec<Vec<String>>, Vec<Vec<String>>) = std::mem::take(&mut self.merge)
            .into_iter()
            .partition(|m| m.iter().any(|s| set.contains(s)));
        for s in joined.into_iter().flatten() {
            if !set.contains(&s) {
                set.push(s);
            }
        }
        self.merge = kept;
        self.merge.push(set);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_lines() {
        let text = "\u{feff}# 我的提法\n外防输入、内防反弹\n\n两个确立 50 nz\n三保 nz\n";
        let words = parse_words(text, "d.txt").unwrap_or_default();
        let got: Vec<(&str, Option<usize>, Option<&str>)> = words
            .iter()
            .map(|w| (w.text.as_str(), w.freq, w.tag.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("外防输入、内防反弹", None, None),
                ("两个确立", Some(50), Some("nz")),
                ("三保", None, Some("nz")),
            ]
        );
        let err = parse_words("好\n两个确立 五十\n", "d.txt").map(|_| ());
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn merge_sets_join_when_they_share_a_string() {
        let v = |xs: &[&str]| xs.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
        let mut lx = Lexicon::default();
        assert!(lx.add_merge(&v(&["有力有序"]), &v(&["有序有效", "有序有效地"])));
        assert!(!lx.add_merge(&v(&["有序有效"]), &v(&["有力有序"])));
        assert!(!lx.add_merge(&v(&["有力有序"]), &v(&["有力有序 "])));
        assert!(lx.add_merge(&v(&["严防死守"]), &v(&["联防联控"])));
        assert_eq!(lx.merge.len(), 2);
        // A set touching both joins them into one.
        assert!(lx.add_merge(&v(&["有序有效"]), &v(&["联防联控"])));
        assert_eq!(lx.merge.len(), 1);
        let mut all = lx.merge[0].clone();
        all.sort();
        assert_eq!(
            all,
            v(&["严防死守", "有力有序", "有序有效", "有序有效地", "联防联控"])
        );
        assert!(!lx.is_empty());
    }

    #[test]
    fn merge_lines() {
        let sets = parse_merge(
            "# 同一提法\n有力有序 = 有序有效\n严防死守 联防联控=群防群控\n",
            "m.txt",
        )
        .unwrap_or_default();
        assert_eq!(
            sets,
            vec![
                vec!["有力有序".to_string(), "有序有效".to_string()],
                vec!["严防死守".into(), "联防联控".into(), "群防群控".into()],
            ]
        );
        let err = parse_merge("有力有序 = 有序有效\n两手抓\n", "m.txt").map(|_| ());
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn stop_lines() {
        assert_eq!(
            parse_stop("# 不要\n高度重视\n 人民群众 \n"),
            vec!["高度重视", "人民群众"]
        );
    }

    #[test]
    fn files_must_be_utf8() {
        let dir = std::env::temp_dir().join(format!("tifa-lexicon-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let bad = dir.join("gbk.txt");
        let _ = std::fs::write(&bad, [0xb9u8, 0xa4, 0xd7, 0xf7]);
        let err = Lexicon::read(Some(&bad), None).map(|_| ());
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("not UTF-8"), "{msg}");
        let missing = Lexicon::read(None, Some(&dir.join("none.txt"))).map(|_| ());
        assert!(missing.is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
