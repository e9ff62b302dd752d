"""A throw-away Airflow for the DAG tests.

The environment is set when pytest loads this file, before any test imports Airflow (Airflow reads
its configuration once, on import): a temporary AIRFLOW_HOME with a SQLite database, this folder's
parent as the DAGs folder, no example DAGs, and the `spark_default` Connection on local[*].
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

DAGS_FOLDER = Path(__file__).resolve().parents[1]
REPO = DAGS_FOLDER.parent
DAG_ID = "equity_lake_nightly"
# Spark 3.5 as pip installs it: the package's own bin/spark-submit finds its Spark home by itself,
# whichever python3 is on PATH (the copy pip puts in the venv's bin asks python3 where pyspark is).
SPARK_BIN = Path(importlib.util.find_spec("pyspark").origin).parent / "bin"

# A developer's own Airflow settings (a real database, Variables) must not leak into the tests.
for _name in [n for n in os.environ if n.startswith("AIRFLOW")]:
    del os.environ[_name]
AIRFLOW_HOME = Path(tempfile.mkdtemp(prefix="equity-lake-airflow-"))
os.environ.update(
    {
        "AIRFLOW_HOME": str(AIRFLOW_HOME),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_SPARK_DEFAULT": json.dumps({"conn_type": "spark", "host": "local[*]"}),
    }
)


def pytest_configure(config):
    # Airflow's own .airflowignore parsing, not this project's code.
    config.addinivalue_line("filterwarnings", "ignore:GitWildMatchPattern:DeprecationWarning")
    config.addinivalue_line("markers", "spark: runs the real cluster jar with Spark (minutes); deselect with -m 'not spark'")


def pytest_collection_modifyitems(config, items):
    """The `spark` tests run the real jar for about fifteen minutes: they run when EQUITY_LAKE_E2E=1
    (`bin/test`, and so CI, sets it), so that a quick `bin/test-python` stays quick."""
    if os.environ.get("EQUITY_LAKE_E2E"):
        return
    skip = pytest.mark.skip(reason="runs the real jar for many minutes; set EQUITY_LAKE_E2E=1 to run it")
    for item in items:
        if "spark" in item.keywords:
            item.add_marker(skip)


def airflow_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Runs the `airflow` command of this venv; output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "airflow", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session", autouse=True)
def airflow_db():
    result = airflow_cli("db", "migrate")
    assert result.returncode == 0, result.stdout + result.stderr
    yield AIRFLOW_HOME
    shutil.rmtree(AIRFLOW_HOME, ignore_errors=True)


def load_dag():
    """The DAG as the DAG processor sees it, parsed afresh (tests may change their copy)."""
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=DAGS_FOLDER)
    assert bag.import_errors == {}, bag.import_errors
    return bag.get_dag(DAG_ID)


def run_day(day: str, retries: int | None = None) -> tuple[str, dict[str, str]]:
    """Runs the DAG for logical date `day` in this process, as `airflow dags test` does.

    `retries` overrides the tasks' retries: a failure then ends the run at once instead of after
    the DAG's retry delays. Returns the run's state and its tasks' states.
    """
    import pendulum

    dag = load_dag()
    if retries is not None:
        for task in dag.tasks:
            task.retries = retries
    run = dag.test(logical_date=pendulum.parse(day))
    return str(getattr(run.state, "value", run.state)), task_states(run.run_id)


def task_states(run_id: str) -> dict[str, str]:
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = session.query(TaskInstance.task_id, TaskInstance.state).filter(
            TaskInstance.dag_id == DAG_ID, TaskInstance.run_id == run_id
        )
        return {task_id: str(getattr(state, "value", state)) for task_id, state in rows}


def write_exports(landing: Path, day: str, *entities: str) -> None:
    """Empty export files of `day`, named as a city delivers them (docs/CONVENTIONS.md)."""
    names = {
        "registrations": "childcare/registrations/{}_registrations.csv",
        "applications": "housing_grant/applications/{}_applications.jsonl",
        "awards": "housing_grant/awards/{}_awards.csv",
    }
    for entity in entities or ("registrations",):
        path = landing / names[entity].format(day)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")


class FakeSpark:
    """A `spark-submit` first on PATH that records each call and fails the commands it is told to."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch):
        self.log = folder / "spark-submit.jsonl"
        bin_dir = folder / "bin"
        bin_dir.mkdir()
        script = bin_dir / "spark-submit"
        script.write_text(
            f"#!{sys.executable}\n"
            "import json, os, sys\n"
            "args = sys.argv[1:]\n"
            "command = args[args.index('--class') + 3]\n"
            "with open(os.environ['FAKE_SPARK_LOG'], 'a') as log:\n"
            "    log.write(json.dumps({'command': command, 'args': args,\n"
            "        'root': os.environ.get('EQUITY_LAKE_ROOT'), 'landing': os.environ.get('EQUITY_LAKE_LANDING')}) + '\\n')\n"
            "sys.exit(1 if command in os.environ.get('FAKE_SPARK_FAIL', '').split(',') else 0)\n"
        )
        script.chmod(0o755)
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
        monkeypatch.setenv("FAKE_SPARK_LOG", str(self.log))
        self._monkeypatch = monkeypatch

    def fail(self, *commands: str) -> None:
        self._monkeypatch.setenv("FAKE_SPARK_FAIL", ",".join(commands))

    def calls(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def commands(self) -> list[str]:
        return [call["command"] for call in self.calls()]


@pytest.fixture
def fake_spark(tmp_path, monkeypatch) -> FakeSpark:
    return FakeSpark(tmp_path, monkeypatch)


@pytest.fixture
def landing(tmp_path, monkeypatch) -> Path:
    """An empty landing zone and lake, set as the DAG's Variables through AIRFLOW_VAR_*."""
    root = tmp_path / "landing"
    root.mkdir()
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_LANDING", str(root))
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_ROOT", str(tmp_path / "lake"))
    return root


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class SampleCity:
    """A generated sample city and the day its first program export was delivered."""

    landing: Path
    day: str


@dataclass(frozen=True)
class NightlyLake:
    """The lake after one real DAG run for `day`, with its gold tables as they were right after it."""

    jar: Path
    city: SampleCity
    lake: Path
    conf: Path
    spark_properties: Path
    state: str
    tasks: dict[str, str]
    gold: dict[str, tuple[int, list[str]]]


@pytest.fixture(scope="session")
def spark_jar() -> Path:
    from sample_lake import require_jar

    return require_jar()


@pytest.fixture(scope="session")
def sample_city(spark_jar, tmp_path_factory) -> SampleCity:
    """Generated once per session: the DAG's end-to-end run and the cluster run share it."""
    from sample_lake import first_export_day, generate_sample

    landing = generate_sample(spark_jar, tmp_path_factory.mktemp("sample-city"))
    return SampleCity(landing, first_export_day(landing))


def weekday(day: str, shift: int = 0) -> str:
    """The weekday of `day` (shifted by `shift` days), as the maintenance Variable names it."""
    return WEEKDAYS[(date.fromisoformat(day).weekday() + shift) % 7]


def set_nightly_variables(mp: pytest.MonkeyPatch, lake: NightlyLake, maintain: bool) -> None:
    """The DAG's Variables (AIRFLOW_VAR_*) for a real run on `lake`; `maintain` picks the
    maintenance weekday so that `maintain` runs, or is skipped, on the lake's day."""
    values = {
        "jar": str(lake.jar),
        "landing": str(lake.city.landing),
        "root": str(lake.lake),
        "conf": str(lake.conf),
        "spark_properties": str(lake.spark_properties),
        "maintenance_weekday": weekday(lake.city.day, 0 if maintain else 1),
    }
    for name, value in values.items():
        mp.setenv(f"AIRFLOW_VAR_EQUITY_LAKE_{name.upper()}", value)
    mp.setenv("PATH", f"{SPARK_BIN}{os.pathsep}{os.environ['PATH']}")


@pytest.fixture(scope="session")
def driver_class_archive(spark_jar, sample_city, tmp_path_factory) -> Path:
    """A class-data sharing archive of the driver JVM (JDK 17's dynamic CDS), dumped at the end of
    one ingest of the sample city into a throw-away lake. A spark-submit started with it maps
    Spark's classes instead of loading and verifying them: about 8 s less per task here. A JVM
    whose class path differs ignores the archive with a warning and runs as before."""
    from sample_lake import spark_submit, tail

    folder = tmp_path_factory.mktemp("class-archive")
    archive = folder / "driver.jsa"
    result = spark_submit(
        ["--master", "local[2]", "--conf", f"spark.driver.extraJavaOptions=-XX:ArchiveClassesAtExit={archive}"],
        spark_jar,
        ["ingest", "--as-of", sample_city.day, "--set", "equity-lake.spark.shuffle-partitions=2"],
        env={"EQUITY_LAKE_ROOT": str(folder / "lake"), "EQUITY_LAKE_LANDING": str(sample_city.landing)},
    )
    assert result.returncode == 0, tail(result)
    assert archive.is_file(), tail(result)
    return archive


@pytest.fixture(scope="session")
def nightly_lake(spark_jar, sample_city, driver_class_archive, tmp_path_factory) -> NightlyLake:
    """The DAG run once, for real, on the sample city's first export day; shared by the tests that
    need a local-mode lake, so the suite pays for it once. `maintain` is left to the second run
    (test_dag_e2e.py), where OPTIMIZE and VACUUM meet a table history."""
    from sample_lake import gold_tables, snapshot

    folder = tmp_path_factory.mktemp("nightly")
    conf = folder / "test.conf"
    # A city of a few thousand rows on two cores: two shuffle partitions are enough, more only add tasks.
    conf.write_text("equity-lake.spark.shuffle-partitions = 2\n")
    properties = folder / "spark.properties"
    # VACUUM lists a table with this many tasks; Spark's default of 10000 costs over a minute per table
    # here with a jar whose maintain does not set it itself. Also exercises the properties Variable.
    properties.write_text("spark.sql.sources.parallelPartitionDiscovery.parallelism 2\n"
                          f"spark.driver.extraJavaOptions -XX:SharedArchiveFile={driver_class_archive}\n")
    lake = NightlyLake(spark_jar, sample_city, folder / "lake", conf, properties, "", {}, {})
    assert gold_tables(lake.lake) == {}
    with pytest.MonkeyPatch.context() as mp:
        set_nightly_variables(mp, lake, maintain=False)
        state, tasks = run_day(sample_city.day, retries=0)
    gold = {name: snapshot(path) for name, path in gold_tables(lake.lake).items()}
    return dataclasses.replace(lake, state=state, tasks=tasks, gold=gold)
