-- name: gdelt_events
-- One row per aggregated event in GDELT 1.0's 57 columns (no header, tab-separated, as GDELT ships them).
-- ids are dyads' own; geo feature ids and ADM1 codes are left empty.
WITH example AS (
    SELECT c.*, e.source_text, e.target_text, e.is_root, e.lat, e.lon, e.location_name AS place,
           d.url, d.origin, row_number() OVER () AS rownum
    FROM event_clusters c
    JOIN events e ON e.event_id = c.example_event_id
    JOIN documents d ON d.doc_id = e.doc_id
),
tone AS (
    SELECT m.cluster_id, avg(TRY_CAST(json_extract(d.doc_tone, '$.tone') AS DOUBLE)) AS avg_tone
    FROM event_cluster_members m JOIN events e USING (event_id) JOIN documents d USING (doc_id)
    GROUP BY m.cluster_id
)
SELECT
    rownum AS globaleventid,
    strftime(coalesce(first_date, current_date), '%Y%m%d') AS day,
    strftime(coalesce(first_date, current_date), '%Y%m') AS monthyear,
    year(coalesce(first_date, current_date)) AS year,
    round(year(coalesce(first_date, current_date)) + (dayofyear(coalesce(first_date, current_date)) - 1) / 365.0, 4)
        AS fractiondate,
    source_code AS actor1code, upper(source_text) AS actor1name,
    CASE WHEN length(source_country) = 3 THEN source_country END AS actor1countrycode,
    CASE WHEN source_code LIKE 'IGO%' THEN source_code END AS actor1knowngroupcode,
    NULL AS actor1ethniccode, NULL AS actor1religion1code, NULL AS actor1religion2code,
    nullif(substr(source_code, length(coalesce(source_country, '')) + 1, 3), '') AS actor1type1code,
    NULL AS actor1type2code, NULL AS actor1type3code,
    target_code AS actor2code, upper(target_text) AS actor2name,
    CASE WHEN length(target_country) = 3 THEN target_country END AS actor2countrycode,
    CASE WHEN target_code LIKE 'IGO%' THEN target_code END AS actor2knowngroupcode,
    NULL AS actor2ethniccode, NULL AS actor2religion1code, NULL AS actor2religion2code,
    nullif(substr(target_code, length(coalesce(target_country, '')) + 1, 3), '') AS actor2type1code,
    NULL AS actor2type2code, NULL AS actor2type3code,
    CASE WHEN is_root THEN 1 ELSE 0 END AS isrootevent,
    cameo AS eventcode, substr(cameo, 1, 3) AS eventbasecode, cameo_root AS eventrootcode,
    quad_class AS quadclass, round(goldstein_mean, 1) AS goldsteinscale,
    num_mentions AS nummentions, num_sources AS numsources, num_articles AS numarticles,
    coalesce(tone.avg_tone, 0) AS avgtone,
    0 AS actor1geo_type, NULL AS actor1geo_fullname, NULL AS actor1geo_countrycode, NULL AS actor1geo_adm1code,
    NULL AS actor1geo_lat, NULL AS actor1geo_long, NULL AS actor1geo_featureid,
    0 AS actor2geo_type, NULL AS actor2geo_fullname, NULL AS actor2geo_countrycode, NULL AS actor2geo_adm1code,
    NULL AS actor2geo_lat, NULL AS actor2geo_long, NULL AS actor2geo_featureid,
    CASE WHEN place IS NULL THEN 0 WHEN lat IS NULL THEN 1 ELSE 4 END AS actiongeo_type,
    place AS actiongeo_fullname, location_country AS actiongeo_countrycode, NULL AS actiongeo_adm1code,
    lat AS actiongeo_lat, lon AS actiongeo_long, NULL AS actiongeo_featureid,
    strftime(current_date, '%Y%m%d') AS dateadded,
    coalesce(url, origin) AS sourceurl
FROM example LEFT JOIN tone USING (cluster_id)
WHERE modality IN ('asserted', 'hedged')
ORDER BY globaleventid;

-- name: plover_events
-- One record per event mention in PLOVER's structure (event type, mode, context, actor, recipient), plus
-- what PLOVER does not carry: modality, the sentence and the rule. PLOVER's country field names states by
-- ISO code and international bodies by its own few codes (UNO, EUR, IGO, NGO); the CAMEO code stays beside it.
SELECT e.event_id AS id, e.date, e.plover_event AS event_type, e.plover_mode AS mode, e.plover_context AS context,
       e.source_text AS actor_text,
       CASE WHEN e.source_country LIKE 'IGOUNO%' THEN 'UNO' WHEN e.source_country LIKE 'IGOEUREEC%' THEN 'EUR'
            WHEN e.source_country LIKE 'IGO%' THEN 'IGO' WHEN e.source_country LIKE 'NGO%' THEN 'NGO'
            ELSE e.source_country END AS actor_country,
       e.source_code AS actor_code, e.target_text AS recipient_text,
       CASE WHEN e.target_country LIKE 'IGOUNO%' THEN 'UNO' WHEN e.target_country LIKE 'IGOEUREEC%' THEN 'EUR'
            WHEN e.target_country LIKE 'IGO%' THEN 'IGO' WHEN e.target_country LIKE 'NGO%' THEN 'NGO'
            ELSE e.target_country END AS recipient_country,
       e.target_code AS recipient_code,
       e.cameo, e.goldstein, e.modality, e.location_name AS location, e.location_country, e.lat, e.lon,
       e.sentence AS text, e.doc_id, d.url, d.source AS publication, e.rule, e.confidence
FROM events e JOIN documents d USING (doc_id)
WHERE e.plover_event IS NOT NULL
ORDER BY e.doc_id, e.sentence_index;
