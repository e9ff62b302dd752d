"""End to end: the DAG run as `airflow dags test` runs it (`dag.test()`), on the sample city, with
the cluster jar and pyspark's spark-submit. Retries are off so that a failure ends the test at once
rather than after the DAG's retry delays.

Builds nothing: the jar comes from EQUITY_LAKE_JAR (default: the newest
jobs/target/equity-lake-jobs-*-cluster.jar). Without a jar the test is skipped, unless
EQUITY_LAKE_REQUIRE_E2E is set (CI), when it fails. EQUITY_LAKE_E2E_SCALE, if set, is passed to
`generate-sample --scale`. The first run is the session's `nightly_lake` (conftest.py), which the
cluster test compares against; the second, on the maintenance weekday, adds `maintain`.
"""

from __future__ import annotations

import pytest
from conftest import REPO, run_day, set_nightly_variables
from sample_lake import gold_tables, snapshot

pytestmark = pytest.mark.spark

# Every gold table that has a contract; the sample city is large enough to give each one rows.
GOLD = {p.stem for p in (REPO / "data-contracts" / "gold").glob("*.yaml")}


def test_nightly_dag_on_the_sample_city(nightly_lake, monkeypatch):
    day, first = nightly_lake.city.day, nightly_lake.tasks

    assert nightly_lake.state == "success", first
    assert first == {**dict.fromkeys(first, "success"), "maintain": "skipped"} and len(first) == 9, first
    assert nightly_lake.gold.keys() == GOLD, f"gold tables after the run for {day}"
    empty = sorted(name for name, (_, rows) in nightly_lake.gold.items() if not rows)
    assert empty == [], f"gold tables without rows after the run for {day}"

    # Again, now on the maintenance weekday: every task runs, and OPTIMIZE and VACUUM must keep the data too.
    set_nightly_variables(monkeypatch, nightly_lake, maintain=True)
    state, second = run_day(day, retries=0)

    assert (state, second) == ("success", dict.fromkeys(first, "success")), second
    tables = gold_tables(nightly_lake.lake)
    assert tables.keys() == GOLD
    for name, path in tables.items():
        version, rows = snapshot(path)
        assert version >= nightly_lake.gold[name][0]
        assert rows == nightly_lake.gold[name][1], f"gold.{name} changed when {day} was run again"
