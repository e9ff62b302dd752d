"""A Spark standalone cluster for the tests: a master and one worker started from pip's pyspark on
127.0.0.1, in their own process groups and killed with them (executors are the worker's children),
so nothing outlives the session."""

from __future__ import annotations

import contextlib
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
from conftest import SPARK_BIN

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


@contextlib.contextmanager
def standalone_cluster(folder: Path) -> Iterator[Standalone]:
    """A master and one worker on 127.0.0.1 for the `with` block; both killed with their process groups after."""
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
