"""Read-only queries the brief runs when `dyads.synthesis` does not provide an aggregate.

Every query takes `$all` (true: the whole store) and `$ids`/`$codes` (the
matched actor ids and CAMEO codes) so one text serves both kinds of brief.
"""

from __future__ import annotations

ACTOR_FORMS = """
SELECT actor_id, actor_code, text, count(*) AS n FROM mentions
WHERE actor_id IS NOT NULL OR actor_code IS NOT NULL GROUP BY ALL
UNION ALL
SELECT source_actor_id, source_code, source_text, count(*) FROM events
WHERE source_actor_id IS NOT NULL OR source_code IS NOT NULL GROUP BY ALL
UNION ALL
SELECT target_actor_id, target_code, target_text, count(*) FROM events
WHERE target_actor_id IS NOT NULL OR target_code IS NOT NULL GROUP BY ALL
UNION ALL
SELECT actor_id, actor_code, actor_text, count(*) FROM goals
WHERE actor_id IS NOT NULL OR actor_code IS NOT NULL GROUP BY ALL
"""

_GOAL_MATCH = "($all OR list_contains($ids, g.actor_id) OR list_contains($codes, g.actor_code))"
_EVENT_MATCH = ("($all OR list_contains($ids, e.source_actor_id) OR list_contains($ids, e.target_actor_id) "
                "OR list_contains($codes, e.source_code) OR list_contains($codes, e.target_code))")

GOAL_CLUSTERS = f"""
SELECT coalesce(g.actor_id, g.actor_code, g.actor_text) AS actor_key,
       any_value(g.actor_id) AS actor_id, any_value(g.actor_code) AS actor_code,
       mode(g.actor_text) AS actor_text,
       coalesce(g.cluster, lower(g.goal)) AS cluster_key,
       mode(g.goal) AS label,
       count(*) AS num_goals,
       count(DISTINCT g.doc_id) AS num_documents,
       count(DISTINCT coalesce(d.source, g.doc_id)) AS num_sources,
       count(*) FILTER (WHERE NOT coalesce(g.hedged, false)) AS asserted,
       count(*) FILTER (WHERE coalesce(g.hedged, false)) AS hedged,
       list(g.goal_id ORDER BY coalesce(g.hedged, false), g.doc_id, g.sentence_index)[1:$per_line] AS goal_ids
FROM goals g JOIN documents d USING (doc_id)
WHERE {_GOAL_MATCH}
GROUP BY actor_key, cluster_key
ORDER BY num_documents DESC, num_goals DESC, asserted DESC, label
LIMIT $limit
"""

GOAL_EVIDENCE = """
SELECT g.goal_id AS id, g.doc_id, g.sentence, g.char_start, g.char_end, g.hedged,
       s.char_start AS sentence_start,
       coalesce(d.title, regexp_extract(d.origin, '[^/\\\\]+$')) AS title,
       d.source, CAST(d.date AS VARCHAR) AS date, d.url
FROM goals g JOIN documents d USING (doc_id)
LEFT JOIN sentences s ON s.doc_id = g.doc_id AND s.sentence_index = g.sentence_index
WHERE list_contains($ids, g.goal_id)
"""

EVENT_GROUPS = f"""
SELECT coalesce(e.source_actor_id, e.source_code, e.source_text) AS source_key,
       coalesce(e.target_actor_id, e.target_code, e.target_text) AS target_key,
       any_value(e.source_actor_id) AS source_actor_id, any_value(e.source_code) AS source_code,
       mode(e.source_text) AS source_text,
       any_value(e.target_actor_id) AS target_actor_id, any_value(e.target_code) AS target_code,
       mode(e.target_text) AS target_text,
       e.cameo, e.modality,
       any_value(e.quad_class) AS quad_class,
       CAST(min(coalesce(e.date, d.date)) AS VARCHAR) AS first_date,
       count(*) AS num_mentions,
       count(DISTINCT e.doc_id) AS num_articles,
       count(DISTINCT coalesce(d.source, e.doc_id)) AS num_sources,
       list(e.event_id ORDER BY coalesce(e.date, d.date), e.doc_id, e.sentence_index)[1:$per_line] AS event_ids
FROM events e JOIN documents d USING (doc_id)
WHERE {_EVENT_MATCH}
GROUP BY source_key, target_key, e.cameo, e.modality
ORDER BY num_articles DESC, num_mentions DESC, first_date NULLS LAST
LIMIT $limit
"""

EVENT_EVIDENCE = """
SELECT e.event_id AS id, e.doc_id, e.sentence, e.char_start, e.char_end, e.modality,
       e.source_text, e.target_text, e.trigger,
       s.char_start AS sentence_start,
       coalesce(d.title, regexp_extract(d.origin, '[^/\\\\]+$')) AS title,
       d.source, CAST(d.date AS VARCHAR) AS date, d.url
FROM events e JOIN documents d USING (doc_id)
LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index
WHERE list_contains($ids, e.event_id)
"""

RELATIONS = """
SELECT e.source_code, e.target_code, count(*) AS events,
       count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperative,
       count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflictual,
       avg(e.goldstein) AS goldstein_mean,
       list(e.event_id ORDER BY e.modality <> 'asserted', e.doc_id, e.sentence_index)[1:$per_line] AS event_ids
FROM events e
WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.source_code <> e.target_code
  AND e.modality IN ('asserted', 'hedged')
GROUP BY ALL
ORDER BY events DESC, e.source_code, e.target_code
LIMIT 1000
"""

TONE = """
SELECT coalesce(t.actor_id, t.actor_code, t.actor_key) AS tone_key, any_value(t.actor_id) AS actor_id,
       mode(t.actor_code) AS actor_code, mode(t.actor_text) AS actor_text,
       avg(t.tone) AS mean_tone, count(DISTINCT t.doc_id) AS documents, sum(t.mentions) AS mentions
FROM actor_tone t
WHERE $all OR t.doc_id IN (
    SELECT doc_id FROM mentions WHERE list_contains($ids, actor_id) OR list_contains($codes, actor_code))
GROUP BY tone_key
ORDER BY documents DESC, mentions DESC
LIMIT $limit
"""

SENTENCES_OF = """
SELECT doc_id, char_start, char_end FROM sentences WHERE list_contains($docs, doc_id)
"""

COUNTS = f"""
WITH docs AS (
  SELECT doc_id, source FROM documents WHERE $all OR doc_id IN (
      SELECT doc_id FROM mentions WHERE list_contains($ids, actor_id) OR list_contains($codes, actor_code)
      UNION SELECT doc_id FROM events e WHERE {_EVENT_MATCH}
      UNION SELECT doc_id FROM goals g WHERE {_GOAL_MATCH}))
SELECT
  (SELECT count(*) FROM docs) AS documents,
  (SELECT count(DISTINCT source) FROM docs) AS sources,
  (SELECT count(*) FROM events e WHERE {_EVENT_MATCH}) AS events,
  (SELECT count(*) FROM goals g WHERE {_GOAL_MATCH}) AS goals,
  (SELECT count(DISTINCT coalesce(actor_id, actor_code)) FROM mentions
   WHERE doc_id IN (SELECT doc_id FROM docs)) AS actors
"""
