//! Grouping variants of one formula: reordered, a list member swapped, nested, one character changed.
//!
//! Candidates arrive best first. The first of a group is its head, and a later candidate joins
//! the first group whose head it is a variant of. Comparing with heads only keeps groups from
//! chaining (群防群控 ~ 群防群治 ~ 联防联治 …) into one blob; hashed keys keep it linear.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::phrase::shape::{LIST_MARK, Shape, list_items, parallel_units};

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
    /// A run of the units of a parallel series: 有力有序 ⊂ 有力有序有效.
    Series,
    /// One member of a list standing alone: 麻痹思想 ⊂ 麻痹思想、厌战情绪、侥幸心理. Whether it
    /// joins the list's group depends on how often it stands alone ([`group`]).
    Part,
    /// The same list with a word of context at its edge: 外防输入、内防反弹 ~
    /// 坚持外防输入、内防反弹, 政治判断力、政治领悟力、政治执行力 ~ 提高政治判断力、….
    Context {
        /// The words the longer one adds.
        words: String,
    },
    /// A word of context before a list and one member more or fewer: 克服麻痹思想、厌战情绪、侥幸心理
    /// ~ 麻痹思想、厌战情绪、侥幸心理、松劲心态.
    ContextAdded {
        /// The words before the list.
        words: String,
        /// The member only one of them has.
        member: String,
    },
    /// The same list with its marks written or left out: 强国建设、民族复兴伟业 ~
    /// 强国建设民族复兴伟业.
    Marks,
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

/// Shortest plain string (neither numbered nor parallel) whose one-character change counts.
const MIN_PLAIN_CHAR_VARIANT: usize = 6;

/// The contiguous runs of two or more units of a parallel series (有力有序, 有序有效 and
/// 有力有序有效 of 有力有序有效), or nothing for another string.
fn sub_series(text: &str) -> Vec<String> {
    let n = parallel_units(text);
    if n < 2 || text.contains(LIST_MARK) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len() / n;
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 2..=n {
            out.push(chars[a * size..b * size].iter().collect());
        }
    }
    out
}

/// [`Relation::Series`] when one of the two is a run of the other's parallel units.
fn series(head: &str, other: &str) -> Option<Relation> {
    let (long, short) = if head.len() > other.len() {
        (head, other)
    } else {
        (other, head)
    };
    sub_series(long)
        .iter()
        .any(|s| s == short)
        .then_some(Relation::Series)
}

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
    let is_list = |t: &str| t.contains(LIST_MARK);
    // Members of two characters without their marks make a compound of their own (人流物流).
    let long_members = |t: &str| list_items(t).iter().all(|m| m.chars().count() >= 3);
    if is_list(head) != is_list(other)
        && unmarked(head) == unmarked(other)
        && long_members(if is_list(head) { head } else { other })
    {
        return Some(Relation::Marks);
    }
    let (hp, op) = (parts(head), parts(other));
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
        if let [i] = diff[..] {
            if member_swap_allowed(hi.len(), hi[i], oi[i]) {
                return Some(Relation::Member {
                    from: hi[i].to_string(),
                    to: oi[i].to_string(),
                });
            }
            if let Some(words) = context(hi[i], oi[i], i, hi.len()) {
                return Some(Relation::Context { words });
            }
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
    // The members as a set: a list that adds one member often also moves one
    // (麻痹思想、松劲心态、侥幸心理 → 麻痹思想、厌战情绪、侥幸心理、松劲心态).
    if let Some(member) = added_member(short, long) {
        return Some(Relation::Added {
            member: member.to_string(),
        });
    }
    if let Some(r) = context_added(&hi, &oi).or_else(|| context_added(&oi, &hi)) {
        return Some(r);
    }
    if let Some(r) = series(head, other) {
        return Some(r);
    }
    if (hi.len() >= 2 && hi.contains(&other)) || (oi.len() >= 2 && oi.contains(&head)) {
        return Some(Relation::Part);
    }
    let (hc, oc): (Vec<char>, Vec<char>) = (head.chars().collect(), other.chars().collect());
    // In a plain string one changed character makes another word (重点工作, 重要工作); in a
    // numbered or parallel formula the frame carries the identity (群防群控, 群防群治).
    let framed = |t: &str| {
        let s = Shape::of(t);
        s.parallel || s.numbered || t.chars().count() >= MIN_PLAIN_CHAR_VARIANT
    };
    if hc.len() == oc.len() && hc.len() >= MIN_CHAR_VARIANT && framed(head) && framed(other) {
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

/// Most characters a word of context before a list's first member or after its last may have.
const MAX_CONTEXT: usize = 4;

/// The words one of two list members at position `i` of `len` adds to the other at the list's
/// edge (坚持 of 坚持外防输入 before 外防输入 as the first member), if that is all they differ by.
fn context(a: &str, b: &str, i: usize, len: usize) -> Option<String> {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    let words = if i == 0 && long.ends_with(short) {
        &long[..long.len() - short.len()]
    } else if i + 1 == len && long.starts_with(short) {
        &long[short.len()..]
    } else {
        return None;
    };
    let n = words.chars().count();
    (n > 0 && n <= MAX_CONTEXT && words.chars().all(crate::text::is_han)).then(|| words.to_string())
}

/// The ways `first`, the first member of a list, may be a member with a word of context before
/// it: what is left after one to [`MAX_CONTEXT`] ideographs, keeping two at least.
fn without_context(first: &str) -> impl Iterator<Item = (&str, &str)> {
    first
        .char_indices()
        .skip(1)
        .take(MAX_CONTEXT)
        .map(move |(at, _)| first.split_at(at))
        .filter(|(words, member)| {
            words.chars().all(crate::text::is_han) && member.chars().count() >= 2
        })
}

/// `with` is `bare` with a word of context before its first member and one member more or
/// fewer (in any order): 克服麻痹思想、厌战情绪、侥幸心理 for 麻痹思想、厌战情绪、侥幸心理、松劲心态.
fn context_added(bare: &[&str], with: &[&str]) -> Option<Relation> {
    if bare.len() < 2 || with.len() < 2 {
        return None;
    }
    let (&first, rest) = with.split_first()?;
    without_context(first).find_map(|(words, member)| {
        if !bare.contains(&member) {
            return None;
        }
        let stripped: Vec<&str> = std::iter::once(member)
            .chain(rest.iter().copied())
            .collect();
        let extra = if stripped.len() < bare.len() {
            added_member(&stripped, bare)
        } else {
            added_member(bare, &stripped)
        }?;
        Some(Relation::ContextAdded {
            words: words.to_string(),
            member: extra.to_string(),
        })
    })
}

/// The member `long` has besides all of `short`'s, in any order, when that is the only
/// difference.
fn added_member<'a>(short: &[&str], long: &[&'a str]) -> Option<&'a str> {
    if short.len() < 2 || long.len() != short.len() + 1 {
        return None;
    }
    let mut short_set = short.to_vec();
    short_set.sort_unstable();
    (0..long.len()).find_map(|i| {
        let mut rest = long.to_vec();
        let member = rest.remove(i);
        rest.sort_unstable();
        (rest == short_set).then_some(member)
    })
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
/// `text` without its list marks.
fn unmarked(text: &str) -> String {
    text.chars().filter(|&c| c != LIST_MARK).collect()
}

fn keys(text: &str) -> (Vec<String>, Vec<String>) {
    let mut head = Vec::new();
    let mut probe = Vec::new();
    // A list and the same words without its marks find each other.
    let bare = format!("u\u{1}{}", unmarked(text));
    head.push(bare.clone());
    probe.push(bare);
    let mut ps = parts(text);
    if ps.len() >= 2 {
        ps.sort();
        let k = format!("o\u{1}{}", ps.join("\u{1}"));
        head.push(k.clone());
        probe.push(k);
    }
    let items = list_items(text);
    if items.len() >= 2 {
        // A member added is found whatever the order of the others: the keys sort them.
        let set = |members: &[&str]| {
            let mut m = members.to_vec();
            m.sort_unstable();
            format!("d{}", m.join("\u{1}"))
        };
        let full = set(&items);
        head.push(full.clone());
        probe.push(full);
        // Without a word of context before it, the list is looked up as one with a member more
        // or fewer ([`Relation::ContextAdded`]).
        for (_, member) in without_context(items[0]) {
            let mut bare = items.clone();
            bare[0] = member;
            probe.push(set(&bare));
            for i in 0..bare.len() {
                let mut rest = bare.clone();
                rest.remove(i);
                if rest.len() >= 2 {
                    probe.push(set(&rest));
                }
            }
        }
        for i in 0..items.len() {
            let mut rest = items.clone();
            rest.remove(i);
            if rest.len() >= 2 {
                let k = set(&rest);
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
    for sub in sub_series(text) {
        let k = format!("s\u{1}{sub}");
        head.push(k.clone());
        probe.push(k);
    }
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
/// head first, and the groups come in the order of their heads. `meetings[i]` is how many
/// meetings use `texts[i]`: a list member joins the group of a list that ranks before it when
/// it is seldom used without the list (in at most twice the list's meetings), and a list joins
/// the group of a member that ranks before it when the member is never used more widely than
/// the list; 疫情防控, everywhere, is not a part of 疫情防控、复工复产.
pub fn group(texts: &[&str], meetings: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let uses = |i: usize| meetings.get(i).copied().unwrap_or(1);
    // Each text's keys depend on it alone: made on every core, then probed in order.
    let all_keys: Vec<(Vec<String>, Vec<String>)> = texts
        .par_iter()
        .with_max_len(16)
        .map(|text| keys(text))
        .collect();
    for (i, (text, (head_keys, probe_keys))) in texts.iter().zip(all_keys).enumerate() {
        // The best (lowest-numbered) group wins, whatever order the keys are probed in.
        let found = probe_keys
            .iter()
            .filter_map(|k| index.get(k).copied())
            .filter(|&g| {
                let head = groups[g][0];
                match relation(texts[head], text) {
                    None => false,
                    Some(Relation::Part) if texts[head].contains(LIST_MARK) => {
                        uses(i) <= 2 * uses(head)
                    }
                    Some(Relation::Part) => uses(head) <= uses(i),
                    Some(_) => true,
                }
            })
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

/// The one-word name of a relation, as lineage and `differs` print it.
pub fn kind(r: &Relation) -> &'static str {
    match r {
        Relation::Order => "order",
        Relation::Member { .. } => "member",
        Relation::Nested => "nested",
        Relation::Added { .. } => "added",
        Relation::Series => "series",
        Relation::Context { .. } | Relation::ContextAdded { .. } => "context",
        Relation::Part => "part",
        Relation::Marks => "marks",
        Relation::Char { .. } => "char",
    }
}

/// What differs between a group's head and its other variants, e.g.
/// `order: 复工复产 / 复产复工; char: 群防群控 / 群防群治`; empty for one variant.
pub fn describe(head: &str, others: &[&str]) -> String {
    let mut out: Vec<String> = others
        .iter()
        .filter_map(|o| {
            relation(head, o).map(|r| match &r {
                Relation::Order => format!("order: {head} / {o}"),
                Relation::Member { from, to } => format!("member: {from} / {to}"),
                Relation::Nested if o.chars().count() > head.chars().count() => {
                    format!("nested: {head} ⊂ {o}")
                }
                Relation::Nested => format!("nested: {o} ⊂ {head}"),
                Relation::Added { member } => format!("added: {member} ({head} / {o})"),
                Relation::Series | Relation::Part if o.chars().count() > head.chars().count() => {
                    format!("{}: {head} ⊂ {o}", kind(&r))
                }
                Relation::Series | Relation::Part => format!("{}: {o} ⊂ {head}", kind(&r)),
                Relation::Context { words } => format!("context: {words} ({head} / {o})"),
                Relation::ContextAdded { words, member } => {
                    format!("context: {words}, added: {member} ({head} / {o})")
                }
                Relation::Marks => format!("marks: {head} / {o}"),
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
        check(
            "强国建设、民族复兴伟业",
            "强国建设民族复兴伟业",
            Some("marks: 强国建设、民族复兴伟业 / 强国建设民族复兴伟业"),
        );
        check(
            "外防输入、内防反弹",
            "坚持外防输入、内防反弹",
            Some("context: 坚持 (外防输入、内防反弹 / 坚持外防输入、内防反弹)"),
        );
        check(
            "提高政治判断力、政治领悟力、政治执行力",
            "政治判断力、政治领悟力、政治执行力",
            Some(
                "context: 提高 (提高政治判断力、政治领悟力、政治执行力 / 政治判断力、政治领悟力、政治执行力)",
            ),
        );
        check(
            "外防输入、内防反弹",
            "外防输入、内防反弹工作",
            Some("context: 工作 (外防输入、内防反弹 / 外防输入、内防反弹工作)"),
        );
        // Words inside the list, or a whole clause of them, are another list.
        check("外防输入、内防反弹", "外防输入、严防内防反弹", None);
        check("外防输入、内防反弹", "毫不放松坚持外防输入、内防反弹", None);
        check(
            "麻痹思想",
            "麻痹思想、厌战情绪、侥幸心理",
            Some("part: 麻痹思想 ⊂ 麻痹思想、厌战情绪、侥幸心理"),
        );
        check(
            "疫情防控",
            "疫情防控、复工复产",
            Some("part: 疫情防控 ⊂ 疫情防控、复工复产"),
        );
        check(
            "有力有序有效",
            "有序有效",
            Some("series: 有序有效 ⊂ 有力有序有效"),
        );
        check(
            "抓实抓细",
            "抓紧抓实抓细",
            Some("series: 抓实抓细 ⊂ 抓紧抓实抓细"),
        );
        // Not a run of units: 力有序有 cuts across them.
        check("有力有序有效", "力有序有", None);
        // One character in a plain string makes another word.
        check("重点工作", "重要工作", None);
        check("重点人员", "重点人群", None);
        check(
            "应检尽检",
            "愿检尽检",
            Some("char: 应 / 愿 (应检尽检 / 愿检尽检)"),
        );
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
        check(
            "麻痹思想、松劲心态、侥幸心理",
            "麻痹思想、厌战情绪、侥幸心理、松劲心态",
            Some(
                "added: 厌战情绪 (麻痹思想、松劲心态、侥幸心理 / 麻痹思想、厌战情绪、侥幸心理、松劲心态)",
            ),
        );
        // A word of context before the list and a member more or fewer, either way round.
        check(
            "稳就业、保民生、促发展、防风险",
            "坚持稳就业、保民生、促发展",
            Some(
                "context: 坚持, added: 防风险 (稳就业、保民生、促发展、防风险 / 坚持稳就业、保民生、促发展)",
            ),
        );
        check(
            "坚持稳就业、保民生",
            "保民生、稳就业、促发展",
            Some("context: 坚持, added: 促发展 (坚持稳就业、保民生 / 保民生、稳就业、促发展)"),
        );
        // Not a word of context after the last member, where a list runs on into the clause
        // (…推动新发展提供), nor a context with a member swapped as well.
        check(
            "构建新格局、推动新发展、实现新跨越",
            "构建新格局、推动新发展提供",
            None,
        );
        check(
            "稳就业、保民生、促发展、防风险",
            "坚持稳就业、保民生、抓改革",
            None,
        );
        check("疫情防控", "经济发展", None);
        check("两手抓", "两手硬", None);
        check("铜墙铁壁", "铜墙铁壁", None);
        check("疫情防控", "疫情防控工作", None);
    }

    #[test]
    fn a_list_with_context_and_a_member_fewer_joins_the_list() {
        check_groups(
            &[
                "稳就业、保民生、促发展、防风险",
                "坚持稳就业、保民生、促发展",
                "坚持稳就业、防风险、促发展",
                "保民生",
            ],
            &[&[
                "稳就业、保民生、促发展、防风险",
                "坚持稳就业、保民生、促发展",
                "坚持稳就业、防风险、促发展",
                "保民生",
            ]],
        );
    }

    fn check_groups(texts: &[&str], expect: &[&[&str]]) {
        check_groups_used(texts, &vec![1; texts.len()], expect);
    }

    fn check_groups_used(texts: &[&str], meetings: &[usize], expect: &[&[&str]]) {
        let got: Vec<Vec<&str>> = group(texts, meetings)
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
        // A parallel series and its overlapping halves are one group.
        check_groups(
            &["有力有序有效", "有力有序", "有序有效"],
            &[&["有力有序有效", "有力有序", "有序有效"]],
        );
        // The halves first: the whole series joins the first half's group.
        check_groups(
            &["有力有序", "有序有效", "有力有序有效"],
            &[&["有力有序", "有力有序有效"], &["有序有效"]],
        );
        // A list, its members, a member added: one group while the members seldom stand alone.
        check_groups_used(
            &[
                "麻痹思想、厌战情绪、侥幸心理",
                "麻痹思想",
                "侥幸心理",
                "麻痹思想、厌战情绪、侥幸心理、松劲心态",
            ],
            &[2, 3, 2, 1],
            &[&[
                "麻痹思想、厌战情绪、侥幸心理",
                "麻痹思想",
                "侥幸心理",
                "麻痹思想、厌战情绪、侥幸心理、松劲心态",
            ]],
        );
        // A member used everywhere on its own is a formula of its own, in either order.
        check_groups_used(
            &["疫情防控、复工复产", "疫情防控"],
            &[2, 40],
            &[&["疫情防控、复工复产"], &["疫情防控"]],
        );
        check_groups_used(
            &["疫情防控", "疫情防控、复工复产"],
            &[40, 2],
            &[&["疫情防控"], &["疫情防控、复工复产"]],
        );
        // A member that ranks first takes in a list used as widely as it is.
        check_groups_used(
            &["两手都要硬", "两手抓、两手都要硬、两战都要赢"],
            &[2, 2],
            &[&["两手都要硬", "两手抓、两手都要硬、两战都要赢"]],
        );
        // Two words a character apart stay apart.
        check_groups(&["重点工作", "重要工作"], &[&["重点工作"], &["重要工作"]]);
    }
}
