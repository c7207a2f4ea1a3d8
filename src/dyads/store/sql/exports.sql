-- Exports (dyads.store.export*). $modality is the list of modalities to include.

-- name: gdelt_clusters
-- One row per aggregated event (event_clusters) with what a GDELT 1.0 row needs; dyads.store.export_gdelt
-- turns it into GDELT's 58 columns (geography codes are added there).
WITH members AS (
    SELECT m.cluster_id, e.*, d.stored_at, TRY_CAST(json_extract(d.doc_tone, '$.tone') AS DOUBLE) AS doc_tone
    FROM event_cluster_members m JOIN events e USING (event_id) JOIN documents d USING (doc_id)
),
per_cluster AS (
    SELECT m.cluster_id, avg(m.doc_tone) AS avg_tone, CAST(min(m.stored_at) AS DATE) AS date_added,
           -- the cluster's place as one of its mentions names it, with coordinates when a mention has them
           arg_max({'name': m.location_name, 'country': m.location_country, 'lat': m.lat, 'lon': m.lon},
                   {'named': m.location_name = c.location_name, 'coords': m.lat IS NOT NULL})
               FILTER (WHERE m.location_name IS NOT NULL) AS place
    FROM members m JOIN event_clusters c USING (cluster_id)
    GROUP BY m.cluster_id
)
SELECT c.cluster_id, c.source_code, c.source_country, c.target_code, c.target_country, c.cameo, c.cameo_root,
       c.quad_class, c.goldstein_mean, c.modality, c.first_date, c.location_country, c.num_mentions,
       c.num_sources, c.num_articles, e.source_text, e.target_text, e.is_root, coalesce(d.url, d.origin) AS url,
       p.avg_tone, p.date_added, p.place.name AS place_name, p.place.country AS place_country,
       p.place.lat AS place_lat, p.place.lon AS place_lon
FROM event_clusters c
JOIN events e ON e.event_id = c.example_event_id
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN per_cluster p ON p.cluster_id = c.cluster_id
WHERE list_contains($modality, c.modality)
ORDER BY c.first_date NULLS LAST, c.cluster_id;

-- name: plover_events
-- One row per event mention with what a PLOVER record needs (dyads.store.export_plover shapes it).
SELECT e.event_id, e.doc_id, e.date AS event_date, d.date AS doc_date, e.plover_event, e.plover_mode,
       e.plover_context, e.source_text, e.source_code, e.source_country, e.source_sector, e.source_actor_id,
       e.target_text, e.target_code, e.target_country, e.target_sector, e.target_actor_id,
       e.trigger, e.cameo, e.quad_class, e.goldstein, e.modality, e.location_name, e.location_country, e.lat, e.lon,
       e.sentence, e.sentence_index, e.char_start, e.char_end, e.rule, e.confidence,
       d.url, d.title, d.source AS publication, d.language
FROM events e JOIN documents d USING (doc_id)
WHERE e.plover_event IS NOT NULL AND list_contains($modality, e.modality)
ORDER BY e.doc_id, e.sentence_index, e.char_start, e.event_id;

-- name: dyad_counts
-- Events per day and actor pair (the event's date, else its document's), by modality: the counts a
-- time series of dyadic interaction needs, with the QuadClass split and the mean Goldstein score.
SELECT coalesce(e.date, d.date) AS day, e.source_code, e.target_code, e.modality,
       count(*)::INTEGER AS events,
       count(DISTINCT m.cluster_id)::INTEGER AS aggregated_events,
       count(DISTINCT e.doc_id)::INTEGER AS documents,
       count_if(e.quad_class = 1)::INTEGER AS verbal_cooperation,
       count_if(e.quad_class = 2)::INTEGER AS material_cooperation,
       count_if(e.quad_class = 3)::INTEGER AS verbal_conflict,
       count_if(e.quad_class = 4)::INTEGER AS material_conflict,
       round(avg(e.goldstein), 3) AS goldstein_mean
FROM events e JOIN documents d USING (doc_id)
LEFT JOIN event_cluster_members m USING (event_id)
WHERE e.source_code IS NOT NULL AND ($modality IS NULL OR list_contains($modality, e.modality))
GROUP BY ALL
ORDER BY day NULLS LAST, e.source_code, e.target_code NULLS LAST, e.modality;

-- name: cluster_members
-- The members of the aggregated events an export includes.
SELECT m.* FROM event_cluster_members m JOIN event_clusters c USING (cluster_id)
WHERE $modality IS NULL OR list_contains($modality, c.modality);
