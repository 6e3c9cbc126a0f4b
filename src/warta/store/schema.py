"""The store's schema, as ordered migrations. ``docs/schema.md`` documents every table.

Each entry of :data:`MIGRATIONS` is ``(version, name, sql)``; :mod:`warta.store.migrations` applies
the ones a database lacks, each in its own transaction, and records them in ``schema_migrations``.
Never edit a released migration: append a new one.
"""

from __future__ import annotations

M001_CORE = """
CREATE TABLE inputs (
    path        TEXT PRIMARY KEY,            -- the input as given on the command line (normalised)
    kind        TEXT NOT NULL,               -- warc | jsonl | page
    size        INTEGER,                     -- bytes on disk when first seen
    records     INTEGER NOT NULL DEFAULT 0,  -- records stored so far (articles + rejects)
    done        INTEGER NOT NULL DEFAULT 0   -- 1 once every record of the input is stored
);

CREATE TABLE outlets (
    id          INTEGER PRIMARY KEY,
    domain      TEXT NOT NULL UNIQUE,        -- registered domain: kompas.com, prokalteng.co
    name        TEXT                         -- site name as a page gave it, when known
);

CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,     -- rowid; also the full-text index's rowid
    key             TEXT NOT NULL UNIQUE,    -- input locator: "<input>#<position>"
    record_id       TEXT NOT NULL UNIQUE,    -- WARC-Record-ID, JSONL id, or the key
    input           TEXT NOT NULL REFERENCES inputs(path),
    url             TEXT,
    url_norm        TEXT,                    -- normalised URL (exact-duplicate key)
    canonical_url   TEXT,
    outlet_id       INTEGER REFERENCES outlets(id),
    title           TEXT,
    text            TEXT NOT NULL,
    lead            TEXT,                    -- first paragraph(s), up to ~400 characters
    language        TEXT,                    -- best language code (detected, else declared)
    language_score  REAL,
    published       TEXT,                    -- ISO 8601 as found
    published_origin TEXT,                   -- json-ld | meta | time | url | text | header | given
    fetched         TEXT,                    -- WARC/HTTP fetch date, ISO 8601
    day             TEXT,                    -- YYYY-MM-DD of published, else fetched
    dateline        TEXT,
    credit          TEXT,
    credit_outlet   TEXT,
    authors         TEXT NOT NULL DEFAULT '[]',   -- JSON list
    input_kind      TEXT NOT NULL,           -- html | text
    word_count      INTEGER NOT NULL,
    text_hash       TEXT NOT NULL,           -- SHA-1 of the normalised text (exact-duplicate key)
    quality         TEXT NOT NULL DEFAULT '{}',   -- JSON: Gopher/C4/FineWeb-style figures
    quality_flags   TEXT NOT NULL DEFAULT '[]',   -- JSON: names of quality rules the text fails
    warnings        TEXT NOT NULL DEFAULT '[]',   -- JSON
    article         BLOB NOT NULL,           -- the Article as JSON, minus text (= the text column)
    title_index     TEXT NOT NULL DEFAULT '',-- stemmed title (full-text index content)
    text_index      TEXT NOT NULL DEFAULT '',-- stemmed body (full-text index content)
    -- set by the corpus stage (exact duplicates, copies, stories); reset on every run of it
    status          TEXT NOT NULL DEFAULT 'article' CHECK (status IN ('article', 'duplicate')),
    duplicate_of    INTEGER REFERENCES articles(id),
    duplicate_kind  TEXT CHECK (duplicate_kind IN ('url', 'text', 'copy')),
    cluster_id      TEXT REFERENCES clusters(id),
    story_id        TEXT REFERENCES stories(id)
);
CREATE INDEX articles_input ON articles(input);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_outlet_day ON articles(outlet_id, day);
CREATE INDEX articles_language_day ON articles(language, day);
CREATE INDEX articles_url_norm ON articles(url_norm);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_status ON articles(status);
CREATE INDEX articles_cluster ON articles(cluster_id);
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE rejects (
    key         TEXT PRIMARY KEY,            -- input locator, as articles.key
    record_id   TEXT,
    input       TEXT NOT NULL,
    url         TEXT,
    reason      TEXT NOT NULL,               -- a stable code: no-content, binary-input, timeout…
    detail      TEXT,
    size        INTEGER
);
CREATE INDEX rejects_input ON rejects(input);
CREATE INDEX rejects_reason ON rejects(reason);
CREATE INDEX rejects_record_id ON rejects(record_id);

CREATE TABLE clusters (
    id              TEXT PRIMARY KEY,        -- url:<hash> | text:<hash> | copy:<hash>
    kind            TEXT NOT NULL CHECK (kind IN ('url', 'text', 'copy')),
    size            INTEGER NOT NULL,
    original_id     INTEGER REFERENCES articles(id),  -- the kept / original article, if known
    original_outlet TEXT,                    -- the original's outlet, also when not in the corpus
    evidence        TEXT                     -- credit | dateline | earliest | first | none
);

CREATE TABLE cluster_members (
    cluster_id  TEXT NOT NULL REFERENCES clusters(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    similarity  REAL,                        -- containment against the original (copies)
    PRIMARY KEY (cluster_id, article_id)
) WITHOUT ROWID;
CREATE INDEX cluster_members_article ON cluster_members(article_id);

CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    first_seen  TEXT,
    last_seen   TEXT,
    articles    INTEGER NOT NULL,
    outlets     INTEGER NOT NULL,
    keywords    TEXT NOT NULL DEFAULT '[]'   -- JSON
);
CREATE INDEX stories_outlets ON stories(outlets DESC, first_seen);

CREATE TABLE story_members (
    story_id    TEXT NOT NULL REFERENCES stories(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX story_members_article ON story_members(article_id);

-- Enrichment (issue 4): filled from Article.quotes / .entities / .dates when present.
CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    speaker     TEXT,
    cue         TEXT,
    text        TEXT NOT NULL,
    start       INTEGER,
    "end"       INTEGER,
    kind        TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,               -- PERSON | ORGANIZATION | PLACE
    UNIQUE (name, type)
);

CREATE TABLE article_entities (
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    mentions    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE date_mentions (
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    text        TEXT NOT NULL,
    value       TEXT NOT NULL
);
CREATE INDEX date_mentions_article ON date_mentions(article_id);
CREATE INDEX date_mentions_value ON date_mentions(value);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,
    finished    TEXT,
    engine      TEXT,
    workers     INTEGER,
    inputs      TEXT NOT NULL DEFAULT '[]',  -- JSON list of inputs given
    summary     TEXT                         -- JSON: counts and timings
);
"""

M002_SEARCH = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title_index, text_index,
    content='articles', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title_index, text_index)
    VALUES (new.id, new.title_index, new.text_index);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title_index, text_index)
    VALUES ('delete', old.id, old.title_index, old.text_index);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title_index, text_index ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title_index, text_index)
    VALUES ('delete', old.id, old.title_index, old.text_index);
    INSERT INTO articles_fts(rowid, title_index, text_index)
    VALUES (new.id, new.title_index, new.text_index);
END;
"""

M003_EXPLORE = """
-- Covering indexes for the explorer (warta serve): counting and sorting search matches reads
-- only these, never the wide article rows (whose text and JSON overflow into many pages).
CREATE INDEX articles_explore ON articles(id, status, duplicate_kind, day, outlet_id, language, story_id);
CREATE INDEX articles_explore_day ON articles(day, status, duplicate_kind, outlet_id, language, story_id);
"""

M004_INPUT_MTIME = """
-- The input ledger's fingerprint: size (already there) and modification time, so that a done
-- input that changed on disk is read again (NULL in stores from before: compared by size only).
ALTER TABLE inputs ADD COLUMN mtime_ns INTEGER;
"""

M005_INPUT_HASH = """
-- A hash of the input's bytes when last read to the end: an input whose time changed but whose
-- bytes did not (touch, git checkout, cp without -p) is not read again. NULL in older stores.
ALTER TABLE inputs ADD COLUMN content_hash TEXT;
"""

M006_ENTITY_ALIASES = """
-- The corpus-level entity merge (warta.pipeline.aliases): each other form of an entity, whose
-- links the corpus stage moved to the entity. Recomputed on every run of the stage.
CREATE TABLE entity_aliases (
    name        TEXT NOT NULL,               -- the form, as articles wrote it: KPK, Jokowi
    type        TEXT NOT NULL,               -- PERSON | ORGANIZATION | PLACE
    entity_id   INTEGER NOT NULL REFERENCES entities(id),  -- the canonical entity
    source      TEXT NOT NULL,               -- declared | spelling | list | case
    articles    INTEGER NOT NULL DEFAULT 0,  -- articles that used the form
    declared    INTEGER NOT NULL DEFAULT 0,  -- articles that declared it ("… (KPK)")
    PRIMARY KEY (name, type)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

-- The nicknames each text declares ("Joko Widodo (Jokowi)"), read once per text for the merge.
CREATE TABLE entity_nicknames (
    text_hash   TEXT PRIMARY KEY,            -- articles.text_hash
    reader      INTEGER NOT NULL,            -- version of the reading; another one reads again
    nicknames   TEXT NOT NULL                -- JSON {nickname: full name}
) WITHOUT ROWID;
"""

M007_QUOTE_ATTRIBUTION = """
-- How each quote's speaker was found (warta.article.Attribution): named | role | pronoun |
-- continued | context; NULL without a speaker, and for quotes stored before this migration.
ALTER TABLE quotes ADD COLUMN attribution TEXT;
"""

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "core tables", M001_CORE),
    (2, "full-text search", M002_SEARCH),
    (3, "explorer indexes", M003_EXPLORE),
    (4, "input mtime", M004_INPUT_MTIME),
    (5, "input content hash", M005_INPUT_HASH),
    (6, "entity aliases", M006_ENTITY_ALIASES),
    (7, "quote attribution", M007_QUOTE_ATTRIBUTION),
)
"""Every migration, in order."""
