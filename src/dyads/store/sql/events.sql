-- Reading stored events back with filters (dyads.store.events). A filter whose parameter is NULL (or an
-- empty list) does not apply. An actor matches by dictionary id ($actor_ids), by the text of the event's
-- own mention ($actor_pattern, a case-insensitive whole-word regular expression) or by a CAMEO code prefix
-- ($actor_prefix); $role says on which side: source, target or either. $cameo_pattern is '^(19|0332)': codes
-- or roots the event's CAMEO code starts with.

-- name: events_filtered
WITH picked AS (
    SELECT e.*, coalesce(e.date, d.date) AS day, d.title, d.url,
           ($actor_ids IS NOT NULL AND list_contains($actor_ids, e.source_actor_id))
           OR ($actor_pattern IS NOT NULL AND regexp_matches(coalesce(e.source_text, ''), $actor_pattern))
           OR ($actor_prefix IS NOT NULL AND starts_with(coalesce(e.source_code, ''), $actor_prefix))
               AS source_matches,
           ($actor_ids IS NOT NULL AND list_contains($actor_ids, e.target_actor_id))
           OR ($actor_pattern IS NOT NULL AND regexp_matches(coalesce(e.target_text, ''), $actor_pattern))
           OR ($actor_prefix IS NOT NULL AND starts_with(coalesce(e.target_code, ''), $actor_prefix))
               AS target_matches
    FROM events e JOIN documents d USING (doc_id)
)
SELECT event_id, doc_id, day AS date, source_text, source_code, source_actor_id, cameo, cameo_root, quad_class,
       goldstein, plover_event, plover_mode, plover_context, target_text, target_code, target_actor_id, modality,
       trigger, location_name, location_country, sentence_index, char_start, sentence, confidence, title, url,
       count(*) OVER () AS total
FROM picked
WHERE ($actor_ids IS NULL AND $actor_pattern IS NULL AND $actor_prefix IS NULL
       OR ($role IN ('source', 'either') AND source_matches)
       OR ($role IN ('target', 'either') AND target_matches))
  AND ($cameo_pattern IS NULL OR regexp_matches(coalesce(cameo, ''), $cameo_pattern))
  AND ($quad_class IS NULL OR list_contains($quad_class, quad_class))
  AND ($plover IS NULL OR list_contains($plover, upper(plover_event)))
  AND ($modality IS NULL OR list_contains($modality, modality))
  AND ($since IS NULL OR day >= $since)
  AND ($until IS NULL OR day <= $until)
  AND ($doc_ids IS NULL OR list_contains($doc_ids, doc_id))
ORDER BY day NULLS LAST, doc_id, sentence_index, char_start, event_id
LIMIT $limit;

-- name: actor_ids_matching
-- Actor ids whose mention text (in mentions or events) or id (underscores read as spaces) matches the
-- whole-word pattern, or whose id equals the query: "Putin" -> vladimir_putin.
WITH names AS (
    SELECT text AS name, actor_id FROM mentions WHERE actor_id IS NOT NULL
    UNION ALL SELECT source_text, source_actor_id FROM events WHERE source_actor_id IS NOT NULL
    UNION ALL SELECT target_text, target_actor_id FROM events WHERE target_actor_id IS NOT NULL
)
SELECT DISTINCT actor_id FROM names
WHERE regexp_matches(coalesce(name, ''), $pattern)
   OR regexp_matches(replace(actor_id, '_', ' '), $pattern)
   OR lower(actor_id) = lower($query)
ORDER BY actor_id;

-- name: actor_names
-- Every name an actor goes by in the store, with its id and code and how often it is mentioned: the
-- material for "did you mean" hints.
WITH names AS (
    SELECT text AS name, actor_id, actor_code AS code FROM mentions WHERE actor_code IS NOT NULL
    UNION ALL SELECT source_text, source_actor_id, source_code FROM events WHERE source_code IS NOT NULL
    UNION ALL SELECT target_text, target_actor_id, target_code FROM events WHERE target_code IS NOT NULL
)
SELECT name, actor_id, code, count(*) AS n FROM names
GROUP BY ALL
ORDER BY n DESC, name
LIMIT $limit;
