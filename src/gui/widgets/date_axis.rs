//! A date axis: a range of days mapped onto pixels, with ticks that follow the zoom from
//! centuries down to single days.

use chrono::{Datelike, NaiveDate};
use egui::{Rect, Stroke, pos2};

/// Day number of a date (days since 1 January of year 1).
pub fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The date of a day number, if it is one.
pub fn date_of(day: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day.floor() as i32)
}

/// A range of days, `t0` to `t1`, shown across `width` pixels from `left`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateAxis {
    /// The day at the left edge.
    pub t0: f64,
    /// The day at the right edge.
    pub t1: f64,
    /// Screen x of the left edge.
    pub left: f32,
    /// Width in pixels.
    pub width: f32,
}

impl DateAxis {
    /// Pixels per day.
    pub fn px_per_day(&self) -> f64 {
        f64::from(self.width.max(1.0)) / (self.t1 - self.t0)
    }

    /// Screen x of a day.
    pub fn x_of(&self, day: f64) -> f32 {
        self.left + ((day - self.t0) * self.px_per_day()) as f32
    }

    /// The day at screen x.
    pub fn day_at(&self, x: f32) -> f64 {
        self.t0 + f64::from((x - self.left) / self.width.max(1.0)) * (self.t1 - self.t0)
    }

    /// Paints the ticks, their labels along the top of `rect` and grid lines down `plot`.
    pub fn ui(&self, painter: &egui::Painter, rect: Rect, plot: Rect, visuals: &egui::Visuals) {
        let step = choose_step(self.px_per_day(), 80.0);
        let grid = visuals.weak_text_color().gamma_multiply(0.4);
        for (d, label) in ticks(self.t0, self.t1, step) {
            let x = self.x_of(day_number(d));
            // A label that would run off the right edge is left out rather than cut.
            if x > rect.right() - 48.0 {
                continue;
            }
            painter.vline(x, plot.y_range(), Stroke::new(1.0, grid));
            painter.text(
                pos2(x + 2.0, rect.top() + 4.0),
                egui::Align2::LEFT_TOP,
                label,
                egui::FontId::proportional(12.0),
                visuals.text_color(),
            );
        }
        painter.hline(
            rect.x_range(),
            plot.top(),
            Stroke::new(1.0, visuals.weak_text_color()),
        );
    }
}

/// A tick spacing on the date axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Days(u32),
    Months(u32),
    Years(i32),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => f64::from(n),
            Step::Months(n) => f64::from(n) * 30.44,
            Step::Years(n) => f64::from(n) * 365.25,
        }
    }
}

/// The finest spacing whose ticks stand at least `min_px` apart.
fn choose_step(px_per_day: f64, min_px: f64) -> Step {
    const STEPS: [Step; 14] = [
        Step::Days(1),
        Step::Days(2),
        Step::Days(7),
        Step::Days(14),
        Step::Months(1),
        Step::Months(2),
        Step::Months(3),
        Step::Months(6),
        Step::Years(1),
        Step::Years(2),
        Step::Years(5),
        Step::Years(10),
        Step::Years(50),
        Step::Years(100),
    ];
    STEPS
        .into_iter()
        .find(|s| s.approx_days() * px_per_day >= min_px)
        .unwrap_or(Step::Years(100))
}

/// The tick dates in `[t0, t1]` and their labels.
fn ticks(t0: f64, t1: f64, step: Step) -> Vec<(NaiveDate, String)> {
    let (Some(start), Some(end)) = (date_of(t0), date_of(t1)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match step {
        Step::Days(n) => {
            let mut d = start;
            // Align to multiples of n so ticks do not jump while panning.
            while d.num_days_from_ce() % n as i32 != 0 {
                d = d.succ_opt().unwrap_or(d);
                if d > end {
                    return out;
                }
            }
            while d <= end && out.len() < 400 {
                // The first tick and each new year carry the year, so a day-level view
                // still says which year it shows.
                let new_year = d.ordinal() <= n;
                let format = if out.is_empty() || new_year {
                    "%Y-%m-%d"
                } else {
                    "%m-%d"
                };
                out.push((d, d.format(format).to_string()));
                match d.checked_add_days(chrono::Days::new(u64::from(n))) {
                    Some(next) => d = next,
                    None => break,
                }
            }
        }
        Step::Months(n) => {
            let mut y = start.year();
            let mut m = start.month();
            while out.len() < 400 {
                if let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
                    if d > end {
                        break;
                    }
                    if d >= start && (m - 1) % n == 0 {
                        out.push((d, d.format("%Y-%m").to_string()));
                    }
                }
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
        Step::Years(n) => {
            let mut y = start.year() + 1;
            while y <= end.year() && out.len() < 400 {
                if y % n == 0
                    && let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1)
                {
                    out.push((d, y.to_string()));
                }
                y += 1;
            }
        }
    }
    out
}
#[cfg(test)]
mod tests {
    use super::*;

    fn check(t0: &str, t1: &str, px_per_day: f64, expect: &[&str]) {
        let p = |s: &str| day_number(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let step = choose_step(px_per_day, 80.0);
        let got: Vec<String> = ticks(p(t0), p(t1), step).into_iter().map(|t| t.1).collect();
        assert_eq!(got, expect, "{step:?}");
    }

    #[test]
    fn axis_ticks_follow_zoom() {
        check("2018-06-01", "2021-03-01", 0.3, &["2019", "2020", "2021"]);
        check(
            "2020-01-15",
            "2020-05-20",
            3.0,
            &["2020-02", "2020-03", "2020-04", "2020-05"],
        );
        check(
            "2020-01-15",
            "2020-07-20",
            1.5,
            &["2020-03", "2020-05", "2020-07"],
        );
        check(
            "2020-02-01",
            "2020-02-04",
            100.0,
            &["2020-02-01", "02-02", "02-03", "02-04"],
        );
        check(
            "2020-12-30",
            "2021-01-02",
            100.0,
            &["2020-12-30", "12-31", "2021-01-01", "01-02"],
        );
        check("1995-01-01", "2024-12-31", 0.03, &["2000", "2010", "2020"]);
    }

    fn check_axis(t0: f64, t1: f64, x: f32, day: f64) {
        let axis = DateAxis {
            t0,
            t1,
            left: 100.0,
            width: 1000.0,
        };
        assert!((axis.day_at(x) - day).abs() < 1e-6, "{axis:?} at {x}");
        assert!((axis.x_of(day) - x).abs() < 1e-3, "{axis:?} of {day}");
    }

    #[test]
    fn days_and_pixels_map_both_ways() {
        check_axis(0.0, 1000.0, 100.0, 0.0);
        check_axis(0.0, 1000.0, 600.0, 500.0);
        check_axis(730_000.0, 730_010.0, 1100.0, 730_010.0);
        check_axis(-50.0, 50.0, 350.0, -25.0);
    }
}
