"""The store's tables: the migrations that create and grow them, in order (the database's ``user_version`` is
how many have run), and the columns later versions added to tables of earlier ones."""
from __future__ import annotations

# The triggers that keep the full-text index in step with the articles (migration 1 makes them; a later
# one makes the index again and them with it).
FTS_TRIGGERS = """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """

MIGRATIONS: list[str] = [
    # 1: the corpus
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        headwater_version TEXT NOT NULL,
        inputs TEXT NOT NULL,            -- JSON list of what the user named
        analyzed INTEGER DEFAULT 0,      -- new articles stored by this run
        skipped INTEGER DEFAULT 0,       -- inputs already analyzed by an earlier run
        duplicates INTEGER DEFAULT 0,    -- inputs whose text an article already stored has
        errors INTEGER DEFAULT 0
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the clean text, white space folded
        source TEXT NOT NULL,                -- the first input it was read from
        url TEXT,
        title TEXT,
        outlet_id TEXT,
        outlet_name TEXT,
        outlet_country TEXT,
        outlet_state_affiliated INTEGER,
        outlet_basis TEXT,                   -- what showed the outlet: url, metadata, dateline...
        wire TEXT,
        published TEXT,                      -- ISO date
        published_basis TEXT,                -- explicit | inferred
        published_evidence TEXT,
        site_name TEXT,
        language TEXT,
        input_kind TEXT,
        text TEXT NOT NULL,
        focus TEXT,                          -- JSON: where the main reported event happened
        notes TEXT,                          -- JSON list: how facts were found
        analyzer TEXT NOT NULL,              -- the headwater version that analyzed it
        run_id INTEGER REFERENCES runs(id),
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles(outlet_id);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE inputs (
        digest TEXT NOT NULL,                -- sha256 of the bytes read
        source TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        analyzer TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id),
        PRIMARY KEY (digest, source)
    );
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES runs(id),
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
    """ + FTS_TRIGGERS,
    # 2: per-article findings; `data` keeps every field of the finding as JSON
    """
    CREATE TABLE places (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        surface TEXT, start INTEGER, "end" INTEGER,
        name TEXT, lat REAL, lon REAL, kind TEXT, admin1 TEXT, country TEXT,
        data TEXT NOT NULL
    );
    CREATE TABLE attributions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim TEXT, start INTEGER, "end" INTEGER,
        first_source TEXT,                   -- the outlet's own source: sources[0].name
        data TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type TEXT, actor TEXT, count INTEGER, killed INTEGER, date TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX places_article ON places(article_id);
    CREATE INDEX attributions_article ON attributions(article_id);
    CREATE INDEX events_article ON events(article_id);
    """,
    # 3: corpus-level results, recomputed over the whole corpus at the end of every run
    """
    CREATE TABLE narrative_keys (
        key TEXT PRIMARY KEY,                -- actor|action|group: the claim a narrative retells
        id TEXT NOT NULL UNIQUE              -- its id, stable from run to run
    );
    CREATE TABLE narratives (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, first_seen TEXT, last_seen TEXT, data TEXT NOT NULL
    );
    CREATE TABLE narrative_articles (
        narrative_id TEXT NOT NULL REFERENCES narratives(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (narrative_id, article_id)
    );
    CREATE TABLE contradictions (
        id INTEGER PRIMARY KEY, narrative_id TEXT, slot TEXT, description TEXT, data TEXT NOT NULL
    );
    CREATE TABLE provenance_edges (
        narrative_id TEXT, source TEXT, cites TEXT, article_id INTEGER
    );
    CREATE TABLE stories (
        id TEXT NOT NULL, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    """,
    # 4: known claims (debunked-claims databases) and the narratives that repeat them
    """
    CREATE TABLE known_claims (
        id TEXT PRIMARY KEY,                 -- the case or ClaimReview URL where there is one
        origin TEXT,                         -- the file it was imported from
        date TEXT, claim TEXT NOT NULL, rating TEXT, url TEXT, data TEXT NOT NULL
    );
    CREATE TABLE narrative_known_claims (
        narrative_id TEXT NOT NULL, known_claim_id TEXT NOT NULL, score REAL NOT NULL
    );
    """,
    # 5: open-ended storage. A registered enricher's findings without a typed table go to `findings`
    # (keyed by enricher and version); every corpus-level result is kept whole in `links`, so the
    # analysis document is rebuilt from the database exactly as the run wrote it.
    """
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        enricher TEXT NOT NULL,              -- name/version of the enricher that found it
        name TEXT NOT NULL,                  -- what kind of finding (the field the enricher assigns)
        data TEXT NOT NULL
    );
    CREATE INDEX findings_article ON findings(article_id);
    CREATE INDEX findings_name ON findings(name);
    CREATE TABLE links (
        kind TEXT NOT NULL,                  -- the document's key: stories, copies, narratives, provenance...
        linker TEXT NOT NULL,                -- name/version of the linker that computed it
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, position)
    );
    """,
    # 6: views that answer from indexes: one narrative, one article's narratives, the latest summary
    """
    ALTER TABLE links ADD COLUMN key TEXT;   -- the row's own id (narrative, story) or its narrative's
    CREATE INDEX links_key ON links(kind, key);
    CREATE INDEX narrative_articles_article ON narrative_articles(article_id);
    CREATE INDEX stories_article ON stories(article_id);
    CREATE TABLE meta (
        name TEXT PRIMARY KEY,               -- "summary": the counts of the latest analysis document
        data TEXT NOT NULL
    );
    """,
    # 7: a link row found by any of the keys it lists (an entity by each spelling it holds)
    """
    CREATE TABLE link_keys (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        position INTEGER NOT NULL
    );
    CREATE INDEX link_keys_key ON link_keys(kind, key);
    """,
    # 8: the database as Datasette and sqlite-utils expect it. Full-text index declared with
    # content="articles" (double quotes: how Datasette's detect_fts finds it, so `?_search=` works);
    # a text `key` beside each integer id, the id the document, the exports and the URLs use ("a3",
    # "a3.p2"); bylines (the columns: ADDED_COLUMNS); foreign keys on every link table (SQLite adds
    # them only by rebuilding a table, so the link tables are rebuilt with their rows, keeping those
    # whose ends exist). Written to run again harmlessly over its own result.
    """
    DROP TRIGGER IF EXISTS articles_ai;
    DROP TRIGGER IF EXISTS articles_ad;
    DROP TRIGGER IF EXISTS articles_au;
    DROP TABLE IF EXISTS articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="id");
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """ + FTS_TRIGGERS + """UPDATE articles SET key = 'a' || id;
    CREATE UNIQUE INDEX IF NOT EXISTS articles_key ON articles(key);
    UPDATE places SET key = 'a' || n.article_id || '.p' || n.n FROM (SELECT id, article_id,
        row_number() OVER (PARTITION BY article_id ORDER BY id) AS n FROM places) n WHERE n.id = places.id;
    UPDATE attributions SET key = 'a' || n.article_id || '.c' || n.n FROM (SELECT id, article_id,
        row_number() OVER (PARTITION BY article_id ORDER BY id) AS n FROM attributions) n WHERE n.id = attributions.id;
    UPDATE events SET key = 'a' || n.article_id || '.e' || n.n FROM (SELECT id, article_id,
        row_number() OVER (PARTITION BY article_id ORDER BY id) AS n FROM events) n WHERE n.id = events.id;
    CREATE INDEX IF NOT EXISTS places_key ON places(key);
    CREATE INDEX IF NOT EXISTS attributions_key ON attributions(key);
    CREATE INDEX IF NOT EXISTS events_key ON events(key);
    ALTER TABLE contradictions RENAME TO contradictions_v5;
    CREATE TABLE contradictions (
        id INTEGER PRIMARY KEY,
        narrative_id TEXT REFERENCES narratives(id) ON DELETE CASCADE,
        slot TEXT, description TEXT,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,        -- the first retelling
        other_article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,  -- the one it contradicts
        data TEXT NOT NULL
    );
    INSERT INTO contradictions(id, narrative_id, slot, description, article_id, other_article_id, data)
        SELECT c.id, c.narrative_id, c.slot, c.description, a.id, b.id, c.data FROM contradictions_v5 c
        LEFT JOIN articles a ON a.key = json_extract(c.data, '$.article_ids[0]')
        LEFT JOIN articles b ON b.key = json_extract(c.data, '$.article_ids[1]')
        WHERE c.narrative_id IS NULL OR c.narrative_id IN (SELECT id FROM narratives);
    DROP TABLE contradictions_v5;
    ALTER TABLE provenance_edges RENAME TO provenance_edges_v5;
    CREATE TABLE provenance_edges (
        id INTEGER PRIMARY KEY,
        narrative_id TEXT REFERENCES narratives(id) ON DELETE CASCADE,
        source TEXT, cites TEXT,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE
    );
    INSERT INTO provenance_edges(narrative_id, source, cites, article_id)
        SELECT narrative_id, source, cites, article_id FROM provenance_edges_v5
        WHERE (narrative_id IS NULL OR narrative_id IN (SELECT id FROM narratives))
          AND (article_id IS NULL OR article_id IN (SELECT id FROM articles));
    DROP TABLE provenance_edges_v5;
    ALTER TABLE narrative_known_claims RENAME TO narrative_known_claims_v5;
    CREATE TABLE narrative_known_claims (
        narrative_id TEXT NOT NULL REFERENCES narratives(id) ON DELETE CASCADE,
        known_claim_id TEXT NOT NULL REFERENCES known_claims(id) ON DELETE CASCADE,
        score REAL NOT NULL
    );
    INSERT INTO narrative_known_claims SELECT * FROM narrative_known_claims_v5
        WHERE narrative_id IN (SELECT id FROM narratives) AND known_claim_id IN (SELECT id FROM known_claims);
    DROP TABLE narrative_known_claims_v5;
    ALTER TABLE stories RENAME TO stories_v5;
    CREATE TABLE IF NOT EXISTS story_ids (id TEXT PRIMARY KEY);  -- one row a story, so story_articles can refer to it
    INSERT OR IGNORE INTO story_ids SELECT id FROM stories_v5;
    CREATE TABLE stories (
        id TEXT NOT NULL REFERENCES story_ids(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (id, article_id)
    );
    INSERT OR IGNORE INTO stories SELECT id, article_id FROM stories_v5 WHERE article_id IN (SELECT id FROM articles);
    DROP TABLE stories_v5;
    CREATE INDEX IF NOT EXISTS provenance_edges_narrative ON provenance_edges(narrative_id);
    CREATE INDEX IF NOT EXISTS contradictions_narrative ON contradictions(narrative_id);
    CREATE INDEX IF NOT EXISTS stories_article ON stories(article_id);
    """,
    # 9: linking what is new. `link_pending`: the articles stored or re-analyzed since the corpus was
    # last linked; `link_values`, `link_postings`, `link_counts`: what linkers keep between runs to
    # link new articles without the whole corpus (headwater.link.index: profiles, an inverted index,
    # document frequencies), each under the linker's own name.
    """
    CREATE TABLE IF NOT EXISTS link_pending (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        status TEXT NOT NULL                 -- new | updated
    );
    CREATE TABLE IF NOT EXISTS link_values (
        name TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        PRIMARY KEY (name, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS link_postings (
        name TEXT NOT NULL,
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (name, key, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS link_counts (
        name TEXT NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (name, term)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS link_postings_article ON link_postings(article_id);
    CREATE INDEX IF NOT EXISTS link_values_article ON link_values(article_id);
    """,
    # 10: values linkers keep under keys of their own, not articles (headwater.link.index.put_keyed: the
    # blocks of the narratives' nearest-neighbour index, each holding the claim vectors of one block).
    """
    CREATE TABLE IF NOT EXISTS link_keyed (
        name TEXT NOT NULL,
        key INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (name, key)
    ) WITHOUT ROWID;
    """,
    # 11: binary values linkers keep under keys of their own (headwater.link.index.put_blobs: the claim
    # vectors of a block as float16 bytes, read with no JSON or base64 to decode). A rowid table: its
    # rows are tens of kilobytes, which a WITHOUT ROWID table stores poorly.
    """
    CREATE TABLE IF NOT EXISTS link_blobs (
        name TEXT NOT NULL,
        key INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (name, key)
    );
    """,
    # 12: link_keys by position, as an update removes the rows it replaces (``_remove_rows``): found by
    # (kind, key) alone, each part deleted scanned every row of its kind (134,000 of the narratives at
    # 100,985 articles, ~0.4 s a part).
    """
    CREATE INDEX IF NOT EXISTS link_keys_position ON link_keys(kind, position);
    """,
]

# Columns a migration adds (before its script runs), each only where the table lacks it.
ADDED_COLUMNS: dict[int, list[tuple[str, str, str]]] = {
    8: [("articles", "author", "TEXT"),  # the byline as stated; NULL where none is
        ("articles", "key", "TEXT"),  # "a3": the article's id in documents, exports, URLs
        ("places", "key", "TEXT"),  # "a3.p2": the article's second place
        ("attributions", "key", "TEXT"),  # "a3.c5"
        ("events", "key", "TEXT")],  # "a3.e1"
}
