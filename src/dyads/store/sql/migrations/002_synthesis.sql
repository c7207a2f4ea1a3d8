-- Cross-article synthesis: recomputed from scratch by dyads.synthesis.synthesize().
-- Derived tables carry no keys or indexes: rewriting indexed rows in one transaction makes
-- DuckDB's commit slow, and uniqueness holds by construction.

-- One row per copy of a document that was seen, with the publisher that copy counts as:
-- the feed/source name, else the URL's host, else the origin file (without '#item' or ':line').
CREATE VIEW document_copies AS
WITH copies AS (
    SELECT doc_id, coalesce(origin, doc_id) AS origin, url, source FROM documents
    UNION ALL
    SELECT s.doc_id, s.origin, s.url, s.source FROM document_sources s
    WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id AND coalesce(d.origin, d.doc_id) = s.origin)
)
SELECT doc_id, origin,
       coalesce(nullif(trim(source), ''),
                nullif(lower(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1)), ''),
                nullif(lower(regexp_extract(origin, '^[A-Za-z][A-Za-z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1)), ''),
                regexp_replace(origin, '(#.*|:[0-9]+)$', '')) AS publisher
FROM copies;

-- Events reported by several mentions/articles, merged (like GDELT's NumMentions/NumArticles/NumSources).
CREATE TABLE event_clusters (
    cluster_id VARCHAR NOT NULL,
    source_code VARCHAR, source_country VARCHAR, source_actor_id VARCHAR,
    target_code VARCHAR, target_country VARCHAR, target_actor_id VARCHAR,
    cameo_root VARCHAR,
    cameo VARCHAR,            -- the most frequent full code
    quad_class INTEGER,
    goldstein_mean DOUBLE,
    modality VARCHAR,         -- 'asserted' if any mention asserts it, else the most frequent
    first_date DATE,
    last_date DATE,
    location_name VARCHAR,
    location_country VARCHAR,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_sources INTEGER,
    asserted INTEGER, hedged INTEGER, hypothetical INTEGER, future INTEGER, negated INTEGER, historical INTEGER,
    label VARCHAR,
    example_event_id VARCHAR
);

CREATE TABLE event_cluster_members (
    cluster_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL
);

-- Documents about the same story.
CREATE TABLE stories (
    story_id VARCHAR NOT NULL,
    label VARCHAR,
    num_documents INTEGER,
    first_date DATE,
    last_date DATE
);

CREATE TABLE story_clusters (
    story_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL
);

-- Why two documents were put in one story: 'near-duplicate', 'same main actor pair', 'shared events'
-- (several joined by '; ').
CREATE TABLE story_links (
    doc_a VARCHAR NOT NULL,
    doc_b VARCHAR NOT NULL,
    reason VARCHAR NOT NULL
);

-- Goals that mean the same, per actor, across documents.
CREATE TABLE goal_clusters (
    cluster_id VARCHAR NOT NULL,
    actor_code VARCHAR,
    actor_id VARCHAR,
    label VARCHAR,
    num_goals INTEGER,
    num_documents INTEGER,
    num_sources INTEGER,
    asserted INTEGER,
    hedged INTEGER,
    method VARCHAR
);

CREATE TABLE goal_cluster_members (
    cluster_id VARCHAR NOT NULL,
    goal_id VARCHAR NOT NULL
);

-- Who does what to whom, summed over aggregated events.
CREATE VIEW relations AS
SELECT source_code, target_code, modality,
       count(*)::INTEGER AS events,
       sum(num_mentions)::INTEGER AS mentions,
       count_if(quad_class IN (1, 2))::INTEGER AS cooperative,
       count_if(quad_class IN (3, 4))::INTEGER AS conflictual,
       avg(goldstein_mean) AS goldstein_mean
FROM event_clusters
GROUP BY source_code, target_code, modality;

-- Sentence vectors of goal phrases, kept across runs so a rerun needs the model only for new phrases.
CREATE TABLE goal_phrase_vectors (
    model VARCHAR NOT NULL,
    phrase VARCHAR NOT NULL,
    vector FLOAT[] NOT NULL
);
