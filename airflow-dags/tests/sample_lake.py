"""Helpers of the tests that run the real cluster jar: finding the jar, spark-submit, the sample
city, and reading gold Delta tables without a JVM (the `deltalake` package)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, SPARK_BIN

MAIN_CLASS = "org.equitylake.cli.EquityLake"
EXPORT_FOLDERS = ("childcare/registrations", "housing_grant/applications", "housing_grant/awards")
# The demo profile's fixed key (Settings.hmacKey): a cluster run with it pseudonymises as local mode does.
DEMO_HMAC_KEY = "equity-lake-demo-key-not-secret"
# Columns that hold when a run happened, not what it computed: two lakes built from the same
# landing zone differ there and nowhere else.
RUN_TIME_COLUMNS = {"quality": frozenset({"latest_ingested_at"})}


def cluster_jar() -> Path:
    """EQUITY_LAKE_JAR, else the newest cluster jar built in this checkout."""
    if os.environ.get("EQUITY_LAKE_JAR"):
        return Path(os.environ["EQUITY_LAKE_JAR"])
    built = sorted((REPO / "jobs" / "target").glob("equity-lake-jobs-*-cluster.jar"), key=os.path.getmtime)
    return built[-1] if built else REPO / "jobs" / "target" / "equity-lake-jobs-<version>-cluster.jar"


def require_jar() -> Path:
    """The cluster jar; skips the test without one, or fails it when EQUITY_LAKE_REQUIRE_E2E is set (CI)."""
    jar = cluster_jar()
    if not jar.is_file():
        if os.environ.get("EQUITY_LAKE_REQUIRE_E2E"):
            pytest.fail(f"EQUITY_LAKE_REQUIRE_E2E is set but the cluster jar {jar} does not exist")
        pytest.skip(f"no cluster jar at {jar} (build it, or set EQUITY_LAKE_JAR)")
    return jar


def spark_submit(spark_args: list[str], jar: Path, command: list[str], env: dict[str, str] | None = None,
                 timeout: float = 1200) -> subprocess.CompletedProcess:
    """pyspark's spark-submit of one jar command; output captured as text."""
    return subprocess.run(
        [str(SPARK_BIN / "spark-submit"), *spark_args, "--class", MAIN_CLASS, str(jar), *command],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def tail(result: subprocess.CompletedProcess, chars: int = 8000) -> str:
    return (result.stdout + result.stderr)[-chars:]


def generate_sample(jar: Path, out: Path) -> Path:
    """Writes the sample city under `out` (scale from EQUITY_LAKE_E2E_SCALE); returns its landing root."""
    command = ["generate-sample", "--out", str(out)]
    if os.environ.get("EQUITY_LAKE_E2E_SCALE"):
        command += ["--scale", os.environ["EQUITY_LAKE_E2E_SCALE"]]
    result = spark_submit(["--master", "local[2]"], jar, command)
    assert result.returncode == 0, tail(result)
    return out / "landing"


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


def snapshot(table: Path, ignore: frozenset[str] = frozenset()) -> tuple[int, list[str]]:
    """The table's version and its rows without the `ignore` columns, order-free (each row as text, sorted)."""
    from deltalake import DeltaTable, QueryBuilder

    dt = DeltaTable(str(table))
    data = QueryBuilder().register("t", dt).execute("SELECT * FROM t").read_all()
    columns = [data.column(name).to_pylist() for name in data.column_names if name not in ignore]
    rows = sorted(repr(row) for row in zip(*columns)) if columns else []
    return dt.version(), rows


def gold_rows(lake: Path) -> dict[str, list[str]]:
    """Every gold table's rows, order-free, without the columns that record when the run happened."""
    return {name: snapshot(path, RUN_TIME_COLUMNS.get(name, frozenset()))[1] for name, path in gold_tables(lake).items()}
