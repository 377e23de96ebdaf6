//! The project file's tables, as a list of migrations: a new file runs them all, an older file
//! the ones it lacks. `PRAGMA user_version` counts those applied.

/// The steps from an empty database to the current schema, oldest first. Never edit a step
/// that has shipped: add one.
pub const MIGRATIONS: &[&str] = &[
    // 1: the corpus, the analysis and the user's work.
    r"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- One row per document. `id` never changes (the search index refers to it); `pos` is the
-- document's place in the analysis (its DocId).
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    pos       INTEGER NOT NULL,
    path      TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    size      INTEGER NOT NULL,
    modified  INTEGER,
    encoding  TEXT NOT NULL,
    format    TEXT NOT NULL,
    url       TEXT,
    site      TEXT,
    published TEXT,
    text      TEXT NOT NULL,
    -- The document as the analysis holds it, without its text (JSON).
    document  TEXT NOT NULL,
    -- What reading this document alone found: its meetings before reports of one meeting in
    -- several documents are merged (JSON).
    extracted TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents (sha256);
CREATE INDEX documents_path ON documents (path);
CREATE TABLE problems (
    path    TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE meetings (
    id         INTEGER PRIMARY KEY,
    document   INTEGER NOT NULL,
    place      TEXT,
    place_code TEXT,
    date       TEXT,
    precision  TEXT,
    basis      TEXT,
    title      TEXT NOT NULL,
    chair      TEXT,
    meeting    TEXT NOT NULL
);
CREATE TABLE directives (
    meeting INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    cue     TEXT NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (meeting, n)
);
-- Best first, as the analysis lists them.
CREATE TABLE phrase_groups (
    rank    INTEGER PRIMARY KEY,
    id      INTEGER NOT NULL,
    phrase  TEXT NOT NULL,
    score   REAL NOT NULL,
    places  INTEGER NOT NULL,
    grp     TEXT NOT NULL
);
CREATE TABLE occurrences (
    grp       INTEGER NOT NULL,
    meeting   INTEGER NOT NULL,
    directive INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX occurrences_grp ON occurrences (grp);
CREATE TABLE places (
    name TEXT PRIMARY KEY
);
CREATE TABLE corrections (
    meeting    TEXT PRIMARY KEY,
    correction TEXT NOT NULL
);
-- The lexicon, the view and whatever else the app keeps, by name (JSON values).
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
",
    // 2: full-text search over every document, trigram-tokenised so that unsegmented Chinese
    // is found by any run of three or more characters.
    r"
CREATE VIRTUAL TABLE text_index USING fts5(
    text,
    content = 'documents',
    content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO text_index (text_index) VALUES ('rebuild');
",
    // 3: the aggregate of a collection analysed past one machine (docs/scale/), imported.
    r"
CREATE TABLE aggregate_cells (
    group_id   INTEGER NOT NULL,
    phrase     TEXT NOT NULL,
    place      TEXT NOT NULL,
    uses       INTEGER NOT NULL,
    meetings   INTEGER NOT NULL,
    first_date TEXT,
    adopter    INTEGER,
    lag_days   INTEGER,
    PRIMARY KEY (group_id, place)
);
",
    // 4: the words each meeting's directives hold, which keyness counts against (NULL in an
    // analysis saved before they were counted).
    r"
ALTER TABLE meetings ADD COLUMN words INTEGER;
",
    // 5: the restatement analysis as last computed (report::restated), and the fingerprint of
    // what it was computed from: it stands only while that is unchanged.
    r"
CREATE TABLE restatement (
    fingerprint TEXT PRIMARY KEY,
    window_days INTEGER NOT NULL,
    places      TEXT NOT NULL,
    months      TEXT NOT NULL
);
-- One row per meeting: its shares as columns, and all of it (clauses, sources, diffs) as JSON.
CREATE TABLE restated_meetings (
    meeting  TEXT PRIMARY KEY,
    place    TEXT NOT NULL,
    date     TEXT,
    restated REAL NOT NULL,
    adapted  REAL NOT NULL,
    local    REAL NOT NULL,
    clauses  INTEGER NOT NULL,
    value    TEXT NOT NULL
);
-- One row per restated or adapted clause: the link from a local clause to its source.
CREATE TABLE restatement_links (
    meeting         TEXT NOT NULL,
    directive       INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    label           TEXT NOT NULL,
    similarity      REAL NOT NULL,
    text            TEXT NOT NULL,
    source_document TEXT NOT NULL,
    source_meeting  TEXT NOT NULL,
    source_place    TEXT NOT NULL,
    source_level    TEXT,
    source_date     TEXT,
    source_text     TEXT NOT NULL
);
CREATE INDEX restatement_links_meeting ON restatement_links (meeting);
",
    // 6: the texts in a table of their own, so that reading the documents back (each
    // document's metadata and meetings) does not pass over their texts: a project opens
    // without reading any text, and a text is read when it is asked for. The search index is
    // built again over the new table. Each document's row keeps its text's length in bytes.
    r"
CREATE TABLE texts (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
INSERT INTO texts (id, text) SELECT id, text FROM documents;
ALTER TABLE documents ADD COLUMN text_bytes INTEGER;
UPDATE documents SET text_bytes = length(CAST(text AS BLOB));
DROP TABLE text_index;
ALTER TABLE documents DROP COLUMN text;
CREATE VIRTUAL TABLE text_index USING fts5(
    text,
    content = 'texts',
    content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO text_index (text_index) VALUES ('rebuild');
",
];

/// The schema version a current file has.
pub const VERSION: i64 = MIGRATIONS.len() as i64;
