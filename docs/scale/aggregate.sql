-- Aggregates the Parquet shards of `tifa-cli extract` into the phrase × place matrix, each
-- phrase group's first use and its adopters in order: what Tifa computes in memory, computed
-- from per-document results by DuckDB on one large machine or Spark SQL on a cluster.
--
-- Expects the views documents, meetings, directives, occurrences, shingles (each the union of
-- the shards' files of that name) and groups (groups.parquet); aggregate.py makes them for
-- DuckDB, README.md says how for Spark. Every statement ends with a semicolon at the end of a
-- line; the runner splits on those.
--
-- 1. Reports of one meeting. A meeting told by several pages (a story page and a daily
-- transcript, a paper and its website) is one meeting, counted once. Two reports are the same
-- meeting when their dates agree (equal, or the same day of the year: a page without its year
-- may have been given the wrong one), their places and chairs agree where both name one,
-- they come from different articles, and
--   * when both lay down enough text (8 shingles: runs of 6 characters of their directives),
--     the smaller shares half its shingles with the other under a compatible title (one
--     contains the other), or nine tenths under any title;
--   * otherwise only the same title, the same chair and the same day tell (a report without
--     the date may still be a copy when its title carries the meeting's number, 第…次).
-- Reports compared: those dated on the same day of the year, and those with the same title
-- when one of them is undated.

CREATE OR REPLACE TEMPORARY VIEW copy_pairs AS
SELECT a.meeting AS a, b.meeting AS b
FROM meetings a
JOIN meetings b
  ON month(a.date) = month(b.date) AND day(a.date) = day(b.date) AND a.meeting < b.meeting
UNION
SELECT a.meeting AS a, b.meeting AS b
FROM (SELECT meeting, title_norm FROM meetings WHERE date IS NULL) a
JOIN meetings b
  ON a.title_norm = b.title_norm AND a.meeting < b.meeting
UNION
SELECT a.meeting AS a, b.meeting AS b
FROM meetings a
JOIN (SELECT meeting, title_norm FROM meetings WHERE date IS NULL) b
  ON a.title_norm = b.title_norm AND a.meeting < b.meeting;

CREATE OR REPLACE TEMPORARY VIEW copy_agree AS
SELECT
  p.a,
  p.b,
  least(x.shingles, y.shingles) AS small,
  (x.title_norm <> '' AND y.title_norm <> ''
    AND (instr(x.title_norm, y.title_norm) > 0 OR instr(y.title_norm, x.title_norm) > 0)) AS titles,
  x.title_norm = y.title_norm AS same_title,
  CASE
    WHEN x.date IS NOT NULL AND y.date IS NOT NULL THEN x.date = y.date
    WHEN x.date IS NULL AND y.date IS NULL THEN false
    -- The earlier report's title carries the meeting's number.
    ELSE x.title_norm LIKE '%第%' AND x.title_norm LIKE '%次%' AND x.title_norm NOT LIKE '第%'
      AND length(x.title_norm) >= 10
  END AS same_day,
  (x.chair IS NOT NULL AND x.chair = y.chair) AS same_chair
FROM copy_pairs p
JOIN meetings x ON x.meeting = p.a
JOIN meetings y ON y.meeting = p.b
WHERE NOT (x.doc = y.doc AND x.article_start = y.article_start AND x.article_end = y.article_end)
  AND (x.date IS NULL OR y.date IS NULL OR x.date = y.date
    OR (month(x.date) = month(y.date) AND day(x.date) = day(y.date)))
  AND (x.place IS NULL OR y.place IS NULL OR x.place = y.place)
  AND (x.chair IS NULL OR y.chair IS NULL OR x.chair = y.chair);

-- Each report's shingles as one list, so that a pair compares two lists instead of joining
-- every shingle of one report with every shingle of the other (on Spark SQL:
-- collect_list(shingle) and size(array_intersect(x.shingle_set, y.shingle_set))).
CREATE OR REPLACE TEMPORARY VIEW shingle_sets AS
SELECT meeting, list(shingle) AS shingle_set
FROM shingles
GROUP BY meeting;

CREATE OR REPLACE TEMPORARY VIEW copy_shared AS
SELECT g.a, g.b, len(list_intersect(x.shingle_set, y.shingle_set)) AS shared
FROM copy_agree g
JOIN shingle_sets x ON x.meeting = g.a
JOIN shingle_sets y ON y.meeting = g.b
WHERE g.small >= 8;

CREATE OR REPLACE TEMPORARY VIEW copy_edges AS
SELECT g.a, g.b
FROM copy_agree g
LEFT JOIN copy_shared s ON s.a = g.a AND s.b = g.b
WHERE CASE
  WHEN g.small >= 8 THEN
    (g.titles AND CAST(coalesce(s.shared, 0) AS DOUBLE) / CAST(g.small AS DOUBLE) >= 0.5)
    OR CAST(coalesce(s.shared, 0) AS DOUBLE) / CAST(g.small AS DOUBLE) >= 0.9
  ELSE g.titles AND g.same_title AND g.same_day AND g.same_chair
END;

-- Reports joined by copy_edges, directly or through others, are one meeting, kept under the
-- first report in corpus order (the lowest meeting number).
CREATE OR REPLACE TEMPORARY VIEW copy_links AS
SELECT a, b FROM copy_edges
UNION ALL
SELECT b AS a, a AS b FROM copy_edges;

CREATE OR REPLACE TEMPORARY VIEW copy_components AS
WITH RECURSIVE reach(meeting, root) AS (
  SELECT a, a FROM copy_links
  UNION
  SELECT l.b, r.root FROM reach r JOIN copy_links l ON l.a = r.meeting
)
SELECT meeting, min(root) AS keep FROM reach GROUP BY meeting;

CREATE OR REPLACE TEMPORARY VIEW reports AS
SELECT m.*, coalesce(c.keep, m.meeting) AS keep
FROM meetings m
LEFT JOIN copy_components c ON c.meeting = m.meeting;

-- A meeting takes from its reports, in corpus order, the first date and the first place any
-- names; its directives (and so its phrase uses) are those of its first report that lays any
-- down. It is counted under its place, else its document's, else 地点不明.
CREATE OR REPLACE TEMPORARY VIEW merged_meetings AS
SELECT
  r.keep AS meeting,
  count(*) AS reports,
  min_by(r.date, r.meeting) FILTER (WHERE r.date IS NOT NULL) AS date,
  min_by(r.day_number, r.meeting) FILTER (WHERE r.date IS NOT NULL) AS day_number,
  min_by(r.place, r.meeting) FILTER (WHERE r.place IS NOT NULL) AS place,
  coalesce(min(r.meeting) FILTER (WHERE r.directives > 0), r.keep) AS source
FROM reports r
GROUP BY r.keep;

CREATE OR REPLACE TEMPORARY VIEW meeting_places AS
SELECT mm.*, coalesce(mm.place, s.doc_place, '地点不明') AS label, s.doc AS doc
FROM merged_meetings mm
JOIN meetings s ON s.meeting = mm.source;

-- 2. The phrase × place matrix, in long form: per phrase group and place, its uses, the
-- meetings using it and the date of its first dated use there (Tifa's `export --table cells`).
CREATE OR REPLACE TEMPORARY VIEW matrix AS
SELECT
  o.group_id,
  g.phrase,
  mp.label AS place,
  count(*) AS uses,
  count(DISTINCT mp.meeting) AS meetings,
  min(mp.date) AS first_date,
  min(mp.day_number) AS first_day
FROM occurrences o
JOIN meeting_places mp ON mp.source = o.meeting
JOIN (SELECT DISTINCT group_id, phrase FROM groups) g ON g.group_id = o.group_id
GROUP BY o.group_id, g.phrase, mp.label;

-- 3. Who used each phrase group first (earliest date; places in byte order break a tie).
-- 4. Its adopters in order, each with the days since the first use. Uses in meetings with no
-- known place (地点不明) count in the matrix but make no adopter, as in Tifa's diffusion view.
CREATE OR REPLACE TEMPORARY VIEW adoption AS
SELECT
  group_id,
  phrase,
  place,
  first_date,
  row_number() OVER (PARTITION BY group_id ORDER BY first_day, place) AS adopter,
  first_day - min(first_day) OVER (PARTITION BY group_id) AS lag_days
FROM matrix
WHERE first_day IS NOT NULL AND place <> '地点不明';

CREATE OR REPLACE TEMPORARY VIEW first_use AS
SELECT group_id, phrase, place, first_date
FROM adoption
WHERE adopter = 1;
