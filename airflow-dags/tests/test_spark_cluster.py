"""The cluster jar on a real Spark standalone cluster (issue 9): the session's first nightly DAG run
(`nightly_lake`, conftest.py) submits every Spark task to a master and one worker started from pip's
pyspark on 127.0.0.1 (standalone.py). Here: each task was an application of that master, it finished,
and its executors ran in the worker. That the cluster's gold rows equal local mode's is
test_dag_e2e.py's second run, in local mode, which must change no row.
"""

from __future__ import annotations

import pytest
from standalone import master_json, wait_for

pytestmark = pytest.mark.spark

SPARK_TASKS = ("ingest", "clean", "geocode", "indicators", "check", "publish")


def test_the_first_nightly_run_ran_on_the_standalone_cluster(standalone, nightly_lake):
    assert nightly_lake.state == "success", f"the DAG run on the cluster failed: {nightly_lake.tasks}"
    expected = sorted(f"equity-lake {task}" for task in SPARK_TASKS)
    wait_for(lambda: len(master_json(standalone.web_url)["completedapps"]) >= len(expected),
             "the master did not record every application as completed", [], timeout=30)
    apps = master_json(standalone.web_url)["completedapps"]
    finished = sorted(app["name"] for app in apps if app["state"] == "FINISHED")
    assert finished == expected, apps
    for app in apps:
        # The executors ran in the worker (one folder per executor under the app's work folder), not in the driver.
        executors = list((standalone.work_dir / app["id"]).iterdir())
        assert executors, f"no executor of {app['name']} ({app['id']}) ran on the worker"
