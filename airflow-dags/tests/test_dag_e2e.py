"""End to end: the DAG run as `airflow dags test` runs it (`dag.test()`), on the sample city, with
the cluster jar and pyspark's spark-submit. Retries are off so that a failure ends the test at once
rather than after the DAG's retry delays.

Builds nothing: the jar comes from EQUITY_LAKE_JAR (default: the newest
jobs/target/equity-lake-jobs-*-cluster.jar). Without a jar the test is skipped, unless
EQUITY_LAKE_REQUIRE_E2E is set (CI), when it fails. EQUITY_LAKE_E2E_SCALE, if set, is passed to
`generate-sample --scale`.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, SPARK_BIN, run_day

MAIN_CLASS = "org.equitylake.cli.EquityLake"
EXPORT_FOLDERS = ("childcare/registrations", "housing_grant/applications", "housing_grant/awards")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def cluster_jar() -> Path:
    if os.environ.get("EQUITY_LAKE_JAR"):
        return Path(os.environ["EQUITY_LAKE_JAR"])
    built = sorted((REPO / "jobs" / "target").glob("equity-lake-jobs-*-cluster.jar"), key=os.path.getmtime)
    return built[-1] if built else REPO / "jobs" / "target" / "equity-lake-jobs-<version>-cluster.jar"


def first_export_day(landing: Path) -> str:
    days = sorted(
        m.group(1)
        for folder in EXPORT_FOLDERS
        for f in (landing / folder).glob("*")
        if (m := re.match(r"(\d{4}-\d{2}-\d{2})_", f.name))
    )
    assert days, f"generate-sample wrote no program export under {landing}"
    return days[0]


def gold_tables(lake: Path) -> dict[str, Path]:
    gold = lake / "gold"
    return {p.parent.name: p.parent for p in sorted(gold.glob("*/_delta_log"))} if gold.exists() else {}


def snapshot(table: Path) -> tuple[int, list[str]]:
    """The table's version and its rows, order-free (each row as text, sorted)."""
    from deltalake import DeltaTable, QueryBuilder

    dt = DeltaTable(str(table))
    data = QueryBuilder().register("t", dt).execute("SELECT * FROM t").read_all()
    columns = [data.column(name).to_pylist() for name in data.column_names]
    rows = sorted(repr(row) for row in zip(*columns)) if columns else []
    return dt.version(), rows


@pytest.mark.skipif(not os.environ.get("EQUITY_LAKE_E2E"),
                    reason="the end-to-end DAG run takes minutes; set EQUITY_LAKE_E2E=1 to run it")
def test_nightly_dag_on_the_sample_city(tmp_path, monkeypatch):
    jar = cluster_jar()
    if not jar.is_file():
        if os.environ.get("EQUITY_LAKE_REQUIRE_E2E"):
            pytest.fail(f"EQUITY_LAKE_REQUIRE_E2E is set but the cluster jar {jar} does not exist")
        pytest.skip(f"no cluster jar at {jar} (build it, or set EQUITY_LAKE_JAR)")

    spark_submit = SPARK_BIN / "spark-submit"
    generate = [str(spark_submit), "--master", "local[2]", "--class", MAIN_CLASS, str(jar),
                "generate-sample", "--out", str(tmp_path / "sample")]
    if os.environ.get("EQUITY_LAKE_E2E_SCALE"):
        generate += ["--scale", os.environ["EQUITY_LAKE_E2E_SCALE"]]
    result = subprocess.run(generate, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, (result.stdout + result.stderr)[-8000:]

    landing = tmp_path / "sample" / "landing"
    lake = tmp_path / "lake"
    day = first_export_day(landing)
    monkeypatch.setenv("PATH", f"{SPARK_BIN}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_JAR", str(jar))
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_LANDING", str(landing))
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_ROOT", str(lake))
    # Maintenance on this day's weekday, so that every task of the DAG runs.
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_MAINTENANCE_WEEKDAY", WEEKDAYS[date.fromisoformat(day).weekday()])
    assert gold_tables(lake) == {}

    state, first = run_day(day, retries=0)

    assert (state, first) == ("success", dict.fromkeys(first, "success")), first
    assert len(first) == 9
    tables = gold_tables(lake)
    assert tables, f"no gold Delta table under {lake / 'gold'} after the run for {day}"
    after_first = {name: snapshot(path) for name, path in tables.items()}
    assert all(version >= 0 for version, _ in after_first.values())
    assert sum(len(rows) for _, rows in after_first.values()) > 0, "every gold table is empty"

    state, second = run_day(day, retries=0)

    assert (state, second) == ("success", first), second
    assert gold_tables(lake).keys() == tables.keys()
    for name, path in tables.items():
        version, rows = snapshot(path)
        assert version >= after_first[name][0]
        assert rows == after_first[name][1], f"gold.{name} changed when {day} was run again"
