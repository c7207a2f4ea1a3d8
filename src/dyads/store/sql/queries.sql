-- name: doc_exists
SELECT 1 FROM documents WHERE doc_id = $doc_id;

-- name: doc_by_hash
SELECT doc_id FROM documents WHERE content_hash = $content_hash LIMIT 1;

-- name: signatures
SELECT doc_id, minhash FROM documents WHERE minhash IS NOT NULL;

-- name: add_source
INSERT OR IGNORE INTO document_sources (doc_id, origin, url, source) VALUES ($doc_id, $origin, $url, $source);

-- name: add_reject
INSERT OR REPLACE INTO rejects (origin, reason, detail) VALUES ($origin, $reason, $detail);

-- name: stats
SELECT
    (SELECT count(*) FROM documents) AS documents,
    (SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL) AS near_duplicates,
    (SELECT count(*) FROM document_sources) AS sources,
    (SELECT coalesce(sum(word_count), 0) FROM documents) AS words,
    (SELECT count(*) FROM sentences) AS sentences,
    (SELECT count(*) FROM mentions) AS mentions,
    (SELECT count(*) FROM events) AS events,
    (SELECT count(*) FROM goals) AS goals,
    (SELECT count(*) FROM actor_tone) AS actor_tones,
    (SELECT count(*) FROM rejects) AS rejects;

-- name: rejects_by_reason
SELECT reason, count(*) AS n FROM rejects GROUP BY reason ORDER BY n DESC, reason;

-- name: docs
SELECT doc_id, date, title, source, word_count, language, near_duplicate_of, origin
FROM documents ORDER BY stored_at, doc_id LIMIT $limit;

-- name: event_by_id
SELECT * FROM events WHERE event_id = $event_id;

-- name: event_ids_like
SELECT event_id FROM events WHERE starts_with(event_id, $prefix) ORDER BY event_id LIMIT 5;
