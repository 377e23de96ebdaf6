//! Numbers as dates write them: ASCII and full-width digits, and Chinese numerals
//! (二〇二〇, 十二, 廿二, 三十一).

/// The value of one digit character: 0–9 in ASCII, full width, or Chinese (〇/零/○ … 九).
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '零' | '○' | 'Ｏ' | 'O' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// A number written digit by digit (2020, ２０２０, 二〇二〇), at most nine digits.
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 9 {
        return None;
    }
    s.chars()
        .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?))
}

/// A small number as written in dates: digits (27, ２７), or Chinese with tens (十, 十二, 二十七,
/// 廿二, 卅一). Returns `None` above 99 or for anything else.
pub fn parse_small(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return parse_digits(s).filter(|&n| n < 100);
    }
    let chars: Vec<char> = s.chars().collect();
    // Tens are written 十 (10), 二十 (20), 廿 (20) or 卅 (30); units follow.
    let (tens, rest) = match chars.as_slice() {
        ['十', rest @ ..] => (1, rest),
        ['廿', rest @ ..] => (2, rest),
        ['卅', rest @ ..] => (3, rest),
        [t, '十', rest @ ..] => (digit(*t).filter(|&d| d > 1)?, rest),
        [u] => return digit(*u).filter(|&d| d > 0),
        _ => return None,
    };
    match rest {
        [] => Some(tens * 10),
        [u] => Some(tens * 10 + digit(*u).filter(|&d| d > 0)?),
        _ => None,
    }
}

/// A count as ordinals write it (第95个, 一百周年, 一百零四周年, 104): digits, or Chinese with
/// hundreds and tens. Returns `None` above 999 or for anything else.
pub fn parse_count(s: &str) -> Option<u32> {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return parse_digits(s).filter(|&n| n < 1000);
    }
    let Some((hundreds, rest)) = s.split_once('百') else {
        return parse_small(s).or_else(|| parse_small(s.strip_prefix('一')?));
    };
    let h = match hundreds {
        "" => 1,
        h => digit(h.chars().next()?).filter(|&d| d > 0 && h.chars().count() == 1)?,
    };
    let r = match rest {
        "" => 0,
        r => match r.strip_prefix(['零', '〇']) {
            Some(u) => digit(u.chars().next()?).filter(|&d| d > 0 && u.chars().count() == 1)?,
            // 一百一十 writes its ten as 一十.
            None => parse_small(
                r.strip_prefix('一')
                    .filter(|t| t.starts_with('十'))
                    .unwrap_or(r),
            )
            .filter(|&n| n >= 10)?,
        },
    };
    Some(h * 100 + r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<u32>) {
        assert_eq!(parse_small(input), expect, "{input}");
    }

    #[test]
    fn small_numbers() {
        check("7", Some(7));
        check("27", Some(27));
        check("０３", Some(3));
        check("三", Some(3));
        check("十", Some(10));
        check("十二", Some(12));
        check("二十", Some(20));
        check("二十七", Some(27));
        check("廿二", Some(22));
        check("卅一", Some(31));
        check("三十一", Some(31));
        check("一十", None);
        check("十十", None);
        check("二三", None);
        check("〇", None);
        check("", None);
        check("123", None);
        check("日", None);
    }

    #[test]
    fn digit_strings() {
        assert_eq!(parse_digits("2020"), Some(2020));
        assert_eq!(parse_digits("二〇二〇"), Some(2020));
        assert_eq!(parse_digits("二○二二"), Some(2022));
        assert_eq!(parse_digits("２０２１"), Some(2021));
        assert_eq!(parse_digits("20a0"), None);
        assert_eq!(parse_digits("1234567890"), None);
    }

    #[test]
    fn counts() {
        let c = |s: &str, n: Option<u32>| assert_eq!(parse_count(s), n, "{s}");
        c("95", Some(95));
        c("104", Some(104));
        c("九十五", Some(95));
        c("一百", Some(100));
        c("百", Some(100));
        c("一百零四", Some(104));
        c("一百一十", Some(110));
        c("一百二十五", Some(125));
        c("七十", Some(70));
        c("一十", Some(10));
        c("五", Some(5));
        c("一百零", None);
        c("1000", None);
        c("十百", None);
        c("", None);
    }
}
