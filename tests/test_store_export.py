"""Exports: GDELT rows (FIPS codes, ADM1, actor and action geography, no invented dates, asserted events by
default), PLOVER records, and the synthesis tables (aggregated events, relations, daily dyad counts)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from store_samples import DOC_A, build_sample_store, jsonl_records

from dyads.errors import MissingTable, OutputError, UsageError
from dyads.records import MODALITIES
from dyads.store import Store
from dyads.store.export import EXPORT_TABLES, export
from dyads.store.export_gdelt import GDELT_COLUMNS

SHARED_GDELT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gdelt_format"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = build_sample_store(tmp_path_factory.mktemp("export") / "sample.duckdb")
    with Store(path, read_only=True) as opened:
        yield opened


def _gdelt(store: Store, tmp_path: Path, modality: tuple[str, ...] | None = None) -> list[dict[str, str]]:
    out = tmp_path / "events.tsv"
    export(store, "gdelt", out, modality=modality)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    names = [*GDELT_COLUMNS, "modality"]
    return [dict(zip(names, row, strict=False)) | {"_width": str(len(row))} for row in rows]


def _by_code(rows: list[dict[str, str]], code: str) -> dict[str, str]:
    return next(row for row in rows if row["eventcode"] == code)


def test_store_export_gdelt_only_asserted_by_default(store: Store, tmp_path: Path) -> None:
    rows = _gdelt(store, tmp_path)
    assert {row["_width"] for row in rows} == {"58"}
    # "did not sign" (negated) and "could attack" (hypothetical) are not events that happened
    assert {row["eventcode"] for row in rows} == {"040", "111", "141", "051"}


def test_store_export_gdelt_other_modalities_with_a_column(store: Store, tmp_path: Path) -> None:
    rows = _gdelt(store, tmp_path, MODALITIES)
    assert {row["_width"] for row in rows} == {"59"}
    assert _by_code(rows, "057")["modality"] == "negated" and _by_code(rows, "190")["modality"] == "hypothetical"


def test_store_export_gdelt_no_date_means_empty_dates(store: Store, tmp_path: Path) -> None:
    rows = _gdelt(store, tmp_path)
    undated = _by_code(rows, "051")  # from the document without a date
    assert [undated[k] for k in ("day", "monthyear", "year", "fractiondate")] == ["", "", "", ""]
    dated = _by_code(rows, "040")
    assert (dated["day"], dated["monthyear"], dated["year"]) == ("20250303", "202503", "2025")


def test_store_export_gdelt_geography(store: Store, tmp_path: Path) -> None:
    rows = _gdelt(store, tmp_path)
    met = _by_code(rows, "040")  # Putin met Erdogan in Ankara
    assert (met["actiongeo_type"], met["actiongeo_countrycode"]) == ("4", "TU")  # FIPS, not ISO TUR
    assert met["actiongeo_adm1code"].startswith("TU") and len(met["actiongeo_adm1code"]) == 4
    assert met["actiongeo_fullname"] == "Ankara, Turkey" and met["actiongeo_lat"]
    assert (met["actor1geo_type"], met["actor1geo_countrycode"]) == ("1", "RS")  # Russia's home country
    assert met["actor2geo_fullname"] == "Ankara, Turkey"  # Erdogan is placed where the event is, in Turkey
    rally = _by_code(rows, "141")  # in Illinois
    assert (rally["actiongeo_type"], rally["actiongeo_adm1code"], rally["actiongeo_featureid"]) == ("2", "USIL", "IL")
    praise = _by_code(rows, "051")  # no place named: Actor1's country; the EU has no home country
    assert [praise[f"actiongeo_{k}"] for k in ("type", "countrycode", "adm1code")] == ["1", "UP", "UP"]
    assert praise["actor2geo_type"] == "0"
    assert all(row["actiongeo_type"] != "0" for row in rows)


@pytest.mark.skipif(not SHARED_GDELT.is_dir(), reason="../shared/data/gdelt_format is not present")
def test_store_export_gdelt_columns_match_real_gdelt() -> None:
    names = (SHARED_GDELT / "events_column_names.tsv").read_text(encoding="utf-8").split()
    assert tuple(names) == GDELT_COLUMNS
    sample = [line.split("\t") for line in
              (SHARED_GDELT / "gdelt1_events_2016-07-28_sample.tsv").read_text(encoding="utf-8").splitlines()]
    # rows of events first seen since April 2013 carry SOURCEURL, older ones stop before it
    assert {len(row) for row in sample} == {len(GDELT_COLUMNS), len(GDELT_COLUMNS) - 1}
    assert all(row[-1].startswith("http") for row in sample if len(row) == len(GDELT_COLUMNS))


def test_store_export_plover_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    export(store, "plover", out)
    records = {r["event"][0] + r["cameo"]: r for r in jsonl_records(out)}
    assert set(records) == {"CONSULT040", "ACCUSE111", "PROTEST141", "SUPPORT051"}  # asserted only
    met = records["CONSULT040"]
    assert met["id"].startswith(DOC_A) and met["date"] == "2025-03-03" and met["modality"] == "asserted"
    assert met["actor"] == [{"code": "RUS", "country_name": "Russia", "sector": "GOV", "entity_text": "Vladimir Putin",
                             "identifier_id": "vladimir_putin", "cameo_code": "RUSGOV"}]
    assert met["recipient"][0]["code"] == "TUR" and met["event_loc"]["country_code"] == "TUR"
    assert met["event_loc"]["resolution"] == 4 and met["event_loc"]["geonameid"]
    assert met["text_info"]["sequence"] == 0 and met["cite_info"]["url"] == DOC_A
    assert records["SUPPORT051"]["recipient"][0]["code"] == "EUR"  # the European Union in PLOVER's codes
    assert records["SUPPORT051"]["date"] is None
    assert records["ACCUSE111"]["mode"] == ["disapprove"] and records["PROTEST141"]["actor"][0]["sector"] == "CVL"


def test_store_export_plover_flat_and_all_modalities(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "flat.jsonl"
    export(store, "plover-flat", out, modality=MODALITIES)
    records = jsonl_records(out)
    assert len(records) == 6 and {r["modality"] for r in records} == {"asserted", "negated", "hypothetical"}
    nato = next(r for r in records if r["actor_code"] == "RUSGOV" and r["cameo"] == "111")
    assert (nato["actor_country"], nato["actor_sector"], nato["recipient_country"]) == ("RUS", "GOV", "IGO")


@pytest.mark.parametrize("table", ["event_clusters", "relations", "dyad_counts", "event_cluster_members"])
def test_store_export_synthesis_tables(store: Store, tmp_path: Path, table: str) -> None:
    out = tmp_path / f"{table}.csv"
    [(path, count)] = export(store, "csv", out, table=table)
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert count == len(rows) > 0
    if table != "event_cluster_members":
        assert {row["modality"] for row in rows} == {"asserted", "negated", "hypothetical"}


def test_store_export_dyad_counts_per_day(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "dyads.jsonl"
    export(store, "jsonl", out, table="dyad_counts", modality=("asserted",))
    records = jsonl_records(out)
    assert {r["kind"] for r in records} == {"dyad_count"}
    putin_turkey = next(r for r in records if r["source"]["code"] == "RUSGOV" and r["target"]["code"] == "TURGOV")
    assert putin_turkey["day"] == "2025-03-03" and putin_turkey["events"] == 1
    assert putin_turkey["verbal_cooperation"] == 1 and putin_turkey["aggregated_events"] == 1
    assert all(r["modality"] == "asserted" for r in records)


def test_store_export_every_table_in_a_folder(store: Store, tmp_path: Path) -> None:
    written = export(store, "parquet", tmp_path / "out")
    assert {Path(path).stem for path, _ in written} == set(EXPORT_TABLES)


@pytest.mark.parametrize(("args", "error"), [
    (("csv", None, "event_cluster"), UsageError),
    (("gdelt", None, "events"), UsageError),
    (("xml", None, None), UsageError),
])
def test_store_export_bad_options(store: Store, args: tuple, error: type) -> None:
    with pytest.raises(error):
        export(store, *args)


def test_store_export_unwritable_output(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(OutputError):
        export(store, "jsonl", tmp_path)  # a folder where a file is needed
    with pytest.raises(OutputError):
        export(store, "csv", tmp_path / "a_file")  # a file where a folder is needed
    with pytest.raises(OutputError):
        export(store, "gdelt", tmp_path / "a_file" / "events.tsv")


def test_store_export_store_without_synthesis(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.con.execute("DROP VIEW relations")
    with Store(path, read_only=True) as store, pytest.raises(MissingTable, match="relations"):
        export(store, "csv", tmp_path / "out", table="relations")
