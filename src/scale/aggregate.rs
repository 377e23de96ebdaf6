//! What `docs/scale/aggregate.sql` computed, read back for a project: per phrase group and
//! place, its uses, meetings, first date and place in the adoption order.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use serde::{Deserialize, Serialize};

use super::ScaleError;
use crate::export::Table;

/// One cell of an aggregated matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AggregateCell {
    /// The reference group's id.
    pub group_id: u32,
    /// The group's name.
    pub phrase: String,
    /// The place meetings are counted under.
    pub place: String,
    /// Uses in that place's meetings.
    pub uses: u64,
    /// Meetings of that place using it.
    pub meetings: u64,
    /// The date of its first dated use there.
    pub first: Option<NaiveDate>,
    /// The place's rank among the group's adopters (1 used it first), when dated.
    pub adopter: Option<u32>,
    /// Days from the group's first use anywhere to its first use here, when dated.
    pub lag_days: Option<i64>,
}

impl AggregateCell {
    /// How cells are listed: by group, then in adoption order (undated last), then by place.
    pub fn order(&self) -> (u32, u32, &str) {
        (self.group_id, self.adopter.unwrap_or(u32::MAX), &self.place)
    }
}

/// An aggregate of a collection analysed past one machine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    /// The folder it was read from.
    pub source: String,
    /// When it was imported (UTC, RFC 3339).
    pub imported: String,
    /// Meetings after merging reports of one meeting.
    pub meetings: u64,
    /// Every used cell, in [`AggregateCell::order`].
    pub cells: Vec<AggregateCell>,
}

impl Aggregate {
    /// Reads the output folder of `aggregate.py` (`matrix.parquet`, `adoption.parquet`,
    /// `merged_meetings.parquet`), or of Spark (folders of those names holding part files).
    pub fn read(dir: &Path) -> Result<Self, ScaleError> {
        let mut cells = Vec::new();
        for row in rows(dir, "matrix")? {
            let text = |k: &str| row.get(k).and_then(Cell::text);
            let (Some(group_id), Some(phrase), Some(place)) = (
                row.get("group_id").and_then(Cell::int),
                text("phrase"),
                text("place"),
            ) else {
                return Err(missing(dir, "matrix", "group_id, phrase and place"));
            };
            cells.push(AggregateCell {
                group_id: u32::try_from(group_id).unwrap_or(u32::MAX),
                phrase,
                place,
                uses: row.get("uses").and_then(Cell::int).unwrap_or(0).max(0) as u64,
                meetings: row.get("meetings").and_then(Cell::int).unwrap_or(0).max(0) as u64,
                first: row.get("first_date").and_then(Cell::date),
                adopter: None,
                lag_days: None,
            });
        }
        let mut order: BTreeMap<(u32, String), (u32, i64)> = BTreeMap::new();
        for row in rows(dir, "adoption")? {
            if let (Some(g), Some(p), Some(a), Some(l)) = (
                row.get("group_id").and_then(Cell::int),
                row.get("place").and_then(Cell::text),
                row.get("adopter").and_then(Cell::int),
                row.get("lag_days").and_then(Cell::int),
            ) {
                order.insert((g as u32, p), (a as u32, l));
            }
        }
        for c in &mut cells {
            if let Some(&(a, l)) = order.get(&(c.group_id, c.place.clone())) {
                c.adopter = Some(a);
                c.lag_days = Some(l);
            }
        }
        cells.sort_by(|a, b| a.order().cmp(&b.order()));
        let meetings = files(dir, "merged_meetings")?
            .iter()
            .map(|f| reader(f).map(|r| r.metadata().file_metadata().num_rows().max(0) as u64))
            .sum::<Result<u64, ScaleError>>()?;
        Ok(Self {
            source: dir.display().to_string(),
            imported: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            meetings,
            cells,
        })
    }

    /// Phrase groups with at least one use.
    pub fn groups(&self) -> usize {
        let mut ids: Vec<u32> = self.cells.iter().map(|c| c.group_id).collect();
        ids.dedup();
        ids.len()
    }

    /// Places with at least one use.
    pub fn places(&self) -> usize {
        let mut p: Vec<&str> = self.cells.iter().map(|c| c.place.as_str()).collect();
        p.sort_unstable();
        p.dedup();
        p.len()
    }

    /// The cells as a table, one row per group and place.
    pub fn to_table(&self) -> Table {
        let mut t = Table::new(
            "全国汇总",
            [
                "编号",
                "提法",
                "地点",
                "次数",
                "会议数",
                "首次日期",
                "采用次序",
                "滞后天数",
            ],
        );
        for c in &self.cells {
            t.push(
                vec![
                    c.group_id.to_string(),
                    c.phrase.clone(),
                    c.place.clone(),
                    c.uses.to_string(),
                    c.meetings.to_string(),
                    c.first.map(|d| d.to_string()).unwrap_or_default(),
                    c.adopter.map(|a| a.to_string()).unwrap_or_default(),
                    c.lag_days.map(|l| l.to_string()).unwrap_or_default(),
                ],
                None,
            );
        }
        t
    }
}

/// One value of a row, as the aggregate needs it.
#[derive(Clone, Debug)]
enum Cell {
    Int(i64),
    Text(String),
    Date(NaiveDate),
    Null,
}

impl Cell {
    fn of(f: &Field) -> Self {
        match f {
            Field::Byte(x) => Self::Int(i64::from(*x)),
            Field::Short(x) => Self::Int(i64::from(*x)),
            Field::Int(x) => Self::Int(i64::from(*x)),
            Field::Long(x) => Self::Int(*x),
            Field::UByte(x) => Self::Int(i64::from(*x)),
            Field::UShort(x) => Self::Int(i64::from(*x)),
            Field::UInt(x) => Self::Int(i64::from(*x)),
            Field::ULong(x) => Self::Int(*x as i64),
            Field::Str(s) => Self::Text(s.clone()),
            Field::Date(days) => NaiveDate::default()
                .checked_add_signed(chrono::Duration::days(i64::from(*days)))
                .map_or(Self::Null, Self::Date),
            _ => Self::Null,
        }
    }

    fn int(&self) -> Option<i64> {
        match self {
            Self::Int(x) => Some(*x),
            _ => None,
        }
    }

    fn text(&self) -> Option<String> {
        match self {
            Self::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    fn date(&self) -> Option<NaiveDate> {
        match self {
            Self::Date(d) => Some(*d),
            _ => None,
        }
    }
}

fn missing(dir: &Path, name: &str, what: &str) -> ScaleError {
    ScaleError::Io {
        path: dir.join(name).display().to_string(),
        message: format!("not the output of docs/scale/aggregate.sql: a row lacks {what}"),
    }
}

/// The Parquet files of output `name`: `name.parquet`, or the part files of folder `name`.
fn files(dir: &Path, name: &str) -> Result<Vec<PathBuf>, ScaleError> {
    let file = dir.join(format!("{name}.parquet"));
    if file.is_file() {
        return Ok(vec![file]);
    }
    let folder = dir.join(name);
    let listed = std::fs::read_dir(&folder).map_err(|_| ScaleError::Io {
        path: file.display().to_string(),
        message: "missing: give the folder aggregate.py (or Spark) wrote its outputs into".into(),
    })?;
    let mut out: Vec<PathBuf> = listed
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
        .collect();
    out.sort();
    Ok(out)
}

fn reader(path: &Path) -> Result<SerializedFileReader<File>, ScaleError> {
    let file = File::open(path).map_err(|e| ScaleError::io(path, &e))?;
    SerializedFileReader::new(file).map_err(|e| ScaleError::Io {
        path: path.display().to_string(),
        message: format!("not a Parquet file: {e}"),
    })
}

/// Every row of output `name`, by column name.
fn rows(dir: &Path, name: &str) -> Result<Vec<BTreeMap<String, Cell>>, ScaleError> {
    let mut out = Vec::new();
    for path in files(dir, name)? {
        let r = reader(&path)?;
        let iter = r.get_row_iter(None).map_err(|e| ScaleError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        for row in iter {
            let row = row.map_err(|e| ScaleError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            out.push(
                row.get_column_iter()
                    .map(|(k, v)| (k.clone(), Cell::of(v)))
                    .collect(),
            );
        }
    }
    Ok(out)
}
