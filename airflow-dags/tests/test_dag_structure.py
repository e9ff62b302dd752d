"""The nightly DAG as designed: graph, schedule, retries, templates, and the helpers its tasks call."""

from __future__ import annotations

import glob
import logging
import os
from datetime import timedelta
from types import SimpleNamespace

import pendulum
import pytest
from conftest import DAG_ID, DAGS_FOLDER, load_dag

PIPELINE = ["ingest", "clean", "geocode", "indicators", "check", "publish"]
SPARK_TASKS = [*PIPELINE, "maintain"]


@pytest.fixture(scope="module")
def dag():
    return load_dag()


@pytest.fixture(scope="module")
def module(dag):
    import sys

    return sys.modules[type(dag.get_task("ingest")).__module__]


def test_dag_folder_loads_without_import_errors():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=DAGS_FOLDER)

    assert bag.import_errors == {}
    assert sorted(bag.dag_ids) == [DAG_ID]


def test_import_does_no_work(monkeypatch):
    """Parsing reads no Variable and touches no file: both would fail here."""
    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk import Variable

    def forbidden(*args, **kwargs):
        raise AssertionError("work at import time")

    monkeypatch.setattr(Variable, "get", forbidden)
    monkeypatch.setattr(glob, "glob", forbidden)
    monkeypatch.setattr(os, "listdir", forbidden)

    bag = DagBag(dag_folder=str(DAGS_FOLDER / "equity_lake_nightly.py"))

    assert bag.import_errors == {}
    assert bag.dag_ids == [DAG_ID]


def test_task_graph(dag):
    upstream = {task.task_id: sorted(task.upstream_task_ids) for task in dag.tasks}

    assert upstream == {
        "wait_for_exports": [],
        "ingest": ["wait_for_exports"],
        "clean": ["ingest"],
        "geocode": ["clean"],
        "indicators": ["geocode"],
        "check": ["indicators"],
        "publish": ["check"],
        "is_maintenance_day": [],
        "maintain": ["is_maintenance_day", "publish"],
    }


def test_schedule_and_runs(dag):
    from airflow.sdk import CronDataIntervalTimetable
    from airflow.serialization.encoders import coerce_to_core_timetable

    assert isinstance(dag.timetable, CronDataIntervalTimetable)
    assert (dag.timetable.expression, str(dag.timetable.timezone)) == ("0 0 * * *", "UTC")
    assert dag.start_date == pendulum.datetime(2016, 1, 1, tz="UTC")
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    # The run that starts when 2024-03-05 ends covers that day, so its ds is 2024-03-05.
    timetable = coerce_to_core_timetable(dag.timetable)
    interval = timetable.infer_manual_data_interval(run_after=pendulum.datetime(2024, 3, 6, tz="UTC"))
    assert (interval.start, interval.end) == (
        pendulum.datetime(2024, 3, 5, tz="UTC"),
        pendulum.datetime(2024, 3, 6, tz="UTC"),
    )


def test_retries_callbacks_and_docs(dag, module):
    assert dag.doc_md and "backfill" in dag.doc_md
    for task in dag.tasks:
        assert task.retries >= 2, task.task_id
        assert task.retry_delay >= timedelta(minutes=1), task.task_id
        assert module.notify_failure in task.on_failure_callback, task.task_id
        assert task.doc_md, task.task_id
        assert not task.depends_on_past, task.task_id


def test_spark_tasks_submit_the_jar_with_as_of_ds(dag):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    for command in SPARK_TASKS:
        task = dag.get_task(command)
        assert isinstance(task, SparkSubmitOperator)
        assert task._conn_id == "spark_default"
        assert task._java_class == "org.equitylake.cli.EquityLake"
        assert "equity_lake_jar" in task.application
        args = task.application_args
        assert args[0] == command
        assert args[args.index("--as-of") + 1] == "{{ ds }}"
        assert "equity_lake_conf" in args[args.index("--conf") + 1]
        assert set(task.env_vars) == {"EQUITY_LAKE_ROOT", "EQUITY_LAKE_LANDING"}
        assert task.execution_timeout is not None


def test_sensor_skips_instead_of_failing(dag):
    sensor = dag.get_task("wait_for_exports")

    assert sensor.mode == "reschedule"
    assert sensor.soft_fail is True
    assert sensor.timeout == timedelta(hours=18).total_seconds()
    assert sensor.op_kwargs["day"] == "{{ ds }}"


def test_maintenance_runs_after_the_pipeline_unless_it_failed(dag):
    from airflow.sdk import TriggerRule

    assert dag.get_task("maintain").trigger_rule == TriggerRule.NONE_FAILED
    for command in PIPELINE:
        assert dag.get_task(command).trigger_rule == TriggerRule.ALL_SUCCESS


def test_exports_landed(module, tmp_path):
    day_end = pendulum.datetime(2024, 3, 6, tz="UTC")
    (tmp_path / "housing_grant" / "awards").mkdir(parents=True)
    (tmp_path / "housing_grant" / "awards" / "2024-03-05_awards.csv").write_text("")
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "2024-03-07_registrations.csv").write_text("")

    assert module.exports_landed(str(tmp_path), "2024-03-05", day_end) is True
    # Not yet delivered, still within the wait: poke again later.
    assert module.exports_landed(str(tmp_path), "2024-03-07", pendulum.now("UTC")) is False
    assert module.exports_landed(str(tmp_path), "2024-03-07", None) is False
    # A reference folder is not a program export; the wait for that day is long over.
    from airflow.sdk.exceptions import AirflowSkipException

    with pytest.raises(AirflowSkipException):
        module.exports_landed(str(tmp_path), "2024-03-07", day_end)


def test_is_maintenance_day(module):
    assert module.is_maintenance_day("2024-03-10", "sunday") is True
    assert module.is_maintenance_day("2024-03-10", " Sunday ") is True
    assert module.is_maintenance_day("2024-03-11", "sunday") is False
    with pytest.raises(ValueError, match="equity_lake_maintenance_weekday"):
        module.is_maintenance_day("2024-03-10", "sundays")


def test_without_empty_options(module):
    assert module.without_empty_options(["ingest", "--as-of", "2024-03-05", "--conf", "", "--verbose"]) == [
        "ingest", "--as-of", "2024-03-05", "--verbose",
    ]
    assert module.without_empty_options(["ingest", "--conf", "a.conf", "--verbose"]) == [
        "ingest", "--conf", "a.conf", "--verbose",
    ]


def test_notify_failure_logs_what_failed(module, caplog):
    ti = SimpleNamespace(dag_id=DAG_ID, task_id="check", run_id="scheduled__2024-03-05", try_number=3)

    with caplog.at_level(logging.ERROR):
        module.notify_failure({"ti": ti, "ds": "2024-03-05"})

    assert "EQUITY-LAKE FAILURE" in caplog.text
    assert "task=check" in caplog.text and "ds=2024-03-05" in caplog.text
