//! Marking a meeting checked (right as it is) in the Reader, and in the Library how often each
//! field was right among the meetings checked or corrected.

use egui::{Key, Modifiers};

use crate::gui::command::{Command, Correction, Lang};
use crate::gui::panels::ViewCtx;
use crate::gui::state::{AppState, meeting_key};
use crate::model::MeetingId;
use crate::report::eval::{Field, FieldTrust, Review, trust};

/// The checked toggle for a meeting, with its shortcut (Ctrl+K when no text field has focus).
/// A check is stored with the meeting's correction, so it persists and undoes like one.
pub fn check_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, id: MeetingId) {
    let lang = cx.state.settings.lang;
    let current = cx.state.correction(id).cloned().unwrap_or_default();
    let label = if current.checked {
        words(lang, "Checked", "已核对")
    } else {
        words(lang, "Mark as checked", "标为已核对")
    };
    let hint = words(
        lang,
        "Everything read from this meeting is right as it is (Ctrl+K)",
        "本次会议识别结果无误（Ctrl+K）",
    );
    let typing = ui.ctx().text_edit_focused();
    let shortcut = !typing && ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::K));
    let clicked = ui
        .add(egui::Button::new(label).selected(current.checked))
        .on_hover_text(hint)
        .clicked();
    if clicked || shortcut {
        let toggled = Correction {
            checked: !current.checked,
            ..current
        };
        cx.tx.send(Command::CorrectMeeting(id, toggled));
    }
}

/// The Library's summary of checks, rebuilt only when the analysis or corrections change.
#[derive(Debug, Default)]
pub struct TrustView {
    /// (revision, meetings reviewed, per field) as last counted.
    cache: Option<(u64, usize, Vec<FieldTrust>)>,
}

impl TrustView {
    /// Draws one line per field: "place right in 46 of 50 checked meetings".
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        if self.cache.as_ref().is_none_or(|(r, ..)| *r != s.revision) {
            let reviews = reviews(s);
            let reviewed = reviews.iter().filter(|r| r.reviewed()).count();
            self.cache = Some((s.revision, reviewed, trust(reviews)));
        }
        let Some((_, reviewed, fields)) = &self.cache else {
            return;
        };
        if *reviewed == 0 {
            ui.weak(words(
                lang,
                "No meeting checked yet: mark meetings checked or correct them in the Reader to see how far each field can be trusted.",
                "尚无已核对的会议：在阅读视图中核对或更正会议，即可看到各字段的可信程度。",
            ));
        } else {
            ui.horizontal_wrapped(|ui| {
                for f in fields {
                    ui.label(trust_line(lang, f));
                }
            });
        }
        ui.separator();
    }
}

/// What the user's corrections say of each meeting of the analysis as read.
fn reviews(s: &AppState) -> Vec<Review> {
    let raw = &s.raw;
    raw.meetings
        .iter()
        .filter_map(|m| {
            let c = s.workspace.corrections.get(&meeting_key(raw, m))?;
            let corrected = [
                c.place
                    .as_deref()
                    .is_some_and(|p| m.place.as_ref().is_none_or(|q| q.name.as_ref() != p))
                    .then_some(Field::Place),
                c.date
                    .is_some_and(|d| m.date.is_none_or(|x| x.date != d))
                    .then_some(Field::Date),
                c.title
                    .as_deref()
                    .is_some_and(|t| t != m.title)
                    .then_some(Field::Title),
            ];
            Some(Review {
                checked: c.checked,
                corrected: corrected.into_iter().flatten().collect(),
            })
        })
        .collect()
}

/// "place right in 46 of 50 checked meetings" in the interface language.
pub fn trust_line(lang: Lang, f: &FieldTrust) -> String {
    let (en, zh) = match f.field {
        Field::Place => ("place", "地点"),
        Field::Date | Field::DateInRange => ("date", "日期"),
        Field::Title => ("title", "标题"),
        Field::Chair => ("chair", "主持"),
        Field::ConvenedBy => ("convened by", "召集方"),
    };
    match lang {
        Lang::En => format!("{en} right in {} of {} checked meetings", f.right, f.of),
        Lang::Zh => format!("{zh}：已核对 {} 次会议，{} 次正确", f.of, f.right),
    }
}

/// The English or the Chinese, by the interface language.
fn words(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lang: Lang, field: Field, right: usize, of: usize, expect: &str) {
        assert_eq!(trust_line(lang, &FieldTrust { field, right, of }), expect);
    }

    #[test]
    fn trust_reads_as_a_sentence() {
        check(
            Lang::En,
            Field::Place,
            46,
            50,
            "place right in 46 of 50 checked meetings",
        );
        check(
            Lang::En,
            Field::Title,
            0,
            1,
            "title right in 0 of 1 checked meetings",
        );
        check(
            Lang::Zh,
            Field::Date,
            3,
            4,
            "日期：已核对 4 次会议，3 次正确",
        );
    }
}
