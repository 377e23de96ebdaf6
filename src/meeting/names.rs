//! Short names of PRC divisions: 永康 for 永康市, 广西 for 广西壮族自治区.

/// The nationalities as they appear inside the names of autonomous areas, longest first
/// (恩施土家族苗族自治州 → 恩施), with 各 for 各族 (龙胜各族自治县). One-character ones are
/// only stripped with 族 after them.
const NATIONALITIES: [&str; 56] = [
    "乌孜别克",
    "柯尔克孜",
    "维吾尔",
    "哈萨克",
    "达斡尔",
    "塔吉克",
    "俄罗斯",
    "鄂温克",
    "塔塔尔",
    "鄂伦春",
    "蒙古",
    "布依",
    "朝鲜",
    "土家",
    "哈尼",
    "傈僳",
    "高山",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "仫佬",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "怒",
    "京",
    "傣",
    "各",
];

/// The common short name of an official division name: 永康市 → 永康, 广西壮族自治区 → 广西,
/// 恩施土家族苗族自治州 → 恩施. A name that would shrink to one character stays whole (沙县).
pub fn short_name(official: &str) -> String {
    const SUFFIXES: [&str; 13] = [
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "地区",
        "林区",
        "新区",
        "省",
        "市",
        "县",
        "区",
        "旗",
    ];
    let long_enough = |s: &str| s.chars().count() >= 2;
    let Some(mut base) = SUFFIXES
        .iter()
        .find_map(|s| official.strip_suffix(s))
        .or_else(|| official.strip_suffix('盟'))
    else {
        return official.to_string();
    };
    // Peel nationalities off the end: 海西蒙古族藏族 → 海西蒙古族 → 海西.
    loop {
        let peeled = NATIONALITIES.iter().find_map(|n| {
            let rest = base
                .strip_suffix('族')
                .and_then(|b| b.strip_suffix(n))
                .or_else(|| {
                    (n.chars().count() > 1)
                        .then(|| base.strip_suffix(n))
                        .flatten()
                })?;
            long_enough(rest).then_some(rest)
        });
        match peeled {
            Some(rest) => base = rest,
            None => break,
        }
    }
    // 鄂温克族自治旗 is named after its people alone: no shorter name is in use.
    if long_enough(base) && !base.ends_with('族') {
        base.to_string()
    } else {
        official.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        for (official, short) in [
            ("永康市", "永康"),
            ("盐城市", "盐城"),
            ("湖南省", "湖南"),
            ("北京市", "北京"),
            ("广西壮族自治区", "广西"),
            ("内蒙古自治区", "内蒙古"),
            ("新疆维吾尔自治区", "新疆"),
            ("西藏自治区", "西藏"),
            ("宁夏回族自治区", "宁夏"),
            ("香港特别行政区", "香港"),
            ("恩施土家族苗族自治州", "恩施"),
            ("海西蒙古族藏族自治州", "海西"),
            ("伊犁哈萨克自治州", "伊犁"),
            ("巴音郭楞蒙古自治州", "巴音郭楞"),
            ("克孜勒苏柯尔克孜自治州", "克孜勒苏"),
            ("白沙黎族自治县", "白沙"),
            ("阿里地区", "阿里"),
            ("锡林郭勒盟", "锡林郭勒"),
            ("神农架林区", "神农架"),
            ("浦东新区", "浦东"),
            ("沙县", "沙县"),
            ("和县", "和县"),
            ("城区", "城区"),
            ("朝阳区", "朝阳"),
            ("鄂温克族自治旗", "鄂温克族自治旗"),
            ("龙胜各族自治县", "龙胜"),
        ] {
            assert_eq!(short_name(official), short, "{official}");
        }
    }
}
