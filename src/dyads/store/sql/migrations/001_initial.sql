-- The first schema: documents and everything found in them.
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    title VARCHAR,
    date DATE,
    url VARCHAR,
    source VARCHAR,
    author VARCHAR,
    origin VARCHAR,
    fmt VARCHAR,
    language VARCHAR,
    word_count INTEGER,
    near_duplicate_of VARCHAR,
    minhash BLOB,
    doc_tone JSON,
    text VARCHAR NOT NULL,
    stored_at TIMESTAMP DEFAULT current_timestamp
);
CREATE INDEX documents_hash ON documents (content_hash);

-- every place a stored document was seen (exact duplicates add rows here, not documents)
CREATE TABLE document_sources (
    doc_id VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    url VARCHAR,
    source VARCHAR,
    PRIMARY KEY (doc_id, origin)
);

CREATE TABLE sentences (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    unit VARCHAR,
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL,
    mention_index INTEGER NOT NULL,
    sentence_index INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    label VARCHAR,
    actor_code VARCHAR,
    actor_country VARCHAR,
    actor_sector VARCHAR,
    actor_id VARCHAR,
    PRIMARY KEY (doc_id, mention_index)
);

CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence VARCHAR,
    char_start INTEGER,
    char_end INTEGER,
    source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_actor_id VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_actor_id VARCHAR,
    trigger VARCHAR,
    cameo VARCHAR,
    cameo_root VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover_event VARCHAR,
    plover_mode VARCHAR,
    plover_context VARCHAR,
    modality VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    date DATE,
    is_root BOOLEAN,
    rule VARCHAR,
    confidence DOUBLE,
    explanation JSON
);
CREATE INDEX events_doc ON events (doc_id);

CREATE TABLE goals (
    goal_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence VARCHAR,
    char_start INTEGER,
    char_end INTEGER,
    actor_text VARCHAR, actor_code VARCHAR, actor_country VARCHAR, actor_sector VARCHAR, actor_id VARCHAR,
    goal VARCHAR,
    text VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_actor_id VARCHAR,
    hedged BOOLEAN,
    cluster VARCHAR,
    rule VARCHAR
);
CREATE INDEX goals_doc ON goals (doc_id);

CREATE TABLE actor_tone (
    doc_id VARCHAR NOT NULL,
    actor_key VARCHAR NOT NULL,
    actor_text VARCHAR, actor_code VARCHAR, actor_country VARCHAR, actor_sector VARCHAR, actor_id VARCHAR,
    mentions INTEGER,
    tone DOUBLE,
    PRIMARY KEY (doc_id, actor_key)
);

CREATE TABLE rejects (
    origin VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    rejected_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (origin, reason)
);
