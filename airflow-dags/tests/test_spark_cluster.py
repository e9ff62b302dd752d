"""The cluster jar on a real Spark standalone cluster (issue 9): a master and one worker started
from pip's pyspark on 127.0.0.1, `run-all` submitted to it with conf/cluster.conf, and its gold
tables equal to the local-mode lake that the DAG built from the same landing zone for the same day.

The master and worker run in their own process groups and are killed with them (executors are
the worker's children), so nothing outlives the test module.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from conftest import REPO, SPARK_BIN
from sample_lake import DEMO_HMAC_KEY, gold_rows, gold_tables, spark_submit, tail

pytestmark = pytest.mark.spark

WORKER_CORES = 2
WORKER_MEMORY = "2g"
# Everything on the loopback interface: no firewall prompt, nothing reachable from outside.
LOOPBACK = {"SPARK_LOCAL_IP": "127.0.0.1", "SPARK_LOCAL_HOSTNAME": "localhost"}


@dataclass(frozen=True)
class Standalone:
    master_url: str
    web_url: str
    work_dir: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def master_json(web_url: str) -> dict[str, Any]:
    """The master's state as its web UI serves it (workers, running and completed applications)."""
    with urllib.request.urlopen(f"{web_url}/json", timeout=5) as response:
        return json.load(response)


def wait_for(condition: Callable[[], bool], what: str, logs: list[Path], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.5)
    pytest.fail(f"{what} within {timeout:.0f} s; logs:\n" + "\n".join(p.read_text()[-3000:] for p in logs))


def spark_class(main: str, args: list[str], log: Path) -> subprocess.Popen:
    """A Spark daemon in its own process group, so that killing the group also ends its children."""
    with log.open("w") as out:
        return subprocess.Popen(
            [str(SPARK_BIN / "spark-class"), main, *args],
            env={**os.environ, **LOOPBACK, "SPARK_DAEMON_MEMORY": "512m"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(process: subprocess.Popen) -> None:
    """Ends the daemon's whole process group: politely first, then whatever is left of it."""
    for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass


@pytest.fixture(scope="module")
def standalone(tmp_path_factory) -> Iterator[Standalone]:
    folder = tmp_path_factory.mktemp("standalone")
    port, web_port, worker_web_port = free_port(), free_port(), free_port()
    master_url, web_url = f"spark://127.0.0.1:{port}", f"http://127.0.0.1:{web_port}"
    logs = [folder / "master.log", folder / "worker.log"]
    processes: list[subprocess.Popen] = []
    try:
        processes.append(spark_class("org.apache.spark.deploy.master.Master",
                                     ["-h", "127.0.0.1", "-p", str(port), "--webui-port", str(web_port)], logs[0]))
        wait_for(lambda: master_json(web_url)["status"] == "ALIVE", "the master did not start", logs)
        processes.append(spark_class("org.apache.spark.deploy.worker.Worker",
                                     [master_url, "-h", "127.0.0.1", "--webui-port", str(worker_web_port),
                                      "-c", str(WORKER_CORES), "-m", WORKER_MEMORY, "-d", str(folder / "work")], logs[1]))
        wait_for(lambda: [w["state"] for w in master_json(web_url)["workers"]] == ["ALIVE"],
                 "the worker did not register with the master", logs)
        yield Standalone(master_url, web_url, folder / "work")
    finally:
        for process in reversed(processes):
            stop(process)


def test_run_all_on_a_standalone_cluster_equals_local_mode(standalone, nightly_lake, tmp_path):
    assert nightly_lake.state == "success", f"the local-mode DAG run failed: {nightly_lake.tasks}"
    lake = tmp_path / "lake"
    day = nightly_lake.city.day

    result = spark_submit(
        [
            "--master", standalone.master_url,
            "--deploy-mode", "client",
            "--driver-memory", "2g",
            "--executor-memory", "1g",
            "--total-executor-cores", str(WORKER_CORES),
            "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.driver.bindAddress=127.0.0.1",
        ],
        nightly_lake.jar,
        [
            "run-all", "--conf", str(REPO / "conf" / "cluster.conf"), "--as-of", day,
            # cluster.conf's 200 shuffle partitions are for a city's data; the sample city needs
            # few, as the local run had. Its driver UI would take a port for nothing here.
            "--set", "equity-lake.spark.shuffle-partitions=2",
            "--set", "equity-lake.spark.ui-enabled=false",
            "--verbose",
        ],
        env={
            **LOOPBACK,
            "EQUITY_LAKE_ROOT": str(lake),
            "EQUITY_LAKE_LANDING": str(nightly_lake.city.landing),
            # cluster.conf is the production profile: it needs a key; the demo's gives the local run's pseudonyms.
            "EQUITY_LAKE_HMAC_KEY": DEMO_HMAC_KEY,
        },
    )

    assert result.returncode == 0, tail(result)
    wait_for(lambda: master_json(standalone.web_url)["completedapps"] != [],
             "the master did not record the application as completed", [], timeout=30)
    apps = master_json(standalone.web_url)["completedapps"]
    assert [(app["name"], app["state"]) for app in apps] == [("equity-lake run-all", "FINISHED")], apps
    # The executors ran in the worker (one folder per executor under the app's work folder), not in the driver.
    executors = list((standalone.work_dir / apps[0]["id"]).iterdir())
    assert executors, f"no executor of {apps[0]['id']} ran on the worker"
    assert gold_tables(lake).keys() == nightly_lake.gold.keys()
    local = gold_rows(nightly_lake.lake)
    for name, rows in gold_rows(lake).items():
        assert rows == local[name], f"gold.{name} on the cluster differs from local mode for {day}"
