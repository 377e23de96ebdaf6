//! The settings of date reading: how a masthead is recognised and scored, how long 近日 is.

/// How a masthead at the top of a page is recognised and how its candidate dates are scored.
///
/// A masthead date is chosen among candidates: a full date on a short line at the top, a
/// compact `20240609` in a title line, and a year-month (`2020年2月`) completed by a lone day
/// number or the lunar date. Each candidate starts from its base score and gains (or loses) the
/// weights below when the printed weekday, lunar date and lunar year agree (or disagree).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MastheadConfig {
    /// A masthead line is at most this many characters.
    pub max_line_chars: usize,
    /// The masthead is within this many non-blank lines from the top.
    pub max_lines: usize,
    /// Besides its date, a masthead line holds at most this many characters (a weekday, an
    /// issue number); more is a sentence.
    pub max_extra_chars: usize,
    /// Base score of a full date written on a masthead line.
    pub full_date_score: i32,
    /// Base score of a compact date (`20240609`) or a year-month with a lone day number.
    pub assembled_score: i32,
    /// Base score of a year-month whose day comes from the lunar date alone.
    pub lunar_only_score: i32,
    /// Gained when the printed weekday (星期六) agrees, lost when it does not.
    pub weekday_weight: i32,
    /// Gained when the printed lunar month and day (正月廿二) agree, lost when not.
    pub lunar_weight: i32,
    /// Gained when the lunar year's name (庚子年) agrees, lost when not.
    pub ganzhi_weight: i32,
}

impl Default for MastheadConfig {
    fn default() -> Self {
        Self {
            max_line_chars: 40,
            max_lines: 12,
            max_extra_chars: 14,
            full_date_score: 2,
            assembled_score: 1,
            lunar_only_score: 0,
            weekday_weight: 2,
            lunar_weight: 2,
            ganzhi_weight: 1,
        }
    }
}

/// Settings for reading dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateConfig {
    /// How mastheads are found and scored.
    pub masthead: MastheadConfig,
    /// A dateline (`2020-02-03 20:06 来源:…`) is a line of at most this many characters; a
    /// longer one is running text that happens to hold a date.
    pub dateline_max_line_chars: usize,
    /// 近日, 日前: how many days before publication the meeting may have been held.
    pub recent_days: i64,
    /// The year given to a month and day when nothing on the page, in its metadata or its path
    /// hints at one; such a date says its year is unknown (`year_known: false`). A leap year,
    /// so that 2月29日 keeps its day.
    pub unknown_year: i32,
}

impl Default for DateConfig {
    fn default() -> Self {
        Self {
            masthead: MastheadConfig::default(),
            dateline_max_line_chars: 120,
            recent_days: 14,
            unknown_year: 2020,
        }
    }
}
