//! The interface strings in Chinese and English. Keys are the English text.

use crate::gui::command::Lang;

/// (English, 中文) pairs.
const STRINGS: &[(&str, &str)] = &[
    ("Timeline", "时间线"),
    ("Reader", "阅读"),
    ("Compare", "比较"),
    ("Diff", "对照"),
    ("Library", "文档库"),
    ("Problems", "问题"),
    ("Open…", "打开…"),
    ("Export…", "导出…"),
    ("Undo", "撤销"),
    ("Redo", "重做"),
    ("Cancel", "取消"),
    ("Language", "语言"),
    ("Ready", "就绪"),
    ("documents", "篇文档"),
    ("meetings", "次会议"),
    ("places", "个地方"),
    ("phrase groups", "组提法"),
    ("Drop to add", "松开以添加"),
    ("files", "个文件"),
    ("No meetings yet.", "尚未找到会议。"),
    ("Analysis in progress…", "正在分析…"),
    ("No place", "地点不明"),
    (
        "Ctrl+wheel: zoom · drag: pan · click: open",
        "Ctrl+滚轮缩放 · 拖动平移 · 点击打开",
    ),
    ("Phrase group", "提法组"),
    ("Score", "得分"),
    ("Shape", "形式"),
    ("Spread", "分布"),
    ("outlets", "个来源"),
    ("Fixedness", "固定度"),
    ("Specificity", "专用度"),
    ("Lineage", "变体谱系"),
    ("none", "无"),
    ("first use", "首次出现"),
    ("Title", "标题"),
    ("Date", "日期"),
    ("Place", "地点"),
    ("Chair", "主持"),
    ("Basis", "依据"),
    ("File", "文件"),
    ("Directives", "部署要求"),
    ("Show original page", "显示原始页面"),
    ("Correct by hand", "手工更正"),
    ("Apply", "应用"),
    ("Clear correction", "清除更正"),
    ("corrected", "已更正"),
    (
        "Select a meeting on the timeline.",
        "请在时间线上选择一次会议。",
    ),
    ("Filter", "筛选"),
    ("Ctrl+F", "Ctrl+F"),
    ("Total", "合计"),
    ("Variants", "变体"),
    ("No phrase groups yet.", "尚无提法组。"),
    (
        "Choose a phrase group to see its sentences.",
        "选择一组提法以查看原句。",
    ),
    ("Left", "左"),
    ("Right", "右"),
    ("Choose two meetings.", "请选择两次会议。"),
    ("Aligning…", "正在对齐…"),
    ("shared", "相同"),
    ("changed", "不同"),
    ("Path", "路径"),
    ("Encoding", "编码"),
    ("Format", "格式"),
    ("Remove", "移除"),
    ("Open folder", "打开文件夹"),
    ("No problems.", "没有问题。"),
    ("Message", "说明"),
    ("Replace the existing file?", "替换已有文件？"),
    ("Replace", "替换"),
    ("Exported", "已导出"),
    ("Export failed", "导出失败"),
    (
        "Choose .csv, .xlsx, .md or .json",
        "请选择 .csv、.xlsx、.md 或 .json",
    ),
    ("Nothing to undo", "没有可撤销的操作"),
    ("Loading cancelled", "已取消加载"),
    ("Open with", "对照"),
    ("explicit", "明确"),
    ("masthead", "报头"),
    ("dateline", "电头"),
    ("relative", "相对"),
    ("inferred", "推断"),
    ("metadata", "网页元数据"),
    ("path", "文件名"),
    ("day", "精确到日"),
    ("month", "精确到月"),
    ("approximate", "大致"),
    ("undated", "无日期"),
    ("Meetings", "会议"),
    ("Count", "次数"),
    ("Table", "表格"),
    ("starting", "正在开始"),
    ("reading", "读取"),
    ("finding meetings", "识别会议"),
    ("counting phrases", "统计提法"),
    ("grouping phrases", "归并提法"),
    ("aligning", "对齐"),
    ("exporting", "导出"),
    ("applying corrections", "应用更正"),
    ("Export cancelled", "已取消导出"),
    ("Failed", "失败"),
    ("Diffusion", "传播"),
    (
        "Choose a phrase group to see how it spread.",
        "选择一组提法以查看其传播。",
    ),
    ("top-down", "自上而下"),
    ("bottom-up", "自下而上"),
    ("Export the data:", "导出数据："),
    ("adopters", "采用地"),
    ("cascades", "级联"),
    ("adoption panel", "事件史面板"),
    ("edges", "传播关系"),
    ("coverage", "覆盖"),
    ("took it up after", "在其后采用，先用者"),
    ("days later", "天后"),
    ("Adoption curve", "采用曲线"),
    ("Adopters", "采用地数"),
    ("Lag from the first use (days)", "距首次使用的天数"),
    ("Centre", "中央"),
    ("Province", "省级"),
    ("Prefecture", "地市级"),
    ("County", "县级"),
    ("Unknown level", "级别不明"),
    ("Level", "级别"),
    ("First use", "首次使用"),
    ("Lag", "滞后"),
    ("From centre", "距中央"),
    ("From parent", "距上级"),
    ("Sentence", "原句"),
    ("Parent", "上级"),
    ("Open the meeting at this sentence", "在阅读视图中打开此句"),
    ("thin", "该地会议过少，首用日期可能偏晚"),
    ("first seen", "即该地在语料中最早的会议，此前可能已使用"),
    ("Who follows whom", "谁跟随谁"),
    ("Lag by level", "各级滞后"),
    ("Save the chart", "保存图表"),
    ("At least", "至少"),
    ("Keyness by place", "各地特色提法"),
    ("here", "本地"),
    ("elsewhere", "其他地方"),
    ("more", "多用"),
    ("less", "少用"),
    ("numbered", "数字概括"),
    ("parallel", "排比"),
    ("list", "并列"),
    ("quoted", "引号"),
    ("idiom", "四字格"),
    ("policy term", "政策术语"),
    ("lexicon", "用户词典"),
    ("slot", "留空框架"),
    ("by convening body", "按召集机关"),
    (
        "A meeting attended at a branch venue goes in the lane of the body that convened it",
        "在分会场参加的会议归入召集它的机关的泳道",
    ),
    ("type to filter", "输入以筛选"),
    ("In province", "所在省份"),
    ("any", "全部"),
    ("From", "自"),
    ("To", "至"),
    ("Pairs", "配对"),
    ("in reading order", "按原文顺序"),
    ("by similarity", "按相似度"),
    ("Without a partner", "未配对的分句"),
    (
        "No clause of one pairs with a clause of the other: all are listed below.",
        "两边没有可以配对的分句，全部列在下方。",
    ),
    ("Track a formula", "追踪提法"),
    ("Phrase", "提法"),
    ("type a phrase, Enter", "输入提法后回车"),
    ("Track", "追踪"),
    ("Not found in any meeting.", "任何会议中都没有找到。"),
    ("per place and month", "按地点和月份"),
    ("Lanes", "泳道"),
    ("by hierarchy", "按层级"),
    ("by meetings", "按会议数"),
    ("by name", "按名称"),
    ("Formulae", "提法"),
    ("restated", "照搬上级"),
    ("adapted", "改写上级"),
    ("local", "本地"),
    ("boilerplate", "套话"),
    ("Restated from above", "对上级文本的承接"),
    ("Restated and adapted", "照搬与改写"),
    ("Restated from above, by place", "各地对上级文本的承接"),
    ("with texts above", "有上级文本"),
    ("shares", "承接比例"),
    ("adapted clauses", "改写分句"),
    ("every clause", "全部分句"),
    (
        "No text of the places above it in the window.",
        "时间窗口内没有其上级地方的文本。",
    ),
    ("higher-level meetings", "次上级会议"),
    ("higher-level pages", "篇上级其他文本"),
    ("Ctrl+click: compare curves", "Ctrl+点击：对比曲线"),
    ("the chart is not on screen", "图表不在屏幕上"),
    ("median", "中位数"),
    ("window", "窗口"),
    ("days", "天"),
    (
        "solid: inferred · faint: within the window only",
        "实线：推断的传播关系 · 淡线：仅在窗口内先后",
    ),
];

/// The text for `key` in `lang`; the key itself when no translation exists.
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    match lang {
        Lang::En => key,
        Lang::Zh => STRINGS
            .iter()
            .find(|(en, _)| *en == key)
            .map_or(key, |(_, zh)| zh),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(key: &'static str, zh: &str) {
        assert_eq!(tr(Lang::Zh, key), zh);
        assert_eq!(tr(Lang::En, key), key);
    }

    #[test]
    fn translates() {
        check("Timeline", "时间线");
        check("Export…", "导出…");
        check("masthead", "报头");
        check("not in the table", "not in the table");
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = STRINGS.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }
}
