-- thaw store schema (SQLite). Records are stored once per distinct content
-- (versions) and their presence in a source's publications as spans of
-- consecutive publication sequence numbers, so the store grows with the changes
-- between publications, not with their number.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS publications (
    id            INTEGER PRIMARY KEY,
    source        TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    published     TEXT    NOT NULL,            -- ISO date (or date-time) of the publication
    date_basis    TEXT    NOT NULL,            -- 'in-file', 'given' or 'folder'
    sha256        TEXT    NOT NULL,            -- over the publication's files
    files         TEXT    NOT NULL,            -- JSON list of file names
    loaded_at     TEXT    NOT NULL,
    record_count  INTEGER NOT NULL,
    seq           INTEGER NOT NULL,            -- order among the source's publications
    reader_version INTEGER NOT NULL DEFAULT 0, -- the reader's version it was read with (0: unknown)
    UNIQUE (source, sha256)
);
CREATE INDEX IF NOT EXISTS publications_source_seq ON publications (source, seq);

CREATE TABLE IF NOT EXISTS versions (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL,
    source_id  TEXT NOT NULL,
    hash       TEXT NOT NULL,                  -- sha256 of the record's canonical JSON
    schema     TEXT NOT NULL,
    caption    TEXT NOT NULL,
    data       BLOB NOT NULL,                  -- zlib-compressed canonical JSON
    UNIQUE (source, source_id, hash)
);

CREATE TABLE IF NOT EXISTS spans (
    version_id  INTEGER NOT NULL REFERENCES versions (id),
    source      TEXT    NOT NULL,
    source_id   TEXT    NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER                        -- NULL: still present in the newest publication
);
CREATE INDEX IF NOT EXISTS spans_source ON spans (source, first_seq, last_seq);
CREATE INDEX IF NOT EXISTS spans_listing ON spans (source, source_id);

CREATE TABLE IF NOT EXISTS active (
    source          TEXT PRIMARY KEY,
    publication_id  INTEGER NOT NULL REFERENCES publications (id)
);
