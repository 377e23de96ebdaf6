//! One meeting's article with its directives and phrases highlighted, its metadata with the basis
//! of the date, and a form to correct date, place and title by hand.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use crate::gui::command::{Command, Correction, Lang};
use crate::gui::i18n::tr;
use crate::gui::panels::{ViewCtx, meeting_line};
use crate::model::{MeetingId, Span};
use crate::pipeline::Analysis;
use crate::report::restated::MeetingRestated;

/// What a stretch of text is; where marks overlap the greater one shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Plain,
    Directive,
    Boilerplate,
    Restated,
    Adapted,
    Phrase,
}

/// Which highlights the article shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Show {
    /// Directives tinted.
    pub directives: bool,
    /// Phrase group occurrences marked.
    pub phrases: bool,
    /// Clauses restated or adapted from the places above, and boilerplate, coloured.
    pub restated: bool,
}

impl Default for Show {
    fn default() -> Self {
        Self {
            directives: true,
            phrases: true,
            restated: true,
        }
    }
}

/// The Reader view.
#[derive(Debug, Default)]
pub struct ReaderView {
    /// (meeting, revision, whole page, dark mode, highlights, restatement in) the cached job
    /// was built for.
    key: Option<(MeetingId, u64, bool, bool, Show, bool)>,
    job: Option<LayoutJob>,
    whole_page: bool,
    show: Show,
    /// The meeting's clauses labelled against the places above, for (meeting, revision),
    /// computed off the UI thread: the places above may hold thousands of meetings and pages.
    restated: crate::gui::jobs::Offthread<(MeetingId, u64), Option<MeetingRestated>>,
    form: Form,
}

/// The correction form's text fields.
#[derive(Debug, Default)]
struct Form {
    meeting: Option<(MeetingId, u64)>,
    date: String,
    place: String,
    title: String,
    error: Option<String>,
}

impl ReaderView {
    /// Draws the reader.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        let a = &s.analysis;
        let Some(m) = s.selected_meeting.and_then(|id| a.meeting(id)) else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "Select a meeting on the timeline.")));
            return;
        };
        let dark = ui.visuals().dark_mode;
        let labelled = (m.id, s.revision);
        let analysis = std::sync::Arc::clone(&s.analysis);
        let id = m.id;
        let restated = self
            .restated
            .get(&labelled, ui.ctx(), "tifa-restated", move || {
                let config = crate::report::RestateConfig::default();
                let r = crate::report::restated::restated_of(&analysis, &config, Some(&[id]));
                r.meetings.into_iter().next()
            })
            .and_then(Option::as_ref);
        let key = (
            m.id,
            s.revision,
            self.whole_page,
            dark,
            self.show,
            restated.is_some(),
        );
        if self.key != Some(key) {
            self.job = Some(article_job(
                a,
                m.id,
                self.whole_page,
                dark,
                self.show,
                restated,
            ));
            self.key = Some(key);
        }
        if self.form.meeting != Some((m.id, s.revision)) {
            self.form = Form {
                meeting: Some((m.id, s.revision)),
                date: m.date.map(|d| d.date.to_string()).unwrap_or_default(),
                place: m
                    .place
                    .as_ref()
                    .map(|p| p.name.to_string())
                    .unwrap_or_default(),
                title: m.title.clone(),
                error: None,
            };
        }

        egui::Panel::right("reader-meta")
            .default_size(340.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.meta_ui(ui, cx, m.id);
                    if let Some(Some(r)) = self.restated.peek(&labelled) {
                        restated_ui(ui, lang, r);
                    }
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&m.title);
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut self.whole_page, tr(lang, "Show original page"));
                ui.separator();
                legend_ui(ui, lang, dark, &mut self.show);
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    if let Some(job) = &self.job {
                        let mut job = job.clone();
                        job.wrap.max_width = ui.available_width();
                        ui.label(job);
                    }
                });
        });
    }

    fn meta_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, id: MeetingId) {
        let st = cx.state;
        let lang = st.settings.lang;
        let a = &st.analysis;
        let Some(m) = a.meeting(id) else { return };
        egui::Grid::new("reader-grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(tr(lang, "Title"));
                ui.label(&m.title);
                ui.end_row();
                ui.label(tr(lang, "Place"));
                ui.label(m.place.as_ref().map_or("—", |p| p.full.as_ref()));
                ui.end_row();
                ui.label(tr(lang, "Date"));
                match m.date {
                    Some(d) => ui.label(format!("{} ({})", d.date, tr(lang, d.basis.as_str()))),
                    None => ui.label(tr(lang, "undated")),
                };
                ui.end_row();
                ui.label(tr(lang, "Chair"));
                ui.label(m.chair.as_deref().unwrap_or("—"));
                ui.end_row();
                ui.label(tr(lang, "File"));
                ui.label(a.document_of(m).map_or("—", |d| d.path.as_str()));
                ui.end_row();
            });
        if st.correction(id).is_some_and(Correction::corrects) {
            ui.colored_label(Color32::from_rgb(200, 120, 0), tr(lang, "corrected"));
        }
        crate::gui::panels::check::check_ui(ui, cx, id);
        ui.separator();
        ui.strong(tr(lang, "Correct by hand"));
        let f = &mut self.form;
        egui::Grid::new("reader-form")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, value) in [
                    ("Date", &mut f.date),
                    ("Place", &mut f.place),
                    ("Title", &mut f.title),
                ] {
                    let l = ui.label(tr(lang, label));
                    ui.text_edit_singleline(value).labelled_by(l.id);
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "Apply")).clicked() {
                match form_correction(&st.raw, id, &f.date, &f.place, &f.title)
                    .and_then(|c| check_place(&st.raw, c))
                {
                    Ok(mut c) => {
                        f.error = None;
                        c.checked = st.correction(id).is_some_and(|c| c.checked);
                        cx.tx.send(Command::CorrectMeeting(id, c));
                    }
                    Err(e) => f.error = Some(e),
                }
            }
            if let Some(c) = st.correction(id).filter(|c| c.corrects())
                && ui.button(tr(lang, "Clear correction")).clicked()
            {
                // A check stays: clearing the fields says nothing about the rest.
                let checked = Correction {
                    checked: c.checked,
                    ..Correction::default()
                };
                cx.tx.send(Command::CorrectMeeting(id, checked));
            }
        });
        if let Some(e) = &f.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.separator();
        let diff_label = ui.strong(tr(lang, "Diff"));
        let no_place = tr(lang, "No place");
        egui::ComboBox::from_id_salt("reader-diff")
            .selected_text(tr(lang, "Open with"))
            .width(300.0)
            .show_ui(ui, |ui| {
                for other in a.meetings.iter().filter(|o| o.id != id) {
                    if ui
                        .selectable_label(false, meeting_line(other, no_place))
                        .clicked()
                    {
                        cx.tx.send(Command::DiffMeetings(id, other.id));
                    }
                }
            })
            .response
            .labelled_by(diff_label.id);
        ui.separator();
        ui.strong(format!(
            "{} ({})",
            tr(lang, "Directives"),
            m.directives.len()
        ));
        for d in &m.directives {
            ui.horizontal_wrapped(|ui| {
                if !d.cue.is_empty() {
                    ui.weak(&d.cue);
                }
                ui.label(&d.text);
            });
        }
    }
}

/// `c` when its place is one the corpus or the gazetteer knows; otherwise a message naming the
/// closest known names.
fn check_place(raw: &Analysis, c: Correction) -> Result<Correction, String> {
    let Some(place) = c.place.as_deref() else {
        return Ok(c);
    };
    let gazetteer = crate::gui::state::gazetteer();
    if raw.places.iter().any(|p| p == place) || gazetteer.knows(place) {
        return Ok(c);
    }
    let close = gazetteer.suggest(place, 6);
    Err(if close.is_empty() {
        format!("not a place the gazetteer knows: {place}")
    } else {
        format!(
            "not a place the gazetteer knows: {place} (did you mean {}?)",
            close.join("、")
        )
    })
}

/// The correction the form asks for: only fields that differ from what the engine read.
fn form_correction(
    raw: &Analysis,
    id: MeetingId,
    date: &str,
    place: &str,
    title: &str,
) -> Result<Correction, String> {
    let m = raw.meeting(id).ok_or_else(|| format!("no meeting {id}"))?;
    let date = date.trim();
    let date = if date.is_empty() {
        None
    } else {
        let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| format!("not a date (YYYY-MM-DD): {date}"))?;
        (m.date.map(|x| x.date) != Some(d)).then_some(d)
    };
    let place = place.trim();
    let place = (!place.is_empty() && m.place.as_ref().is_none_or(|p| p.name.as_ref() != place))
        .then(|| place.to_string());
    let title = title.trim();
    let title = (!title.is_empty() && title != m.title).then(|| title.to_string());
    Ok(Correction {
        date,
        place,
        title,
        checked: false,
    })
}

/// The highlights with a swatch of their colour each and a toggle.
fn legend_ui(ui: &mut egui::Ui, lang: Lang, dark: bool, show: &mut Show) {
    let swatch = |ui: &mut egui::Ui, mark: Mark| {
        let (fg, bg) = style(mark, dark);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 2.0, if bg == Color32::TRANSPARENT { fg } else { bg });
    };
    swatch(ui, Mark::Directive);
    ui.checkbox(&mut show.directives, tr(lang, "Directives"));
    swatch(ui, Mark::Phrase);
    ui.checkbox(&mut show.phrases, tr(lang, "Formulae"));
    ui.checkbox(&mut show.restated, tr(lang, "Restated and adapted"));
    for (mark, label) in [
        (Mark::Restated, "restated"),
        (Mark::Adapted, "adapted"),
        (Mark::Boilerplate, "boilerplate"),
    ] {
        swatch(ui, mark);
        ui.label(tr(lang, label));
    }
}

/// How the meeting's clauses stand to the places above it: the shares, then each restated or
/// adapted clause beside its source, the changed characters marked.
fn restated_ui(ui: &mut egui::Ui, lang: Lang, r: &MeetingRestated) {
    ui.separator();
    ui.strong(tr(lang, "Restated from above"));
    if r.higher_meetings + r.higher_pages == 0 {
        ui.weak(tr(lang, "No text of the places above it in the window."));
        return;
    }
    let s = &r.shares;
    ui.label(format!(
        "{} {:.0}% · {} {:.0}% · {} {:.0}% ({} {}, {} {})",
        tr(lang, "restated"),
        s.restated * 100.0,
        tr(lang, "adapted"),
        s.adapted * 100.0,
        tr(lang, "local"),
        s.local * 100.0,
        r.higher_meetings,
        tr(lang, "higher-level meetings"),
        r.higher_pages,
        tr(lang, "higher-level pages")
    ));
    let dark = ui.visuals().dark_mode;
    for c in r
        .clauses
        .iter()
        .filter(|c| c.label == "restated" || c.label == "adapted")
    {
        let Some(src) = &c.source else { continue };
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(tr(
                    lang,
                    if c.label == "adapted" {
                        "adapted"
                    } else {
                        "restated"
                    },
                ))
                .background_color(
                    style(
                        if c.label == "adapted" {
                            Mark::Adapted
                        } else {
                            Mark::Restated
                        },
                        dark,
                    )
                    .1,
                ),
            );
            ui.weak(format!(
                "{} {} · {:.2}",
                src.place,
                src.date.map(|d| d.to_string()).unwrap_or_default(),
                c.similarity
            ));
        });
        let mut local = LayoutJob::default();
        let mut source = LayoutJob::default();
        let plain = TextFormat::simple(FontId::proportional(13.0), ui.visuals().text_color());
        let mut changed = plain.clone();
        changed.color = Color32::from_rgb(60, 170, 90);
        let mut gone = plain.clone();
        gone.color = Color32::from_rgb(220, 80, 80);
        gone.strikethrough = egui::Stroke::new(1.0, gone.color);
        for run in &c.diff {
            match run.kind.as_str() {
                "shared" => {
                    local.append(&run.text, 0.0, plain.clone());
                    source.append(&run.text, 0.0, plain.clone());
                }
                "only_local" => local.append(&run.text, 0.0, changed.clone()),
                _ => source.append(&run.text, 0.0, gone.clone()),
            }
        }
        ui.label(local);
        ui.horizontal_wrapped(|ui| {
            ui.weak("↑");
            ui.label(source);
        });
    }
}

/// The article (or whole page) as a layout job: directives tinted, phrase occurrences marked,
/// clauses restated or adapted from above coloured, each as `show` asks.
fn article_job(
    a: &Analysis,
    id: MeetingId,
    whole_page: bool,
    dark: bool,
    show: Show,
    restated: Option<&MeetingRestated>,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let Some(m) = a.meeting(id) else { return job };
    let Some(doc) = a.document_of(m) else {
        return job;
    };
    let text: &str = &doc.text;
    let base = if whole_page {
        Span::new(0, text.len())
    } else {
        m.article
    };
    let mut marks: Vec<(Span, Mark)> = Vec::new();
    if show.directives {
        marks.extend(m.directives.iter().map(|d| (d.span, Mark::Directive)));
    }
    if show.phrases {
        for g in &a.phrases {
            for o in g.occurrences.iter().filter(|o| o.meeting == id) {
                marks.push((o.span, Mark::Phrase));
            }
        }
    }
    if show.restated {
        for c in restated.iter().flat_map(|r| &r.clauses) {
            let mark = match c.label.as_str() {
                "restated" => Mark::Restated,
                "adapted" => Mark::Adapted,
                "boilerplate" => Mark::Boilerplate,
                _ => continue,
            };
            marks.push((Span::new(c.start, c.end), mark));
        }
    }
    if whole_page {
        // On the whole page, the article itself stands out from the page around it.
        marks.push((m.article, Mark::Plain));
    }
    for (span, mark) in segments(text, base, &marks) {
        let (color, background) = style(mark, dark);
        let mut f = TextFormat::simple(FontId::proportional(15.0), color);
        f.background = background;
        if whole_page && !m.article.contains(span) {
            f.color = f.color.gamma_multiply(0.55);
        }
        job.append(span.slice(text), 0.0, f);
    }
    job
}

fn style(mark: Mark, dark: bool) -> (Color32, Color32) {
    let fg = if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(30)
    };
    match (mark, dark) {
        (Mark::Plain, _) => (fg, Color32::TRANSPARENT),
        (Mark::Directive, false) => (fg, Color32::from_rgb(255, 243, 196)),
        (Mark::Directive, true) => (fg, Color32::from_rgb(70, 60, 20)),
        (Mark::Phrase, false) => (
            Color32::from_rgb(150, 40, 0),
            Color32::from_rgb(255, 214, 170),
        ),
        (Mark::Phrase, true) => (
            Color32::from_rgb(255, 190, 120),
            Color32::from_rgb(110, 50, 10),
        ),
        (Mark::Restated, false) => (fg, Color32::from_rgb(200, 225, 255)),
        (Mark::Restated, true) => (fg, Color32::from_rgb(30, 60, 100)),
        (Mark::Adapted, false) => (fg, Color32::from_rgb(230, 210, 255)),
        (Mark::Adapted, true) => (fg, Color32::from_rgb(75, 45, 100)),
        (Mark::Boilerplate, _) => (Color32::GRAY, Color32::TRANSPARENT),
    }
}

/// Cuts `base` into stretches at every mark boundary; each stretch takes the strongest mark
/// covering it. Boundaries that fall inside a character are skipped.
fn segments(text: &str, base: Span, marks: &[(Span, Mark)]) -> Vec<(Span, Mark)> {
    let base = Span::new(base.start.min(text.len()), base.end.min(text.len()));
    let mut cuts: Vec<usize> = vec![base.start, base.end];
    for (s, _) in marks {
        for p in [s.start, s.end] {
            if p > base.start && p < base.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Span, Mark)> = Vec::new();
    for w in cuts.windows(2) {
        let span = Span::new(w[0], w[1]);
        let mark = marks
            .iter()
            .filter(|(s, _)| s.contains(span))
            .map(|(_, m)| *m)
            .max()
            .unwrap_or(Mark::Plain);
        match out.last_mut() {
            Some((last, lm)) if *lm == mark => last.end = span.end,
            _ => out.push((span, mark)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders segments as text with [d:…] for directives and [p:…] for phrases.
    fn check(text: &str, marks: &[(&str, Mark)], expect: &str) {
        let spans: Vec<(Span, Mark)> = marks
            .iter()
            .map(|(needle, m)| {
                let s = text.find(needle).unwrap();
                (Span::new(s, s + needle.len()), *m)
            })
            .collect();
        let got: String = segments(text, Span::new(0, text.len()), &spans)
            .into_iter()
            .map(|(s, m)| match m {
                Mark::Plain => s.slice(text).to_string(),
                Mark::Directive => format!("[d:{}]", s.slice(text)),
                Mark::Phrase => format!("[p:{}]", s.slice(text)),
                Mark::Restated => format!("[r:{}]", s.slice(text)),
                Mark::Adapted => format!("[a:{}]", s.slice(text)),
                Mark::Boilerplate => format!("[b:{}]", s.slice(text)),
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn highlights_nest() {
        check(
            "会议强调，要坚持外防输入、内防反弹。",
            &[],
            "会议强调，要坚持外防输入、内防反弹。",
        );
        check(
            "会议强调，要坚持外防输入、内防反弹。",
            &[("要坚持外防输入、内防反弹", Mark::Directive)],
            "会议强调，[d:要坚持外防输入、内防反弹]。",
        );
        check(
            "会议强调，要坚持外防输入、内防反弹。",
            &[
                ("要坚持外防输入、内防反弹", Mark::Directive),
                ("外防输入、内防反弹", Mark::Phrase),
            ],
            "会议强调，[d:要坚持][p:外防输入、内防反弹]。",
        );
        check(
            "会议指出，两手抓、两手都要硬。",
            &[("两手抓", Mark::Phrase), ("两手都要硬", Mark::Phrase)],
            "会议指出，[p:两手抓]、[p:两手都要硬]。",
        );
    }

    #[test]
    fn skips_cuts_inside_characters() {
        let text = "统筹推进复工复产";
        let marks = [(Span::new(1, 5), Mark::Phrase)];
        let got = segments(text, Span::new(0, text.len()), &marks);
        assert!(
            got.iter()
                .all(|(s, _)| text.is_char_boundary(s.start) && text.is_char_boundary(s.end))
        );
    }
}
