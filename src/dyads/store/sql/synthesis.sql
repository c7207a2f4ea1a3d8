-- Cross-article synthesis (dyads.synthesis). Temporary tables are named syn_*.

-- name: clear_event_clusters
DELETE FROM event_clusters;

-- name: clear_event_cluster_members
DELETE FROM event_cluster_members;

-- name: clear_stories
DELETE FROM stories;

-- name: clear_story_clusters
DELETE FROM story_clusters;

-- name: clear_goal_clusters
DELETE FROM goal_clusters;

-- name: clear_goal_cluster_members
DELETE FROM goal_cluster_members;

-- name: cameo_names
CREATE OR REPLACE TEMP TABLE syn_cameo AS
SELECT unnest($codes::VARCHAR[]) AS code, unnest($names::VARCHAR[]) AS name;

-- An event's actors are its actor ids when known, else its codes; `specific` is its 3-digit code
-- unless that code is a bare root or a 'not specified' code (third digit 0).
-- name: syn_events
CREATE OR REPLACE TEMP TABLE syn_events AS
SELECT *, dense_rank() OVER (ORDER BY src_key, tgt_key, root) AS grp
FROM (
    SELECT e.event_id, e.doc_id,
           coalesce(e.source_actor_id, e.source_code, '') AS src_key,
           coalesce(e.target_actor_id, e.target_code, '') AS tgt_key,
           coalesce(e.cameo_root, left(e.cameo, 2), '') AS root,
           CASE WHEN length(e.cameo) >= 3 AND substr(e.cameo, 3, 1) <> '0' THEN left(e.cameo, 3) END AS specific,
           coalesce(e.date, d.date) AS day,
           e.location_country AS country
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
);

-- name: syn_days
CREATE OR REPLACE TEMP TABLE syn_days AS
SELECT grp, day, row_number() OVER (PARTITION BY grp ORDER BY day) AS n
FROM (SELECT DISTINCT grp, day FROM syn_events WHERE day IS NOT NULL);

-- Date windows, per group, walking its dates in order: the earliest date opens a window and
-- every date up to $window_days later joins it; the next date after that opens the next window.
-- name: syn_windows
CREATE OR REPLACE TEMP TABLE syn_windows AS
WITH RECURSIVE walk AS (
    SELECT grp, n, day, day AS anchor FROM syn_days WHERE n = 1
    UNION ALL
    SELECT d.grp, d.n, d.day, CASE WHEN d.day - w.anchor <= $window_days THEN w.anchor ELSE d.day END
    FROM walk w JOIN syn_days d ON d.grp = w.grp AND d.n = w.n + 1
)
SELECT grp, day, anchor FROM walk;

-- Each event's cluster: group + window + code + place. A generic code joins the most mentioned
-- specific code of its window; an unknown place joins the most mentioned known place.
-- name: syn_keyed
CREATE OR REPLACE TEMP TABLE syn_keyed AS
WITH windowed AS (
    SELECT e.*, w.anchor FROM syn_events e LEFT JOIN syn_windows w ON w.grp = e.grp AND w.day = e.day
), top_code AS (
    SELECT grp, anchor, first(specific ORDER BY n DESC, specific) AS top_specific
    FROM (SELECT grp, anchor, specific, count(*) AS n FROM windowed WHERE specific IS NOT NULL GROUP BY ALL)
    GROUP BY grp, anchor
), coded AS (
    SELECT w.*, coalesce(w.specific, t.top_specific, w.root) AS code_key
    FROM windowed w LEFT JOIN top_code t ON t.grp = w.grp AND t.anchor IS NOT DISTINCT FROM w.anchor
), top_place AS (
    SELECT grp, anchor, code_key, first(country ORDER BY n DESC, n_specific DESC, country) AS top_country
    FROM (SELECT grp, anchor, code_key, country, count(*) AS n, count(specific) AS n_specific
          FROM coded WHERE country IS NOT NULL GROUP BY ALL)
    GROUP BY grp, anchor, code_key
)
SELECT c.event_id, c.doc_id, c.day,
       'ev:' || left(md5(concat_ws('|', c.src_key, c.tgt_key, c.root, c.code_key,
                                   coalesce(CAST(c.anchor AS VARCHAR), 'undated'),
                                   coalesce(c.country, p.top_country, ''))), 16) AS cluster_id
FROM coded c
LEFT JOIN top_place p ON p.grp = c.grp AND p.anchor IS NOT DISTINCT FROM c.anchor AND p.code_key = c.code_key;

-- name: insert_event_cluster_members
INSERT INTO event_cluster_members (cluster_id, event_id) SELECT cluster_id, event_id FROM syn_keyed;

-- The most frequent value of an attribute wins (ties: the larger value, e.g. the more specific code).
-- name: insert_event_clusters
INSERT INTO event_clusters
WITH m AS (
    SELECT k.cluster_id, k.day, e.* FROM syn_keyed k JOIN events e ON e.event_id = k.event_id
), source_top AS (
    SELECT cluster_id, arg_max({'code': source_code, 'country': source_country},
                               {'known': source_code IS NOT NULL, 'n': n, 'code': source_code}) AS top
    FROM (SELECT cluster_id, source_code, source_country, count(*) AS n FROM m GROUP BY ALL) GROUP BY cluster_id
), target_top AS (
    SELECT cluster_id, arg_max({'code': target_code, 'country': target_country},
                               {'known': target_code IS NOT NULL, 'n': n, 'code': target_code}) AS top
    FROM (SELECT cluster_id, target_code, target_country, count(*) AS n FROM m GROUP BY ALL) GROUP BY cluster_id
), code_top AS (
    SELECT cluster_id, arg_max({'cameo': cameo, 'root': cameo_root, 'quad': quad_class},
                               {'known': cameo IS NOT NULL, 'n': n, 'cameo': cameo}) AS top
    FROM (SELECT cluster_id, cameo, cameo_root, quad_class, count(*) AS n FROM m GROUP BY ALL) GROUP BY cluster_id
), place_top AS (
    SELECT cluster_id, arg_max(location_name, {'n': n, 'name': location_name}) AS location_name
    FROM (SELECT cluster_id, location_name, count(*) AS n FROM m WHERE location_name IS NOT NULL GROUP BY ALL)
    GROUP BY cluster_id
), modality_top AS (
    SELECT cluster_id, arg_max(modality, {'n': n, 'modality': modality}) AS modality
    FROM (SELECT cluster_id, modality, count(*) AS n FROM m WHERE modality IS NOT NULL GROUP BY ALL)
    GROUP BY cluster_id
), docs AS (
    SELECT DISTINCT cluster_id, doc_id FROM syn_keyed
), copies AS (
    SELECT d.cluster_id, count(*) AS articles, count(DISTINCT c.publisher) AS sources
    FROM docs d JOIN document_copies c ON c.doc_id = d.doc_id GROUP BY d.cluster_id
), agg AS (
    SELECT cluster_id,
           max(source_actor_id) AS source_actor_id,
           max(target_actor_id) AS target_actor_id,
           avg(goldstein) AS goldstein_mean,
           bool_or(modality = 'asserted') AS any_asserted,
           min(day) AS first_date,
           max(day) AS last_date,
           max(location_country) AS location_country,
           count(*) AS num_mentions,
           count(DISTINCT doc_id) AS num_docs,
           count_if(modality = 'asserted') AS asserted,
           count_if(modality = 'hedged') AS hedged,
           count_if(modality = 'hypothetical') AS hypothetical,
           count_if(modality = 'future') AS future,
           count_if(modality = 'negated') AS negated,
           count_if(modality = 'historical') AS historical,
           arg_max(event_id, {'asserted': coalesce(modality = 'asserted', false),
                              'confidence': coalesce(confidence, -1.0), 'id': event_id}) AS example_event_id
    FROM m GROUP BY cluster_id
)
SELECT a.cluster_id, s.top.code, s.top.country, a.source_actor_id, t.top.code, t.top.country, a.target_actor_id,
       k.top.root, k.top.cameo, k.top.quad, a.goldstein_mean,
       CASE WHEN a.any_asserted THEN 'asserted' ELSE o.modality END,
       a.first_date, a.last_date, p.location_name, a.location_country,
       a.num_mentions, coalesce(c.articles, a.num_docs), coalesce(c.sources, a.num_docs),
       a.asserted, a.hedged, a.hypothetical, a.future, a.negated, a.historical,
       concat_ws(' ', coalesce(s.top.code, '?') || coalesce(' → ' || t.top.code, ''), k.top.cameo, n.name),
       a.example_event_id
FROM agg a
JOIN source_top s ON s.cluster_id = a.cluster_id
JOIN target_top t ON t.cluster_id = a.cluster_id
JOIN code_top k ON k.cluster_id = a.cluster_id
LEFT JOIN place_top p ON p.cluster_id = a.cluster_id
LEFT JOIN modality_top o ON o.cluster_id = a.cluster_id
LEFT JOIN copies c ON c.cluster_id = a.cluster_id
LEFT JOIN syn_cameo n ON n.code = k.top.cameo;

-- Pairs of documents about the same story (each pair in both directions), with the reason.
-- name: syn_edges
CREATE OR REPLACE TEMP TABLE syn_edges AS
WITH near AS (
    SELECT d.doc_id AS a, d.near_duplicate_of AS b, 'near-duplicate' AS reason
    FROM documents d JOIN documents o ON o.doc_id = d.near_duplicate_of
), cluster_docs AS (
    SELECT cluster_id, doc_id FROM (SELECT DISTINCT cluster_id, doc_id FROM syn_keyed)
    QUALIFY count(*) OVER (PARTITION BY cluster_id) BETWEEN 2 AND $max_event_docs
), shared AS (
    SELECT x.doc_id AS a, y.doc_id AS b, 'shared events' AS reason
    FROM cluster_docs x JOIN cluster_docs y ON y.cluster_id = x.cluster_id AND x.doc_id < y.doc_id
    GROUP BY x.doc_id, y.doc_id HAVING count(*) >= $min_shared_events
), pair_counts AS (
    SELECT doc_id, least(src_key, tgt_key) AS p1, greatest(src_key, tgt_key) AS p2, count(*) AS n
    FROM syn_events WHERE src_key <> '' AND tgt_key <> '' AND src_key <> tgt_key
    GROUP BY ALL
), top_pairs AS (
    SELECT t.doc_id, t.p1, t.p2, d.date FROM pair_counts t JOIN documents d ON d.doc_id = t.doc_id
    WHERE t.n >= $min_pair_events
    QUALIFY rank() OVER (PARTITION BY t.doc_id ORDER BY t.n DESC) = 1
), same_pair AS (
    SELECT x.doc_id AS a, y.doc_id AS b, 'same main actor pair' AS reason
    FROM top_pairs x JOIN top_pairs y ON y.p1 = x.p1 AND y.p2 = x.p2 AND x.doc_id < y.doc_id
    WHERE (x.date IS NULL AND y.date IS NULL) OR abs(x.date - y.date) <= $window_days
), linked AS (
    SELECT * FROM near UNION ALL SELECT * FROM shared UNION ALL SELECT * FROM same_pair
)
SELECT a, b, string_agg(DISTINCT reason, '; ' ORDER BY reason) AS reason FROM (SELECT a, b, reason FROM linked UNION ALL SELECT b, a, reason FROM linked)
GROUP BY a, b;

-- name: syn_labels
CREATE OR REPLACE TEMP TABLE syn_labels AS SELECT doc_id, doc_id AS comp FROM documents;

-- Label propagation: a document takes the smallest label among its neighbours ...
-- name: propagate_labels
UPDATE syn_labels SET comp = n.comp
FROM (SELECT e.a AS doc_id, min(l.comp) AS comp FROM syn_edges e JOIN syn_labels l ON l.doc_id = e.b GROUP BY e.a) n
WHERE syn_labels.doc_id = n.doc_id AND n.comp < syn_labels.comp;

-- ... and the label of its label (pointer jumping, so long chains converge fast).
-- name: jump_labels
UPDATE syn_labels SET comp = p.comp
FROM syn_labels p
WHERE p.doc_id = syn_labels.comp AND p.comp < syn_labels.comp;

-- name: insert_story_clusters
INSERT INTO story_clusters (story_id, doc_id)
SELECT 'story:' || left(md5(comp), 16), doc_id FROM syn_labels;

-- A story is named by its most widely reported aggregated event (one with a target first),
-- else by its earliest titled document.
-- name: insert_stories
INSERT INTO stories (story_id, label, num_documents, first_date, last_date)
WITH events_in AS (
    SELECT s.story_id, c.label, c.target_code IS NULL AS undirected, count(DISTINCT k.doc_id) AS docs, c.num_mentions
    FROM story_clusters s JOIN syn_keyed k ON k.doc_id = s.doc_id JOIN event_clusters c ON c.cluster_id = k.cluster_id
    GROUP BY s.story_id, c.cluster_id, c.label, c.target_code, c.num_mentions
), top_event AS (
    SELECT story_id, first(label ORDER BY undirected, docs DESC, num_mentions DESC, label) AS label
    FROM events_in GROUP BY story_id
)
SELECT s.story_id,
       coalesce(t.label, first(d.title ORDER BY d.title IS NULL, d.date NULLS LAST, d.doc_id), min(d.doc_id)),
       count(*), min(d.date), max(d.date)
FROM story_clusters s JOIN documents d ON d.doc_id = s.doc_id LEFT JOIN top_event t ON t.story_id = s.story_id
GROUP BY s.story_id, t.label;

-- name: clear_story_links
DELETE FROM story_links;

-- name: insert_story_links
INSERT INTO story_links (doc_a, doc_b, reason) SELECT a, b, reason FROM syn_edges WHERE a < b;

-- name: goal_phrases
SELECT coalesce(actor_id, actor_code, '') AS actor_key, goal, count(*) AS n
FROM goals WHERE goal IS NOT NULL AND goal <> ''
GROUP BY ALL ORDER BY actor_key, goal;

-- name: goal_assignments
CREATE OR REPLACE TEMP TABLE syn_goal_assign AS
SELECT unnest($actor_keys::VARCHAR[]) AS actor_key, unnest($goals::VARCHAR[]) AS goal,
       unnest($cluster_ids::VARCHAR[]) AS cluster_id, unnest($labels::VARCHAR[]) AS label;

-- name: insert_goal_cluster_members
INSERT INTO goal_cluster_members (cluster_id, goal_id)
SELECT a.cluster_id, g.goal_id
FROM goals g JOIN syn_goal_assign a ON a.actor_key = coalesce(g.actor_id, g.actor_code, '') AND a.goal = g.goal;

-- name: insert_goal_clusters
INSERT INTO goal_clusters
WITH m AS (
    SELECT gm.cluster_id, g.*, count(*) OVER (PARTITION BY gm.cluster_id, g.actor_code) AS code_n
    FROM goal_cluster_members gm JOIN goals g ON g.goal_id = gm.goal_id
), docs AS (
    SELECT DISTINCT cluster_id, doc_id FROM m
), copies AS (
    SELECT d.cluster_id, count(DISTINCT c.publisher) AS sources
    FROM docs d JOIN document_copies c ON c.doc_id = d.doc_id GROUP BY d.cluster_id
), labels AS (
    SELECT DISTINCT cluster_id, label FROM syn_goal_assign
)
SELECT m.cluster_id,
       first(m.actor_code ORDER BY m.actor_code IS NULL, m.code_n DESC, m.actor_code),
       max(m.actor_id), l.label, count(*), count(DISTINCT m.doc_id), coalesce(c.sources, count(DISTINCT m.doc_id)),
       count_if(NOT coalesce(m.hedged, false)), count_if(coalesce(m.hedged, false)), $method
FROM m JOIN labels l ON l.cluster_id = m.cluster_id LEFT JOIN copies c ON c.cluster_id = m.cluster_id
GROUP BY m.cluster_id, l.label, c.sources;

-- name: drop_temp_tables
DROP TABLE IF EXISTS syn_cameo; DROP TABLE IF EXISTS syn_events; DROP TABLE IF EXISTS syn_days;
DROP TABLE IF EXISTS syn_windows; DROP TABLE IF EXISTS syn_keyed; DROP TABLE IF EXISTS syn_edges;
DROP TABLE IF EXISTS syn_labels; DROP TABLE IF EXISTS syn_goal_assign;

-- ---- reading back (dyads.synthesis.queries) --------------------------------------------------

-- Actors whose mention text, id or code matches a name, most mentioned first.
-- name: actor_matches
WITH names AS (
    SELECT text AS name, actor_id, actor_code FROM mentions
    UNION ALL SELECT source_text, source_actor_id, source_code FROM events
    UNION ALL SELECT target_text, target_actor_id, target_code FROM events
    UNION ALL SELECT actor_text, actor_id, actor_code FROM goals
)
SELECT actor_id, actor_code, count(*) AS n FROM names
WHERE actor_code IS NOT NULL
  AND (regexp_matches(coalesce(name, ''), $pattern)
       OR regexp_matches(replace(coalesce(actor_id, ''), '_', ' '), $pattern)
       OR lower(actor_id) = lower($actor_name)
       OR upper(actor_code) = upper($actor_name))
GROUP BY actor_id, actor_code
ORDER BY n DESC, actor_id NULLS LAST, actor_code;

-- name: event_clusters_for
SELECT * FROM event_clusters
WHERE $everyone
   OR list_contains($ids, source_actor_id) OR list_contains($ids, target_actor_id)
   OR (source_actor_id IS NULL AND list_contains($codes, source_code))
   OR (target_actor_id IS NULL AND list_contains($codes, target_code))
ORDER BY first_date NULLS LAST, num_articles DESC, num_mentions DESC, cluster_id;

-- name: event_evidence
SELECT m.cluster_id, e.event_id, e.doc_id, d.title, coalesce(e.date, d.date) AS date, p.publisher AS source,
       e.sentence_index, e.sentence, e.char_start, e.char_end, e.modality, e.cameo, e.trigger,
       e.source_text, e.target_text
FROM event_cluster_members m
JOIN events e ON e.event_id = m.event_id
LEFT JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN document_copies p ON p.doc_id = d.doc_id AND p.origin = coalesce(d.origin, d.doc_id)
WHERE m.cluster_id IN (SELECT unnest($cluster_ids::VARCHAR[]))
ORDER BY m.cluster_id, date NULLS LAST, e.doc_id, e.char_start;

-- name: goal_clusters_for
SELECT * FROM goal_clusters
WHERE $everyone OR list_contains($ids, actor_id) OR (actor_id IS NULL AND list_contains($codes, actor_code))
ORDER BY num_documents DESC, num_sources DESC, num_goals DESC, label, cluster_id;

-- name: goal_evidence
SELECT m.cluster_id, g.goal_id, g.goal, g.text AS goal_text, g.actor_text, g.doc_id, d.title, d.date,
       p.publisher AS source,
       g.sentence_index, g.sentence, g.char_start, g.char_end, g.hedged
FROM goal_cluster_members m
JOIN goals g ON g.goal_id = m.goal_id
LEFT JOIN documents d ON d.doc_id = g.doc_id
LEFT JOIN document_copies p ON p.doc_id = d.doc_id AND p.origin = coalesce(d.origin, d.doc_id)
WHERE m.cluster_id IN (SELECT unnest($cluster_ids::VARCHAR[]))
ORDER BY m.cluster_id, d.date NULLS LAST, g.doc_id, g.char_start;

-- name: relations_for
SELECT source_code, target_code, modality,
       count(*)::INTEGER AS events,
       sum(num_mentions)::INTEGER AS mentions,
       count_if(quad_class IN (1, 2))::INTEGER AS cooperative,
       count_if(quad_class IN (3, 4))::INTEGER AS conflictual,
       avg(goldstein_mean) AS goldstein_mean
FROM event_clusters
WHERE $everyone
   OR list_contains($ids, source_actor_id) OR list_contains($ids, target_actor_id)
   OR (source_actor_id IS NULL AND list_contains($codes, source_code))
   OR (target_actor_id IS NULL AND list_contains($codes, target_code))
GROUP BY source_code, target_code, modality
ORDER BY events DESC, mentions DESC, source_code, target_code NULLS LAST, modality;

-- name: actor_tone_for
SELECT coalesce(actor_id, actor_code, actor_key) AS actor,
       max(actor_id) AS actor_id,
       first(actor_code ORDER BY actor_code IS NULL, actor_code) AS actor_code,
       first(actor_text ORDER BY actor_text IS NULL, mentions DESC, actor_text) AS name,
       avg(tone) AS tone,
       count(DISTINCT doc_id)::INTEGER AS documents,
       sum(mentions)::INTEGER AS mentions
FROM actor_tone
WHERE $everyone OR list_contains($ids, actor_id) OR (actor_id IS NULL AND list_contains($codes, actor_code))
GROUP BY 1
ORDER BY mentions DESC, documents DESC, actor;

-- name: story_list
SELECT story_id, label, num_documents, first_date, last_date FROM stories
ORDER BY num_documents DESC, first_date NULLS LAST, story_id;

-- name: story_documents
SELECT s.story_id, d.doc_id, d.title, d.date, p.publisher AS source
FROM story_clusters s
JOIN documents d ON d.doc_id = s.doc_id
LEFT JOIN document_copies p ON p.doc_id = d.doc_id AND p.origin = coalesce(d.origin, d.doc_id)
ORDER BY s.story_id, d.date NULLS LAST, d.doc_id;

-- name: synthesis_counts
SELECT (SELECT count(*) FROM event_cluster_members), (SELECT count(*) FROM story_links),
       (SELECT count(*) FROM goal_cluster_members);

-- name: phrase_vectors
SELECT phrase, vector FROM goal_phrase_vectors WHERE model = $model;

-- name: insert_phrase_vectors
INSERT INTO goal_phrase_vectors (model, phrase, vector)
SELECT $model, unnest($phrases::VARCHAR[]), unnest($vectors::FLOAT[][]);

-- name: has_phrase_vectors
SELECT count(*) FROM information_schema.tables WHERE table_name = 'goal_phrase_vectors';
