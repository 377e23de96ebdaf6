//! Grouping variants of one formula: reordered, a list member swapped, nested, one character changed.
//!
//! Candidates arrive best first. The first of a group is its head, and a later candidate joins
//! the first group whose head it is a variant of. Comparing with heads only keeps groups from
//! chaining (群防群控 ~ 群防群治 ~ 联防联治 …) into one blob; hashed keys keep it linear.

use std::collections::HashMap;

use crate::phrase::shape::{LIST_MARK, Shape, list_items};

/// How a variant differs from the head of its group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same parts in another order: 复工复产 ~ 复产复工.
    Order,
    /// One list member swapped: 松劲心态 → 厌战情绪 in 麻痹思想、松劲心态、侥幸心理.
    Member {
        /// The head's member.
        from: String,
        /// The variant's member.
        to: String,
    },
    /// One is a member of the other, a parallel pair: 外防输入 ⊂ 外防输入、内防反弹.
    Nested,
    /// One list has one member more: 麻痹思想、厌战情绪、侥幸心理 + 松劲心态.
    Added {
        /// The member only the longer list has.
        member: String,
    },
    /// One character changed: 群防群控 ~ 群防群治.
    Char {
        /// The head's character.
        from: char,
        /// The variant's character.
        to: char,
    },
}

/// Shortest formula (in characters) whose one-character change still counts as a variant; a
/// changed character in a shorter string changes its meaning rather than its wording.
const MIN_CHAR_VARIANT: usize = 4;

/// Parts that can be reordered: list members, else two-character units of an even-length string.
fn parts(text: &str) -> Vec<String> {
    let items = list_items(text);
    if items.len() >= 2 {
        return items.into_iter().map(str::to_string).collect();
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.len() >= 4 && chars.len() % 2 == 0 {
        return chars.chunks(2).map(|c| c.iter().collect()).collect();
    }
    Vec::new()
}

/// The variant relation of `other` to `head`, if any.
pub fn relation(head: &str, other: &str) -> Option<Relation> {
    if head == other {
        return None;
    }
    let (hp, op) = (parts(head), parts(other));
    let is_list = |t: &str| t.contains(LIST_MARK);
    if hp.len() >= 2 && is_list(head) == is_list(other) {
        let (mut hs, mut os) = (hp.clone(), op.clone());
        hs.sort();
        os.sort();
        if hs == os {
            return Some(Relation::Order);
        }
    }
    let (hi, oi) = (list_items(head), list_items(other));
    if hi.len() == oi.len() && hi.len() >= 2 {
        let diff: Vec<usize> = (0..hi.len()).filter(|&i| hi[i] != oi[i]).collect();
        if let [i] = diff[..]
            && member_swap_allowed(hi.len(), hi[i], oi[i])
        {
            return Some(Relation::Member {
                from: hi[i].to_string(),
                to: oi[i].to_string(),
            });
        }
    }
    // A member of a longer list is just one of the things listed; only a parallel pair is one
    // formula whose halves also travel alone.
    let pair = |items: &[&str], t: &str| {
        items.len() == 2 && items.contains(&t) && Shape::of(&items.join("、")).parallel
    };
    if pair(&oi, head) || pair(&hi, other) {
        return Some(Relation::Nested);
    }
    let (short, long) = if hi.len() < oi.len() {
        (&hi, &oi)
    } else {
        (&oi, &hi)
    };
    if short.len() >= 2 && long.len() == short.len() + 1 {
        for i in 0..long.len() {
            let mut rest = long.clone();
            let member = rest.remove(i);
            if &rest == short {
                return Some(Relation::Added {
                    member: member.to_string(),
                });
            }
        }
    }
    let (hc, oc): (Vec<char>, Vec<char>) = (head.chars().collect(), other.chars().collect());
    if hc.len() == oc.len() && hc.len() >= MIN_CHAR_VARIANT {
        let diff: Vec<usize> = (0..hc.len()).filter(|&i| hc[i] != oc[i]).collect();
        if let [i] = diff[..]
            && hc[i] != LIST_MARK
            && oc[i] != LIST_MARK
        {
            return Some(Relation::Char {
                from: hc[i],
                to: oc[i],
            });
        }
    }
    None
}

/// A two-member list with one member swapped is a different list unless the swapped members are
/// close; with three or more members the unchanged ones carry the identity.
fn member_swap_allowed(len: usize, a: &str, b: &str) -> bool {
    // 坚持外防输入 for 外防输入 adds a word of context; that is not another member.
    if a.contains(b) || b.contains(a) {
        return false;
    }
    len >= 3 || a.chars().filter(|c| b.contains(*c)).count() * 2 >= a.chars().count()
}

/// Every key under which a head can be found by a variant, and the keys a candidate looks up.
fn keys(text: &str) -> (Vec<String>, Vec<String>) {
    let mut head = Vec::new();
    let mut probe = Vec::new();
    let mut ps = parts(text);
    if ps.len() >= 2 {
        ps.sort();
        let k = format!("o\u{1}{}", ps.join("\u{1}"));
        head.push(k.clone());
        probe.push(k);
    }
    let items = list_items(text);
    if items.len() >= 2 {
        let full = format!("d{}", items.join("\u{1}"));
        head.push(full.clone());
        probe.push(full);
        for i in 0..items.len() {
            let mut rest = items.clone();
            rest.remove(i);
            if rest.len() >= 2 {
                let k = format!("d{}", rest.join("\u{1}"));
                head.push(k.clone());
                probe.push(k);
            }
            let mut masked = items.clone();
            masked[i] = "\u{2}";
            let k = format!("m{}\u{1}{}", items.len(), masked.join("\u{1}"));
            head.push(k.clone());
            probe.push(k);
            head.push(format!("i\u{1}{}", items[i]));
            probe.push(format!("w\u{1}{}", items[i]));
        }
    }
    head.push(format!("w\u{1}{text}"));
    probe.push(format!("i\u{1}{text}"));
    let chars: Vec<char> = text.chars().collect();
    if chars.len() >= MIN_CHAR_VARIANT {
        for p in 0..chars.len() {
            let mut masked = chars.clone();
            masked[p] = '\u{2}';
            let k: String = std::iter::once('c').chain(masked).collect();
            head.push(k.clone());
            probe.push(k);
        }
    }
    (head, probe)
}

/// Groups `texts` (best first) into variant groups; each group lists indices into `texts`, its
/// head first, and the groups come in the order of their heads.
pub fn group(texts: &[&str]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, text) in texts.iter().enumerate() {
        let (head_keys, probe_keys) = keys(text);
        // The best (lowest-numbered) group wins, whatever order the keys are probed in.
        let found = probe_keys
            .iter()
            .filter_map(|k| index.get(k).copied())
            .filter(|&g| relation(texts[groups[g][0]], text).is_some())
            .min();
        if let Some(g) = found {
            groups[g].push(i);
        } else {
            let g = groups.len();
            groups.push(vec![i]);
            for k in head_keys {
                index.entry(k).or_insert(g);
            }
        }
    }
    groups
}

/// What differs between a group's head and its other variants, e.g.
/// `order: 复工复产 / 复产复工; char: 群防群控 / 群防群治`; empty for one variant.
pub fn describe(head: &str, others: &[&str]) -> String {
    let mut out: Vec<String> = others
        .iter()
        .filter_map(|o| {
            relation(head, o).map(|r| match r {
                Relation::Order => format!("order: {head} / {o}"),
                Relation::Member { from, to } => format!("member: {from} / {to}"),
                Relation::Nested if o.chars().count() > head.chars().count() => {
                    format!("nested: {head} ⊂ {o}")
                }
                Relation::Nested => format!("nested: {o} ⊂ {head}"),
                Relation::Added { member } => format!("added: {member} ({head} / {o})"),
                Relation::Char { from, to } => format!("char: {from} / {to} ({head} / {o})"),
            })
        })
        .collect();
    out.dedup();
    out.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(head: &str, other: &str, expect: Option<&str>) {
        let got = relation(head, other).map(|_| describe(head, &[other]));
        assert_eq!(got.as_deref(), expect, "{head} ~ {other}");
    }

    #[test]
    fn relations() {
        check("复工复产", "复产复工", Some("order: 复工复产 / 复产复工"));
        check(
            "疫情防控、复工复产",
            "复工复产、疫情防控",
            Some("order: 疫情防控、复工复产 / 复工复产、疫情防控"),
        );
        check(
            "麻痹思想、松劲心态、侥幸心理",
            "麻痹思想、厌战情绪、侥幸心理",
            Some("member: 松劲心态 / 厌战情绪"),
        );
        check(
            "外防输入",
            "外防输入、内防反弹",
            Some("nested: 外防输入 ⊂ 外防输入、内防反弹"),
        );
        check(
            "外防输入、内防反弹",
            "内防反弹",
            Some("nested: 内防反弹 ⊂ 外防输入、内防反弹"),
        );
        check(
            "群防群控",
            "群防群治",
            Some("char: 控 / 治 (群防群控 / 群防群治)"),
        );
        check(
            "外防输入、内防反弹",
            "外防输入、内防扩散",
            Some("member: 内防反弹 / 内防扩散"),
        );
        check("疫情防控、经济发展", "疫情防控、脱贫攻坚", None);
        check("外防输入、内防反弹", "坚持外防输入、内防反弹", None);
        check("麻痹思想", "麻痹思想、厌战情绪、侥幸心理", None);
        check("疫情防控", "疫情防控、复工复产", None);
        check(
            "两手抓",
            "两手抓、两手硬",
            Some("nested: 两手抓 ⊂ 两手抓、两手硬"),
        );
        check("人流、物流", "人流物流", None);
        check(
            "麻痹思想、厌战情绪、侥幸心理",
            "麻痹思想、厌战情绪、侥幸心理、松劲心态",
            Some(
                "added: 松劲心态 (麻痹思想、厌战情绪、侥幸心理 / 麻痹思想、厌战情绪、侥幸心理、松劲心态)",
            ),
        );
        check("疫情防控", "经济发展", None);
        check("两手抓", "两手硬", None);
        check("铜墙铁壁", "铜墙铁壁", None);
        check("疫情防控", "疫情防控工作", None);
    }

    fn check_groups(texts: &[&str], expect: &[&[&str]]) {
        let got: Vec<Vec<&str>> = group(texts)
            .into_iter()
            .map(|g| g.into_iter().map(|i| texts[i]).collect())
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn groups() {
        check_groups(
            &["复工复产", "铜墙铁壁", "复产复工", "群防群控", "群防群治"],
            &[
                &["复工复产", "复产复工"],
                &["铜墙铁壁"],
                &["群防群控", "群防群治"],
            ],
        );
        check_groups(
            &[
                "外防输入、内防反弹",
                "外防输入",
                "内防反弹",
                "外防输入、内防扩散",
            ],
            &[&[
                "外防输入、内防反弹",
                "外防输入",
                "内防反弹",
                "外防输入、内防扩散",
            ]],
        );
        // Only heads attract: 联防联治 is one character from 群防群治, not from the head 群防群控.
        check_groups(
            &["群防群控", "群防群治", "联防联治"],
            &[&["群防群控", "群防群治"], &["联防联治"]],
        );
        check_groups(
            &["四个意识", "四个自信", "两个维护"],
            &[&["四个意识"], &["四个自信"], &["两个维护"]],
        );
    }
}
