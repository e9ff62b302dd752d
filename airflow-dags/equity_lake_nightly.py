"""The nightly equity-lake run: one DAG run per export day, every step a spark-submit of the cluster jar.

Importing this file does no work: it reads no Variable, touches no file and starts nothing. Every
setting is a template rendered when a task runs, so one copy of the file serves a laptop and a
cluster (see README.md beside it for the Variables and the Connection).
"""

from __future__ import annotations

import glob
import logging
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.providers.standard.operators.python import ShortCircuitOperator
from airflow.providers.standard.sensors.python import PythonSensor
from airflow.sdk import DAG, CronDataIntervalTimetable, TriggerRule
from airflow.sdk.exceptions import AirflowSkipException

log = logging.getLogger(__name__)

DAG_ID = "equity_lake_nightly"
MAIN_CLASS = "org.equitylake.cli.EquityLake"
SPARK_CONN_ID = "spark_default"

# The pipeline, in order; each is a command of the jar run with `--as-of {{ ds }}`.
PIPELINE = ("ingest", "clean", "geocode", "indicators", "check", "publish")
MAINTENANCE = "maintain"

# Program exports, relative to the landing root; a file of export day D is named `D_<entity>.<ext>`
# (docs/CONVENTIONS.md). Reference files are not exports and are not waited for.
EXPORT_FOLDERS = ("childcare/registrations", "housing_grant/applications", "housing_grant/awards")

# An export of day D is delivered during D+1: the run starts when D ends and waits this long.
EXPORT_WAIT = timedelta(hours=18)
EXPORT_POKE_INTERVAL = timedelta(minutes=10)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Defaults that work in a checkout (jar built, `generate-sample` run at the repository root);
# a deployment sets the Variables instead.
_CHECKOUT = Path(__file__).resolve().parent.parent
VARIABLE_DEFAULTS: dict[str, str] = {
    # Empty: the newest jobs/target/equity-lake-jobs-*-cluster.jar of the checkout.
    "equity_lake_jar": "",
    # Empty: no --conf, the jar's built-in defaults (reference.conf) apply.
    "equity_lake_conf": "",
    "equity_lake_root": str(_CHECKOUT / "lake"),
    "equity_lake_landing": str(_CHECKOUT / "sample-city" / "landing"),
    "equity_lake_driver_memory": "4g",
    "equity_lake_executor_memory": "4g",
    # Empty: none; else a spark-defaults style file passed as --properties-file.
    "equity_lake_spark_properties": "",
    "equity_lake_maintenance_weekday": "sunday",
}


def _var(name: str) -> str:
    """A template that renders Variable `name`, or its default when it is not set."""
    return "{{ var.value.get(%r, %r) }}" % (name, VARIABLE_DEFAULTS[name])


def checkout_jar() -> str:
    """The newest cluster jar built in this checkout; the expected pattern when there is none."""
    pattern = str(_CHECKOUT / "jobs" / "target" / "equity-lake-jobs-*-cluster.jar")
    jars = sorted(glob.glob(pattern), key=os.path.getmtime)
    return jars[-1] if jars else pattern


def exports_landed(landing_root: str, day: str, data_interval_end: Any) -> bool:
    """True once a program export of `day` has landed; skips the run once the wait is over.

    The skip at the deadline is what lets a backfill pass a day without an export at once instead
    of waiting for the sensor's timeout.
    """
    found = sorted(
        path
        for folder in EXPORT_FOLDERS
        for path in glob.glob(os.path.join(landing_root, folder, glob.escape(day) + "_*"))
    )
    if found:
        log.info("exports of %s: %s", day, ", ".join(found))
        return True
    # A run without a data interval (triggered with no logical date) waits for the sensor's timeout.
    if data_interval_end is not None:
        if pendulum.now("UTC") >= pendulum.instance(data_interval_end) + EXPORT_WAIT:
            raise AirflowSkipException(f"no program export of {day} under {landing_root}")
    log.info("no program export of %s under %s yet", day, landing_root)
    return False


def is_maintenance_day(day: str, weekday: str) -> bool:
    """True when the logical day falls on the maintenance weekday (so backfills maintain weekly too)."""
    wanted = weekday.strip().lower()
    if wanted not in WEEKDAYS:
        raise ValueError(
            f"equity_lake_maintenance_weekday must be one of {', '.join(WEEKDAYS)}, not {weekday!r}"
        )
    return WEEKDAYS[date.fromisoformat(day).weekday()] == wanted


def notify_failure(context: dict[str, Any]) -> None:
    """Failure callback: one greppable line with what failed, where to look and how to re-run it."""
    ti = context["ti"]
    log.error(
        "EQUITY-LAKE FAILURE dag=%s task=%s run=%s ds=%s try=%s log=%s; re-run with "
        "`airflow tasks clear %s -t '^%s$' -s %s -e %s`",
        ti.dag_id, ti.task_id, ti.run_id, context.get("ds"), ti.try_number, getattr(ti, "log_url", "-"),
        ti.dag_id, ti.task_id, context.get("ds"), context.get("ds"),
    )


def without_empty_options(args: list[str]) -> list[str]:
    """Drops each `--option value` pair whose value rendered empty (an unset optional Variable)."""
    kept: list[str] = []
    i = 0
    while i < len(args):
        if args[i].startswith("--") and i + 1 < len(args) and args[i + 1] == "":
            i += 2
            continue
        kept.append(args[i])
        i += 1
    return kept


class EquityLakeSubmitOperator(SparkSubmitOperator):
    """spark-submit of one equity-lake command; an optional setting whose Variable is empty is left out."""

    def execute(self, context: Any) -> None:
        self.application_args = without_empty_options(list(self.application_args or []))
        super().execute(context)


def equity_lake_task(command: str, doc_md: str, **kwargs: Any) -> EquityLakeSubmitOperator:
    return EquityLakeSubmitOperator(
        task_id=command,
        doc_md=doc_md,
        conn_id=SPARK_CONN_ID,
        application="{{ var.value.get('equity_lake_jar', '') or checkout_jar() }}",
        java_class=MAIN_CLASS,
        name=f"equity-lake-{command}-{{{{ ds }}}}",
        application_args=[command, "--as-of", "{{ ds }}", "--conf", _var("equity_lake_conf"), "--verbose"],
        conf={
            "spark.driver.memory": _var("equity_lake_driver_memory"),
            "spark.executor.memory": _var("equity_lake_executor_memory"),
        },
        properties_file=_var("equity_lake_spark_properties"),
        env_vars={
            "EQUITY_LAKE_ROOT": _var("equity_lake_root"),
            "EQUITY_LAKE_LANDING": _var("equity_lake_landing"),
        },
        execution_timeout=timedelta(hours=3),
        **kwargs,
    )


TASK_DOCS = {
    "ingest": "Lands the program exports and reference files delivered up to `ds` in bronze, "
    "each file once, in the layout its contract describes.",
    "clean": "Bronze to silver: types, household and person keys (HMAC), deduplication; "
    "personal fields go to `silver_restricted` only.",
    "geocode": "Matches silver addresses to address points, tracts and council districts (Sedona).",
    "indicators": "Rebuilds the gold indicators (reach, take-up, distance to sites) for `ds`; "
    "small counts suppressed.",
    "check": "Contract and quality checks over silver and gold; a failure stops the run before publish.",
    "publish": "Registers and refreshes the published gold tables that readers and BI tools see.",
    MAINTENANCE: "Weekly: OPTIMIZE every table and VACUUM keeping at least 7 days (168 h) of history. "
    "Runs on the maintenance weekday even when the day had no export; not after a failed pipeline.",
}

DAG_DOC = """
### equity-lake nightly

One run per export day `ds` (the run starts when the day ends, UTC). It waits for that day's
program exports in the landing zone, then runs the jar's commands in order, each as
`spark-submit --class org.equitylake.cli.EquityLake <jar> <command> --as-of ds`:

`wait_for_exports` → `ingest` → `clean` → `geocode` → `indicators` → `check` → `publish` → `maintain`

* A day with no export is **skipped**, not failed: the sensor gives up after 18 hours (at once for a
  day whose wait is long over, as in a backfill) and the pipeline tasks are skipped with it.
* `maintain` (OPTIMIZE + VACUUM) runs on the maintenance weekday, export or not, after the pipeline.
* Every command is idempotent over `ds`: re-running a day rewrites the same data.
* No `depends_on_past`: the run for `ds` ingests every file up to `ds`, so a failed day is caught
  up by the next one; `max_active_runs=1` keeps one writer on the lake.
* `catchup=False`: deploying or unpausing never starts ten years of runs by itself; history is
  one explicit `airflow backfill create` (see README.md).

Settings come from the Variables `equity_lake_*` and the Connection `spark_default`.
"""

with DAG(
    dag_id=DAG_ID,
    description="Nightly equity-lake pipeline: exports of one day to published gold tables",
    doc_md=DAG_DOC,
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    start_date=pendulum.datetime(2016, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    user_defined_macros={"checkout_jar": checkout_jar},
    default_args={
        "owner": "equity-lake",
        "depends_on_past": False,
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
        "on_failure_callback": notify_failure,
    },
    tags=["equity-lake"],
) as dag:
    wait_for_exports = PythonSensor(
        task_id="wait_for_exports",
        doc_md="Waits for any file named `<ds>_*` under "
        + ", ".join(f"`{f}/`" for f in EXPORT_FOLDERS)
        + " of the landing root (Variable `equity_lake_landing`). Reschedules every 10 minutes, "
        "skips the day after 18 hours without one.",
        python_callable=exports_landed,
        op_kwargs={"landing_root": _var("equity_lake_landing"), "day": "{{ ds }}"},
        mode="reschedule",
        poke_interval=EXPORT_POKE_INTERVAL,
        timeout=EXPORT_WAIT,
        soft_fail=True,
    )

    pipeline = [equity_lake_task(command, TASK_DOCS[command]) for command in PIPELINE]

    maintenance_day = ShortCircuitOperator(
        task_id="is_maintenance_day",
        doc_md="True on the weekday named by Variable `equity_lake_maintenance_weekday` (default sunday), "
        "judged on `ds`; otherwise `maintain` is skipped.",
        python_callable=is_maintenance_day,
        op_kwargs={"day": "{{ ds }}", "weekday": _var("equity_lake_maintenance_weekday")},
    )
    maintain = equity_lake_task(MAINTENANCE, TASK_DOCS[MAINTENANCE], trigger_rule=TriggerRule.NONE_FAILED)

    wait_for_exports >> pipeline[0]
    for upstream, downstream in zip(pipeline, pipeline[1:]):
        upstream >> downstream
    [pipeline[-1], maintenance_day] >> maintain
