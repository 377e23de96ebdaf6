//! The window chrome around the views: the top bar, the status bar and the drop overlay.

use crate::gui::command::{Command, Lang, PathPurpose, View};
use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;
use crate::gui::state::Level;
use crate::progress::StageStatus;

/// The view tabs, Open, Export, Undo, Redo and the language switch.
pub fn top_bar_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let lang = cx.state.settings.lang;
    ui.horizontal(|ui| {
        ui.strong("Tifa — 提法");
        ui.separator();
        for v in View::ALL {
            if ui
                .selectable_label(cx.state.view == v, tr(lang, v.label()))
                .clicked()
            {
                cx.tx.send(Command::ShowView(v));
            }
        }
        ui.separator();
        if ui
            .button(tr(lang, "Open…"))
            .on_hover_text("Ctrl+O")
            .clicked()
        {
            cx.tx.send(Command::ShowOpenDialog);
        }
        project_menu_ui(ui, cx);
        if ui
            .button(tr(lang, "Export…"))
            .on_hover_text("Ctrl+E")
            .clicked()
        {
            cx.tx.send(Command::ShowExportDialog);
        }
        if ui
            .add_enabled(
                !cx.state.undo.is_empty(),
                egui::Button::new(tr(lang, "Undo")),
            )
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            cx.tx.send(Command::Undo);
        }
        if ui
            .add_enabled(
                !cx.state.redo.is_empty(),
                egui::Button::new(tr(lang, "Redo")),
            )
            .on_hover_text("Ctrl+Shift+Z")
            .clicked()
        {
            cx.tx.send(Command::Redo);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (l, name) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                if ui.selectable_label(lang == l, name).clicked() {
                    cx.tx.send(Command::SetLanguage(l));
                }
            }
        });
    });
}

/// The Project menu: open, save as, recent projects, analyse again, close.
fn project_menu_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let s = cx.state;
    let lang = s.settings.lang;
    let title = match &s.project {
        Some(p) => format!(
            "{} · {}",
            tr(lang, "Project"),
            p.file_stem()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        ),
        None => tr(lang, "Project").to_string(),
    };
    let response = ui.menu_button(title, |ui| {
        if ui
            .button(tr(lang, "Open project…"))
            .on_hover_text("Ctrl+Shift+O")
            .clicked()
        {
            cx.tx.send(Command::ShowOpenProjectDialog);
            ui.close();
        }
        if ui
            .button(tr(lang, "Save project as…"))
            .on_hover_text("Ctrl+Shift+S")
            .clicked()
        {
            cx.tx.send(Command::ShowSaveProjectDialog);
            ui.close();
        }
        ui.menu_button(tr(lang, "Type a path…"), |ui| {
            ui.weak(tr(
                lang,
                "For a path copied from elsewhere, or where the system's dialog does not open",
            ));
            for (purpose, label) in [
                (PathPurpose::Add, "Add files or a folder"),
                (PathPurpose::OpenProject, "Open project…"),
                (PathPurpose::SaveProject, "Save project as…"),
            ] {
                if ui.button(tr(lang, label)).clicked() {
                    cx.tx.send(Command::ShowPathPrompt(purpose));
                    ui.close();
                }
            }
        });
        let recent: Vec<_> = s
            .workspace
            .recent_projects
            .iter()
            .filter(|p| s.project.as_ref() != Some(*p))
            .collect();
        if !recent.is_empty() {
            ui.separator();
            ui.weak(tr(lang, "Recent projects"));
            for p in recent {
                let name = p.display().to_string();
                if ui.button(&name).clicked() {
                    cx.tx.send(Command::OpenProject(p.clone()));
                    ui.close();
                }
            }
        }
        if s.project.is_some() {
            ui.separator();
            if !s.project_changed.is_empty() {
                let label = format!(
                    "{} ({})",
                    tr(lang, "Read changed files again"),
                    s.project_changed.len()
                );
                if ui
                    .button(label)
                    .on_hover_text(s.project_changed.join("\n"))
                    .clicked()
                {
                    cx.tx.send(Command::RereadChanged);
                    ui.close();
                }
            }
            if ui.button(tr(lang, "Analyse again")).clicked() {
                cx.tx.send(Command::ReanalyseProject);
                ui.close();
            }
            if ui.button(tr(lang, "Close project")).clicked() {
                cx.tx.send(Command::CloseProject);
                ui.close();
            }
        }
    });
    let hover = match &s.project {
        Some(p) => format!("{} {}", tr(lang, "Saved in"), p.display()),
        None => tr(lang, "Not saved as a project").to_string(),
    };
    response.response.on_hover_text(hover);
}

/// The status bar: running jobs with their stage and count, what the analysis holds, the
/// newest notification.
pub fn status_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let s = cx.state;
    let lang = s.settings.lang;
    ui.horizontal(|ui| {
        if s.jobs.is_empty() {
            ui.label(tr(lang, "Ready"));
        } else {
            ui.spinner();
            for job in &s.jobs {
                ui.add(
                    egui::ProgressBar::new(job.progress.fraction)
                        .desired_width(220.0)
                        .text(job_text(lang, &job.progress)),
                );
            }
            if ui.button(tr(lang, "Cancel")).clicked() {
                cx.tx.send(Command::CancelJob);
            }
        }
        ui.separator();
        let a = &s.analysis;
        ui.label(format!(
            "{} {} · {} {} · {} {} · {} {}",
            a.documents.len(),
            tr(lang, "documents"),
            a.meetings.len(),
            tr(lang, "meetings"),
            a.places.len(),
            tr(lang, "places"),
            a.phrases.len(),
            tr(lang, "phrase groups"),
        ));
        if let Some(n) = s.notifications.last() {
            ui.separator();
            let color = match n.level {
                Level::Info => ui.visuals().text_color(),
                Level::Error => ui.visuals().error_fg_color,
            };
            ui.colored_label(color, crate::gui::messages::message(lang, &n.text).as_ref());
            if ui.small_button("×").clicked() {
                cx.tx.send(Command::DismissNotification);
            }
        }
    });
}

/// "reading 1,204 / 27,527": the stage and its count, or the stage alone while its total is
/// not known.
fn job_text(lang: Lang, p: &StageStatus) -> String {
    let stage = if p.stage.is_empty() {
        tr(lang, "starting")
    } else {
        tr(lang, p.stage)
    };
    if p.total == 0 {
        stage.to_string()
    } else {
        format!("{stage} {} / {}", thousands(p.done), thousands(p.total))
    }
}

/// `n` with a comma between each group of three digits.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Darkens the window while files hover over it.
pub fn drop_overlay_ui(ctx: &egui::Context, n: usize, lang: Lang) {
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("tifa-drop"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("{} {n} {}", tr(lang, "Drop to add"), tr(lang, "files")),
        egui::FontId::proportional(28.0),
        egui::Color32::WHITE,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(stage: &'static str, done: usize, total: usize, expect: &str) {
        let p = StageStatus {
            stage,
            done,
            total,
            fraction: 0.0,
        };
        assert_eq!(job_text(Lang::En, &p), expect);
    }

    #[test]
    fn job_text_gives_the_stage_and_its_count() {
        check("reading", 1_204, 27_527, "reading 1,204 / 27,527");
        check("reading", 0, 5, "reading 0 / 5");
        check(
            "finding meetings",
            999,
            1_000,
            "finding meetings 999 / 1,000",
        );
        check("grouping phrases", 3, 4, "grouping phrases 3 / 4");
        check("aligning", 0, 0, "aligning");
        check("", 0, 0, "starting");
        check(
            "reading",
            1_000_000,
            12_345_678,
            "reading 1,000,000 / 12,345,678",
        );
    }
}
