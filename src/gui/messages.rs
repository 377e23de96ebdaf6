//! The engine's messages (why a file could not be read, notes on its decoding, what a project
//! could not restore) in the interface's language. The engine writes them in English, one
//! shape each; here each shape has its Chinese, with the names, sizes and counts it carries
//! put back in. A message of no known shape is shown as written.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::gui::command::Lang;

/// (English shape, Chinese with `$1`… for its captures). Shapes are whole messages.
const SHAPES: &[(&str, &str)] = &[
    ("empty file", "空文件"),
    ("empty file: only whitespace", "空文件：只有空白"),
    (
        "no text: the HTML page has no visible text",
        "没有文字：网页没有可见的文字",
    ),
    (
        "no text: the Word document has no paragraphs",
        "没有文字：Word 文档没有段落",
    ),
    (
        r"not text: looks like binary data \((\d+) control characters in the first (\d+)\)",
        "不是文本：像是二进制数据（前 $2 个字符中有 $1 个控制字符）",
    ),
    (
        r"not text: looks like binary data \((\d+) byte sequences not valid in (.+), the best guess\)",
        "不是文本：像是二进制数据（按最可能的编码 $2 有 $1 处无效字节序列）",
    ),
    (r"not text: looks like (.+)", "不是文本：像是$1"),
    (
        r"not a Word document: not a zip archive",
        "不是 Word 文档：不是 ZIP 压缩包",
    ),
    (
        r"not a Word document: it has no word/document\.xml",
        "不是 Word 文档：缺少 word/document.xml",
    ),
    (
        r"not a Word document: word/document\.xml cannot be read \((.+)\)",
        "不是 Word 文档：word/document.xml 无法读取（$1）",
    ),
    (
        r"not a Word document: word/document\.xml expands to more than (\d+) bytes \((\d+) compressed\)",
        "不是 Word 文档：word/document.xml 解压后超过 $1 字节（压缩后 $2 字节），疑为压缩炸弹",
    ),
    (r"the PDF cannot be read \((.+)\)", "PDF 无法读取（$1）"),
    (
        r"a scanned PDF: its page is an image without a text layer \(run it through OCR first, then add the result\)",
        "扫描版 PDF：页面是图片，没有文字层（请先做 OCR 文字识别，再添加识别结果）",
    ),
    (
        r"a scanned PDF: its (\d+) pages are images without a text layer \(run it through OCR first, then add the result\)",
        "扫描版 PDF：$1 页都是图片，没有文字层（请先做 OCR 文字识别，再添加识别结果）",
    ),
    (
        r"file too large: (.+), the limit is (.+)",
        "文件过大：$1，上限为 $2",
    ),
    (
        "empty folder: no files to read",
        "空文件夹：没有可读取的文件",
    ),
    ("no such file or folder", "文件或文件夹不存在"),
    (r"cannot read: (.+)", "无法读取：$1"),
    (r"not a regular file: (.+)", "不是普通文件：像是$1"),
    (
        r"(\d+) malformed byte sequences? replaced \(not valid (.+)\)",
        "已替换 $1 处损坏的字节序列（不是有效的 $2）",
    ),
    (
        r"encoding guessed as (.+): check that the text reads correctly",
        "编码推测为 $1：请检查文字是否正确",
    ),
    (
        r"decoded in parts: (\d+) lines as UTF-8, (\d+) lines as (.+)",
        "分段解码：$1 行按 UTF-8，$2 行按 $3",
    ),
    (
        r"pre-segmented text \(spaces between Chinese words\): the spaces were taken out",
        "已分词的文本（中文词之间有空格）：已去掉这些空格",
    ),
    (
        r"the saved lexicon cannot be read \((.+)\)",
        "保存的用户词典无法读取（$1）",
    ),
    (
        r"the saved (.+) cannot be read \((.+)\)",
        "保存的 $1 无法读取（$2）",
    ),
    (
        r"the correction of (.+) cannot be read \((.+)\)",
        "$1 的更正无法读取（$2）",
    ),
    (
        r"the corrections kept for (.+) cannot be read \((.+)\)",
        "为 $1 保留的更正无法读取（$2）",
    ),
];

/// What `not text: looks like …` names, in Chinese.
const KINDS: &[(&str, &str)] = &[
    ("a PDF", "PDF 文件"),
    ("a PNG image", "PNG 图片"),
    ("a JPEG image", "JPEG 图片"),
    ("a GIF image", "GIF 图片"),
    ("a WebP image", "WebP 图片"),
    ("a BMP image", "BMP 图片"),
    ("a TIFF image", "TIFF 图片"),
    ("a gzip archive", "gzip 压缩包"),
    ("a 7z archive", "7z 压缩包"),
    ("a RAR archive", "RAR 压缩包"),
    ("an xz archive", "xz 压缩包"),
    ("a bzip2 archive", "bzip2 压缩包"),
    ("a ZIP archive", "ZIP 压缩包"),
    (
        "an old-format Office file (.doc/.xls/.ppt) or an encrypted one",
        "旧版 Office 文件（.doc/.xls/.ppt）或加密文件",
    ),
    ("an RTF document", "RTF 文档"),
    ("a program (ELF executable)", "程序文件（ELF 可执行文件）"),
    ("a named pipe (FIFO)", "命名管道（FIFO）"),
    ("a socket", "套接字"),
    ("a device", "设备文件"),
    ("a special file", "特殊文件"),
];

static COMPILED: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    SHAPES
        .iter()
        .filter_map(|(en, zh)| Regex::new(&format!("^(?s:{en})$")).ok().map(|r| (r, *zh)))
        .collect()
});

/// `message` in `lang`: the engine's English for English, its Chinese for Chinese when the
/// message has a known shape; a message made of a prefix the interface wrote and an engine
/// message after `: ` has the engine's part translated.
pub fn message(lang: Lang, message: &str) -> Cow<'_, str> {
    if lang == Lang::En {
        return Cow::Borrowed(message);
    }
    if let Some(zh) = whole(message) {
        return Cow::Owned(zh);
    }
    // "导出失败: cannot read: …" — the part after the first `: ` may be the engine's.
    for (at, _) in message.match_indices(": ") {
        if let Some(zh) = whole(&message[at + 2..]) {
            return Cow::Owned(format!("{}：{zh}", &message[..at]));
        }
    }
    Cow::Borrowed(message)
}

fn whole(message: &str) -> Option<String> {
    let (re, zh) = COMPILED.iter().find(|(re, _)| re.is_match(message))?;
    let out = re.replace(message, *zh).into_owned();
    // The kind of file a `looks like` message names.
    match KINDS
        .iter()
        .find(|(en, _)| out.ends_with(&format!("像是{en}")))
    {
        Some((en, kind)) => Some(format!("{}{kind}", &out[..out.len() - en.len()])),
        None => Some(out),
    }
}

/// How one variant of a formula differs from another (`variants::kind`), in Chinese.
const CHANGES: &[(&str, &str)] = &[
    ("order", "语序"),
    ("member", "换成员"),
    ("nested", "嵌套"),
    ("added", "增项"),
    ("dropped", "减项"),
    ("series", "系列"),
    ("context", "加词"),
    ("part", "部分"),
    ("char", "改字"),
];

/// A lineage change (`order`, `member`, …) in `lang`.
pub fn change(lang: Lang, kind: &str) -> &str {
    match lang {
        Lang::En => kind,
        Lang::Zh => CHANGES
            .iter()
            .find(|(en, _)| *en == kind)
            .map_or(kind, |(_, zh)| zh),
    }
}

/// A group's `differs` (`order: 复工复产 / 复产复工; nested: …`) with each change named in
/// `lang`.
pub fn differs(lang: Lang, differs: &str) -> String {
    if lang == Lang::En {
        return differs.to_string();
    }
    differs
        .split("; ")
        .map(|part| match part.split_once(": ") {
            Some((kind, rest)) => format!("{}：{rest}", change(lang, kind)),
            None => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// A list of messages joined with `; ` (as the library's problems column holds them), each in
/// `lang`.
pub fn messages(lang: Lang, joined: &str) -> String {
    joined
        .split("; ")
        .map(|m| message(lang, m))
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::IngestError;
    use crate::ingest::docx::DocxError;
    use crate::ingest::pdf::PdfError;

    /// True when `s` holds no English word: what is left are names, numbers and Chinese.
    fn no_english(s: &str) -> bool {
        !s.split(|c: char| !c.is_ascii() || c.is_whitespace())
            // File names such as word/document.xml are names.
            .filter(|t| !t.contains(['/', '.']))
            .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
            .any(|w| w.len() > 3 && w.chars().all(|c| c.is_ascii_lowercase()))
    }

    #[test]
    fn every_reading_error_has_its_chinese() {
        let errors: Vec<IngestError> = vec![
            IngestError::Empty,
            IngestError::Blank,
            IngestError::NoText("the HTML page has no visible text"),
            IngestError::NoText("the Word document has no paragraphs"),
            IngestError::NotText("a PNG image"),
            IngestError::NotText("an old-format Office file (.doc/.xls/.ppt) or an encrypted one"),
            IngestError::Binary {
                control: 12,
                sampled: 100,
            },
            IngestError::Undecodable {
                malformed: 40,
                encoding: "GB18030".into(),
            },
            DocxError::NotZip.into(),
            DocxError::NoDocument.into(),
            DocxError::Broken("bad tag at byte 4".into()).into(),
            DocxError::TooLarge {
                limit: 64,
                compressed: 2,
            }
            .into(),
            PdfError::Broken("PDF error: invalid xref".into()).into(),
            PdfError::Scanned { pages: 1 }.into(),
            PdfError::Scanned { pages: 12 }.into(),
            IngestError::TooLarge {
                size: 600 << 20,
                limit: 64 << 20,
            },
            IngestError::EmptyFolder,
            IngestError::Missing,
            IngestError::NotRegular("a named pipe (FIFO)"),
            IngestError::NotText("a program (ELF executable)"),
        ];
        for e in errors {
            let en = e.to_string();
            let zh = message(Lang::Zh, &en);
            assert_ne!(zh, en, "{en}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            // What is inside the brackets the engine quotes may stay as it was.
            let outside: String = zh.split('（').next().unwrap_or_default().to_string();
            assert!(no_english(&outside), "{en} → {zh}");
            assert_eq!(message(Lang::En, &en), en);
        }
    }

    #[test]
    fn captures_go_back_in() {
        assert_eq!(
            message(Lang::Zh, "file too large: 500.0 MB, the limit is 64.0 MB"),
            "文件过大：500.0 MB，上限为 64.0 MB"
        );
        assert_eq!(
            message(Lang::Zh, "not text: looks like a PDF"),
            "不是文本：像是PDF 文件"
        );
        assert_eq!(
            message(
                Lang::Zh,
                "3 malformed byte sequences replaced (not valid GB18030)"
            ),
            "已替换 3 处损坏的字节序列（不是有效的 GB18030）"
        );
        assert_eq!(
            message(Lang::Zh, "导出失败: cannot read: permission denied"),
            "导出失败：无法读取：permission denied"
        );
        assert_eq!(message(Lang::Zh, "something new"), "something new");
        assert_eq!(
            message(Lang::Zh, crate::ingest::segmented::NOTE),
            "已分词的文本（中文词之间有空格）：已去掉这些空格"
        );
        assert_eq!(
            differs(
                Lang::Zh,
                "order: 复工复产 / 复产复工; nested: 外防输入 ⊂ 外防输入、内防反弹"
            ),
            "语序：复工复产 / 复产复工；嵌套：外防输入 ⊂ 外防输入、内防反弹"
        );
        assert_eq!(change(Lang::Zh, "dropped"), "减项");
        assert_eq!(
            message(
                Lang::Zh,
                "the corrections kept for /a/p.tifa cannot be read (not an object)"
            ),
            "为 /a/p.tifa 保留的更正无法读取（not an object）"
        );
        assert_eq!(change(Lang::En, "dropped"), "dropped");
        assert_eq!(
            messages(
                Lang::Zh,
                "empty file; encoding guessed as GBK: check that the text reads correctly"
            ),
            "空文件；编码推测为 GBK：请检查文字是否正确"
        );
    }
}
