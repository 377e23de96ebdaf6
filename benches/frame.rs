//! Frame time of the timeline, the matrix and the Diff view with 10,000 meetings loaded.
//!
//! `cargo bench --bench frame -- [CORPUS_DIR]`: with a folder (see `/work/shared/bench/corpus.sh`)
//! its documents are read and analysed first; if the engine finds fewer than 10,000 meetings,
//! generated meetings fill up the rest, and the report says how many were real.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use tifa::gui::TifaApp;
use tifa::gui::command::{Command, Correction, View};
use tifa::gui::jobs::ALIGN;
use tifa::model::{
    DateBasis, Directive, DocId, Document, Meeting, MeetingId, Occurrence, PhraseGroup, Place,
    PlaceLevel, PlaceUse, PolicyDate, Span, Variant,
};
use tifa::pipeline::{Analysis, Config, Engine, analyse};
use tifa::{NoProgress, ingest};

const MEETINGS: usize = 10_000;
const PLACES: usize = 60;
const GROUPS: usize = 1_500;
const FRAMES: usize = 200;

/// A small deterministic generator, so every run draws the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn analysis(corpus_dir: Option<&str>) -> (Analysis, usize) {
    let mut a = match corpus_dir {
        Some(dir) => {
            let corpus = ingest::read_paths(
                &[dir.into()],
                &ingest::ReadConfig::default(),
                &mut NoProgress,
            )
            .unwrap_or_default();
            analyse(&Engine::new(), corpus, &Config::default(), &mut NoProgress).unwrap_or_default()
        }
        None => Analysis::default(),
    };
    let real = a.meetings.len();
    let text = "会议强调，要坚持外防输入、内防反弹，统筹推进复工复产，两手抓、两手都要硬。";
    let doc = DocId(a.documents.len() as u32);
    a.documents
        .push(Document::from_text(doc, "generated", text));
    let names: Vec<String> = (0..PLACES).map(|i| format!("测试县{i:02}")).collect();
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let mut rng = Lcg(7);
    while a.meetings.len() < MEETINGS {
        let i = a.meetings.len();
        let name = &names[rng.next(PLACES)];
        a.meetings.push(Meeting {
            id: MeetingId(i as u32),
            doc,
            article: Span::new(0, text.len()),
            place: Some(Place {
                name: name.as_str().into(),
                full: name.as_str().into(),
                code: "".into(),
                level: PlaceLevel::County,
            }),
            date: Some(PolicyDate::new(
                start + chrono::Days::new(rng.next(3_650) as u64),
                DateBasis::Explicit,
            )),
            title: format!("第{i}次常委会会议"),
            chair: None,
            directives: vec![Directive {
                text: text.into(),
                span: Span::new(0, text.len()),
                cue: "会议强调".into(),
            }],
            ..Meeting::default()
        });
    }
    a.refresh_places();
    let first_generated = a.phrases.len();
    while a.phrases.len() < GROUPS {
        let id = a.phrases.len() as u32;
        let mut uses = BTreeMap::new();
        let mut meetings = Vec::new();
        // One formula everyone uses, for the sentences of a group used by 600 meetings.
        let draws = if a.phrases.len() == first_generated {
            600
        } else {
            8
        };
        for _ in 0..draws {
            let m = &a.meetings[rng.next(MEETINGS)];
            meetings.push(m.id);
            if let Some(p) = &m.place {
                let u = uses.entry(p.name.to_string()).or_insert(PlaceUse {
                    count: 0,
                    meetings: 0,
                    first: None,
                });
                u.count += 1;
                u.meetings += 1;
                u.first = u
                    .first
                    .min(m.date.map(|d| d.date))
                    .or(m.date.map(|d| d.date));
            }
        }
        meetings.sort();
        meetings.dedup();
        let phrase = format!("提法{id}");
        a.phrases.push(PhraseGroup {
            id,
            phrase: phrase.clone(),
            variants: vec![Variant {
                text: phrase.clone(),
                count: draws,
            }],
            differs: String::new(),
            places: uses,
            occurrences: meetings
                .iter()
                .map(|&meeting| Occurrence {
                    meeting,
                    directive: 0,
                    span: Span::new(0, 6),
                    text: phrase.clone(),
                })
                .collect(),
            meetings,
            score: 1.0,
            parts: tifa::model::ScoreParts::default(),
            lineage: Vec::new(),
        });
    }
    (a, real)
}

fn input(t: f64, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(t),
        events,
        ..egui::RawInput::default()
    }
}

/// CPU time this thread has run, from Linux's scheduler statistics; `None` elsewhere. On a
/// shared machine it leaves out the time the frame waited for a core, which wall time counts.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Wall time of each measured frame (sorted), and the mean CPU time of the UI thread a frame.
struct Frames {
    wall: Vec<Duration>,
    cpu_mean: Option<Duration>,
}

fn measure(
    app: &mut TifaApp,
    ctx: &egui::Context,
    clock: &mut f64,
    view: View,
    hover: bool,
    each_frame: &mut dyn FnMut(&mut TifaApp, usize),
) -> Frames {
    app.handle_command(Command::ShowView(view));
    let mut wall = Vec::with_capacity(FRAMES);
    let mut cpu_start = None;
    for f in 0..FRAMES + 10 {
        if f == 10 {
            cpu_start = thread_cpu();
        }
        // Moving the pointer over the plot makes the timeline look up the mark under it.
        let events = if hover {
            vec![egui::Event::PointerMoved(egui::pos2(
                300.0 + (f % 700) as f32,
                200.0,
            ))]
        } else {
            Vec::new()
        };
        *clock += 1.0 / 60.0;
        let raw = input(*clock, events);
        let t = Instant::now();
        // What the user does this frame (a command) counts as part of the frame.
        each_frame(app, f);
        let mut out = ctx.run_ui(raw, |ui| app.show(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        // No renderer uploads font textures here; dropping them unapplied is deliberate.
        out.textures_delta.clear();
        if f >= 10 {
            wall.push(t.elapsed());
        }
    }
    // The scheduler counts CPU time in ticks, too coarse for one frame but exact over many.
    let cpu_mean = cpu_start
        .zip(thread_cpu())
        .map(|(a, b)| b.saturating_sub(a) / FRAMES as u32);
    wall.sort();
    Frames { wall, cpu_mean }
}

/// Runs one frame with `events` and gives its wall time in milliseconds.
fn one_frame(
    app: &mut TifaApp,
    ctx: &egui::Context,
    clock: &mut f64,
    events: Vec<egui::Event>,
) -> f64 {
    *clock += 1.0 / 60.0;
    let t = Instant::now();
    let mut out = ctx.run_ui(input(*clock, events), |ui| app.show(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    out.textures_delta.clear();
    t.elapsed().as_secs_f64() * 1000.0
}

fn report(name: &str, frames: &Frames) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let times = &frames.wall;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    let cpu = frames
        .cpu_mean
        .map_or_else(|| "—".to_string(), |d| format!("{:6.2} ms", ms(d)));
    println!(
        "{name:<22} mean {mean:6.2} ms   median {:6.2} ms   p95 {:6.2} ms   cpu mean {cpu}   ({} frames)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        times.len()
    );
}

fn main() {
    // As the app does: reading and analysing yield to the thread that draws.
    tifa::priority::prefer_the_calling_thread();
    let dir = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let (a, real) = analysis(dir.as_deref());
    println!(
        "{} meetings ({real} found by the engine, {} generated), {} places, {} phrase groups",
        a.meetings.len(),
        a.meetings.len() - real,
        a.places.len(),
        a.phrases.len()
    );
    let ctx = egui::Context::default();
    tifa::gui::fonts::install(&ctx);
    let mut app = TifaApp::on_seeds(&ctx);
    app.wait_for_jobs(Duration::from_secs(300));
    app.set_analysis(a);
    let mut clock = 0.0;
    report(
        "timeline",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Timeline,
            false,
            &mut |_, _| {},
        ),
    );
    report(
        "timeline, hovering",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Timeline,
            true,
            &mut |_, _| {},
        ),
    );
    app.handle_command(Command::SelectPhraseGroup(Some(0)));
    report(
        "timeline, group lit",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Timeline,
            false,
            &mut |_, _| {},
        ),
    );
    report(
        "matrix",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Compare,
            false,
            &mut |_, _| {},
        ),
    );
    report(
        "matrix, hovering",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Compare,
            true,
            &mut |_, _| {},
        ),
    );
    report(
        "diffusion",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Diffusion,
            false,
            &mut |_, _| {},
        ),
    );
    report(
        "diffusion, hovering",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Diffusion,
            true,
            &mut |_, _| {},
        ),
    );

    // The sentences of the group used by the most meetings, place by place under the matrix.
    let (widest, used_by) = app
        .state
        .analysis
        .phrases
        .iter()
        .map(|g| (g.id, g.meetings.len()))
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
        .unwrap_or((0, 0));
    app.handle_command(Command::SelectPhraseGroup(Some(widest)));
    report(
        "compare sentences",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Compare,
            true,
            &mut |_, _| {},
        ),
    );
    println!("  (group {widest}, used by {used_by} meetings)");

    // The Diff view's meeting picker open over every meeting: a click on it first, then frames
    // with the popup open (only the rows in sight are laid out).
    app.handle_command(Command::ShowView(View::Diff));
    let mut opening: Vec<f64> = Vec::new();
    for events in [
        vec![egui::Event::PointerMoved(egui::pos2(190.0, 43.0))],
        vec![egui::Event::PointerButton {
            pos: egui::pos2(190.0, 43.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        }],
        vec![egui::Event::PointerButton {
            pos: egui::pos2(190.0, 43.0),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        }],
    ] {
        opening.push(one_frame(&mut app, &ctx, &mut clock, events));
    }
    let open = egui::Popup::is_any_open(&ctx);
    report(
        "meeting picker",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Diff,
            false,
            &mut |_, _| {},
        ),
    );
    // A first character typed into its filter, as a person would, some frames after it opened.
    opening.push(one_frame(
        &mut app,
        &ctx,
        &mut clock,
        vec![egui::Event::Text("1".into())],
    ));
    println!(
        "  ({} meetings, popup open: {open} before, {} after; the frames of the view's first \
         draw, the press, the release opening it and the first character of a filter: \
         {opening:.2?} ms)",
        app.state.analysis.meetings.len(),
        egui::Popup::is_any_open(&ctx),
    );
    egui::Popup::close_all(&ctx);

    // A concordance of a string on nearly every page: tens of thousands of lines, only those
    // in sight laid out.
    app.handle_command(Command::Search("工作".into()));
    app.wait_for_jobs(Duration::from_secs(300));
    let lines = app.state.concordance.as_ref().map_or(0, |c| c.lines.len());
    report(
        "search 工作",
        &measure(
            &mut app,
            &ctx,
            &mut clock,
            View::Search,
            true,
            &mut |_, _| {},
        ),
    );
    println!("  ({lines} concordance lines)");

    // Opening a project, as the app does at start: from the command to the first frame that
    // draws its meetings (TIFA_BENCH_PROJECT names the file, made with `tifa-cli project new`).
    if let Some(file) = std::env::var_os("TIFA_BENCH_PROJECT") {
        let mut fresh = TifaApp::on_seeds(&ctx);
        fresh.wait_for_jobs(Duration::from_secs(300));
        let start = std::time::Instant::now();
        fresh.handle_command(Command::OpenProject(file.into()));
        let mut frames = 0;
        while fresh.state.project.is_none() && start.elapsed() < Duration::from_secs(120) {
            clock += 1.0 / 60.0;
            let mut out = ctx.run_ui(input(clock, Vec::new()), |ui| fresh.show(ui));
            out.textures_delta.clear();
            frames += 1;
            std::thread::sleep(Duration::from_millis(2));
        }
        clock += 1.0 / 60.0;
        let mut out = ctx.run_ui(input(clock, Vec::new()), |ui| fresh.show(ui));
        out.textures_delta.clear();
        println!(
            "project opened and drawn in {:.2} s ({} meetings, {frames} frames drawn meanwhile)",
            start.elapsed().as_secs_f64(),
            fresh.state.analysis.meetings.len()
        );
    }

    // Reading a folder in the app, from the command to the analysis in place
    // (TIFA_BENCH_FOLDER names it), beside the frames drawn meanwhile.
    if let Some(folder) = std::env::var_os("TIFA_BENCH_FOLDER") {
        let mut fresh = TifaApp::new(
            &ctx,
            tifa::gui::Settings::default(),
            tifa::gui::Workspace {
                seeds: false,
                ..tifa::gui::Workspace::default()
            },
            None,
        );
        fresh.wait_for_jobs(Duration::from_secs(300));
        let start = std::time::Instant::now();
        fresh.handle_command(Command::OpenPaths(vec![folder.into()]));
        let mut frames = 0;
        clock += 1.0 / 60.0;
        let mut out = ctx.run_ui(input(clock, Vec::new()), |ui| fresh.show(ui));
        out.textures_delta.clear();
        let mut first: Option<(f64, usize)> = None;
        let mut times: Vec<f64> = Vec::new();
        let mut cpu: Vec<f64> = Vec::new();
        while fresh.busy() && start.elapsed() < Duration::from_secs(600) {
            clock += 1.0 / 60.0;
            let t = std::time::Instant::now();
            let c = thread_cpu();
            let mut out = ctx.run_ui(input(clock, Vec::new()), |ui| fresh.show(ui));
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if let (Some(a), Some(b)) = (c, thread_cpu()) {
                cpu.push(b.saturating_sub(a).as_secs_f64() * 1000.0);
            }
            out.textures_delta.clear();
            frames += 1;
            if first.is_none() && !fresh.state.analysis.meetings.is_empty() {
                first = Some((
                    start.elapsed().as_secs_f64(),
                    fresh.state.analysis.meetings.len(),
                ));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        let at = |q: f64| {
            times
                .get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0.0)
        };
        println!(
            "folder read and analysed in the app in {:.2} s ({} documents, {} meetings, {frames} frames drawn meanwhile: median {:.2} ms, p95 {:.2} ms, max {:.2} ms, {} over 4 ms; the UI thread's CPU in a frame at most {:.2} ms); first meetings shown at {}",
            start.elapsed().as_secs_f64(),
            fresh.state.analysis.documents.len(),
            fresh.state.analysis.meetings.len(),
            at(0.5),
            at(0.95),
            times.last().copied().unwrap_or(0.0),
            times.iter().filter(|t| **t > 4.0).count(),
            cpu.last().copied().unwrap_or(0.0),
            first.map_or_else(
                || "never".to_string(),
                |(t, n)| format!("{t:.2} s ({n} meetings)")
            )
        );
    }

    // The two places with the most directives side by side, while a correction is applied
    // and undone every 20 frames: alignment and corrections run as jobs, the frame only draws.
    let (left, right) = two_largest_places(&app.state.analysis);
    app.handle_command(Command::ComparePlaces(left.clone(), right.clone()));
    // One frame asks for the alignment; the measured frames start once it is in.
    app.handle_command(Command::ShowView(View::Diff));
    clock += 1.0 / 60.0;
    let mut out = ctx.run_ui(input(clock, Vec::new()), |ui| app.show(ui));
    out.textures_delta.clear();
    app.wait_for_jobs(Duration::from_secs(300));
    let meeting = app.state.analysis.meetings[0].id;
    let mut correct = |app: &mut TifaApp, f: usize| match f % 40 {
        0 => app.handle_command(Command::CorrectMeeting(
            meeting,
            Correction {
                title: Some(format!("更正后的标题{f}")),
                ..Correction::default()
            },
        )),
        20 => app.handle_command(Command::Undo),
        _ => {}
    };
    let frames = measure(&mut app, &ctx, &mut clock, View::Diff, true, &mut correct);
    let rows = app.state.diff_rows.as_ref().map_or(0, |r| r.rows.len());
    report(&format!("diff {left}/{right}, correcting"), &frames);
    println!(
        "  ({rows} aligned rows, {} alignments applied)",
        app.jobs().finished(ALIGN)
    );
}

/// The two places whose meetings hold the most directives.
fn two_largest_places(a: &Analysis) -> (String, String) {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &a.meetings {
        if let Some(p) = &m.place {
            *count.entry(&p.name).or_default() += m.directives.len();
        }
    }
    let mut by_size: Vec<(&str, usize)> = count.into_iter().collect();
    by_size.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let name = |i: usize| by_size.get(i).map_or_else(String::new, |p| p.0.to_string());
    (name(0), name(1))
}
