"""Whole DAG runs (`dag.test()`) against a recording spark-submit: what runs, with which arguments,
and what is skipped on a day without an export, on the maintenance weekday, and after a failure."""

from __future__ import annotations

import pytest
from conftest import DAG_ID, airflow_cli, run_day, write_exports

PIPELINE = ["ingest", "clean", "geocode", "indicators", "check", "publish"]
JAR = "/opt/equity-lake/equity-lake-jobs-1.2.3-cluster.jar"


@pytest.fixture(autouse=True)
def jar(monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_JAR", JAR)


def test_export_day_runs_the_pipeline_in_order_with_as_of_ds(fake_spark, landing, tmp_path):
    write_exports(landing, "2024-03-05", "registrations", "awards")  # a Tuesday

    state, tasks = run_day("2024-03-05")

    assert state == "success"
    assert fake_spark.commands() == PIPELINE
    for call in fake_spark.calls():
        command = call["command"]
        assert call["args"] == [
            "--master", "local[*]",
            "--conf", "spark.driver.memory=4g",
            "--conf", "spark.executor.memory=4g",
            "--name", f"equity-lake-{command}-2024-03-05",
            "--class", "org.equitylake.cli.EquityLake",
            JAR,
            command, "--as-of", "2024-03-05", "--verbose",
        ]
        assert call["landing"] == str(landing)
        assert call["root"] == str(tmp_path / "lake")
    assert tasks == {
        "wait_for_exports": "success",
        **{command: "success" for command in PIPELINE},
        "is_maintenance_day": "success",
        "maintain": "skipped",
    }


def test_export_on_the_maintenance_weekday_maintains_after_publishing(fake_spark, landing):
    write_exports(landing, "2024-03-10", "applications")  # a Sunday

    state, tasks = run_day("2024-03-10")

    assert state == "success"
    assert fake_spark.commands() == [*PIPELINE, "maintain"]
    assert tasks["maintain"] == "success"


def test_day_without_export_is_skipped_but_maintenance_still_runs(fake_spark, landing):
    write_exports(landing, "2024-03-16", "registrations")  # the day before, and a reference file
    (landing / "reference").mkdir()
    (landing / "reference" / "2024-03-17_registrations.csv").write_text("")

    state, tasks = run_day("2024-03-17")  # a Sunday

    assert state == "success"
    assert fake_spark.commands() == ["maintain"]
    assert tasks == {
        "wait_for_exports": "skipped",
        **{command: "skipped" for command in PIPELINE},
        "is_maintenance_day": "success",
        "maintain": "success",
    }


def test_day_without_export_off_the_maintenance_weekday_runs_nothing(fake_spark, landing):
    state, tasks = run_day("2024-03-12")  # a Tuesday

    assert state == "success"
    assert fake_spark.commands() == []
    assert set(tasks.values()) == {"skipped", "success"}
    assert tasks["maintain"] == "skipped"


def test_failed_check_stops_publish_and_maintenance(fake_spark, landing, capfd, caplog):
    write_exports(landing, "2024-03-24")  # a Sunday
    fake_spark.fail("check")

    state, tasks = run_day("2024-03-24", retries=0)

    assert state == "failed"
    assert fake_spark.commands() == ["ingest", "clean", "geocode", "indicators", "check"]
    assert tasks["check"] == "failed"
    assert tasks["publish"] == "upstream_failed"
    assert tasks["maintain"] == "upstream_failed"
    # The failure callback ran (its line reaches pytest's log capture or the task log on stdout).
    out, err = capfd.readouterr()
    assert "EQUITY-LAKE FAILURE dag=equity_lake_nightly task=check" in out + err + caplog.text


def test_variables_set_the_conf_file_spark_settings_and_weekday(fake_spark, landing, monkeypatch):
    write_exports(landing, "2024-03-26")  # a Tuesday
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_CONF", "/etc/equity-lake/cluster.conf")
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_DRIVER_MEMORY", "6g")
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_SPARK_PROPERTIES", "/etc/equity-lake/spark.properties")
    monkeypatch.setenv("AIRFLOW_VAR_EQUITY_LAKE_MAINTENANCE_WEEKDAY", "Tuesday")

    state, _ = run_day("2024-03-26")

    assert state == "success"
    assert fake_spark.commands() == [*PIPELINE, "maintain"]
    args = fake_spark.calls()[0]["args"]
    assert args[args.index("--properties-file") + 1] == "/etc/equity-lake/spark.properties"
    assert "spark.driver.memory=6g" in args
    assert args[args.index(JAR):] == [
        JAR, "ingest", "--as-of", "2024-03-26", "--conf", "/etc/equity-lake/cluster.conf", "--verbose",
    ]


def test_airflow_dags_test_command(fake_spark, landing):
    """The same run through the CLI, in its own process: the DAG file parsed there and the
    Variables taken from its environment."""
    write_exports(landing, "2024-04-02")  # a Tuesday

    result = airflow_cli("dags", "test", DAG_ID, "2024-04-02")

    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert fake_spark.commands() == PIPELINE
