//! The bundled CJK font: egui's own fonts have no Chinese.

use std::sync::Arc;

/// Noto Sans CJK SC, subset to GB2312 and punctuation (see `fonts/make-subset.sh`, SIL OFL 1.1).
const NOTO_SANS_SC: &[u8] = include_bytes!("../../fonts/NotoSansSC-Subset.otf");

/// The name the font is registered under.
pub const CJK_FONT: &str = "noto-sans-sc";

/// The font definitions: egui's defaults first, the bundled CJK font as their fallback.
pub fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT.to_owned(),
        Arc::new(egui::FontData::from_static(NOTO_SANS_SC)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT.to_owned());
    }
    fonts
}

/// Installs the bundled CJK font on `ctx`, after egui's default fonts.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
