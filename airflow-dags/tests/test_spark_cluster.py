"""The cluster jar on a real Spark standalone cluster with its lake on S3 (issue 9): a master and one
worker started from pip's pyspark, and s3proxy (an S3-compatible server with a filesystem backend),
all on 127.0.0.1. The sample city's landing zone is uploaded to a bucket; `run-all` is submitted to
the cluster with conf/cluster.conf and conf/s3.conf and hadoop-aws on `--jars`, so every read and
write goes through s3a://. Its gold tables must equal the local-mode lake that the DAG built from
the same landing zone for the same day; a second `run-all` must change nothing.

Every server runs in its own process group and is killed with it (executors are the worker's
children), so nothing outlives the test module.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from conftest import REPO, SPARK_BIN
from sample_lake import DEMO_HMAC_KEY, gold_rows, gold_tables, snapshot, spark_submit, tail

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


@dataclass(frozen=True)
class S3:
    endpoint: str
    bucket: str
    # Where s3proxy's filesystem backend keeps the bucket's objects, one file per key.
    store: Path


S3_IDENTITY = "equity-lake-test"
S3_CREDENTIAL = "equity-lake-test-secret"


def s3_put(s3: S3, key: str, body: bytes = b"") -> None:
    """One signed PUT (AWS signature version 2, which s3proxy accepts): a bucket when `key` is empty."""
    resource = "/" + s3.bucket + ("/" + urllib.parse.quote(key) if key else "")
    date = email.utils.formatdate(usegmt=True)
    signed = hmac.new(S3_CREDENTIAL.encode(), f"PUT\n\napplication/octet-stream\n{date}\n{resource}".encode(),
                      hashlib.sha1).digest()
    request = urllib.request.Request(s3.endpoint + resource, data=body, method="PUT", headers={
        "Date": date, "Content-Type": "application/octet-stream",
        "Authorization": f"AWS {S3_IDENTITY}:{base64.b64encode(signed).decode()}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200, (resource, response.status)


def hadoop_aws_jars() -> list[str]:
    """hadoop-aws and its AWS SDK bundle (not in the cluster jar): EQUITY_LAKE_HADOOP_AWS_JARS, else
    the paths Maven resolved for the launcher's classpath."""
    if os.environ.get("EQUITY_LAKE_HADOOP_AWS_JARS"):
        jars = os.environ["EQUITY_LAKE_HADOOP_AWS_JARS"].split(",")
    else:
        listing = REPO / "jobs" / "target" / "launcher-classpath.txt"
        assert listing.is_file(), f"{listing} is missing: build the project with Maven first"
        jars = [j for j in listing.read_text().strip().split(os.pathsep)
                if Path(j).name.startswith(("hadoop-aws-", "aws-java-sdk-bundle-"))]
    assert len(jars) == 2 and all(Path(j).is_file() for j in jars), jars
    return jars


@pytest.fixture(scope="module")
def s3(tmp_path_factory) -> Iterator[S3]:
    jar = Path(os.environ.get("EQUITY_LAKE_S3PROXY_JAR", REPO / "jobs" / "target" / "s3proxy" / "s3proxy.jar"))
    assert jar.is_file(), f"{jar} is missing: Maven copies it to jobs/target/s3proxy (generate-test-resources)"
    folder = tmp_path_factory.mktemp("s3proxy")
    endpoint = f"http://127.0.0.1:{free_port()}"
    properties = folder / "s3proxy.properties"
    properties.write_text("\n".join([
        f"s3proxy.endpoint={endpoint}", "s3proxy.authorization=aws-v2-or-v4",
        f"s3proxy.identity={S3_IDENTITY}", f"s3proxy.credential={S3_CREDENTIAL}",
        "jclouds.provider=filesystem", f"jclouds.filesystem.basedir={folder / 'buckets'}", ""]))
    (folder / "buckets").mkdir()
    log = folder / "s3proxy.log"
    with log.open("w") as out:
        process = subprocess.Popen(["java", "-Xmx256m", "-jar", str(jar), "--properties", str(properties)],
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def answers() -> bool:
            if process.poll() is not None:
                pytest.fail(f"s3proxy exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(endpoint, timeout=2)
            except urllib.error.HTTPError:
                pass  # an unsigned request is refused: the server is up
            return True
        wait_for(answers, "s3proxy did not answer", [log])
        store = S3(endpoint, "equity-lake", folder / "buckets" / "equity-lake")
        s3_put(store, "")
        yield store
    finally:
        stop(process)


def upload(s3: S3, folder: Path, prefix: str) -> int:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        s3_put(s3, f"{prefix}/{path.relative_to(folder).as_posix()}", path.read_bytes())
    return len(files)


def test_run_all_on_a_standalone_cluster_and_s3_equals_local_mode(standalone, s3, nightly_lake, driver_class_archive,
                                                                  tmp_path):
    assert nightly_lake.state == "success", f"the local-mode DAG run failed: {nightly_lake.tasks}"
    day = nightly_lake.city.day
    assert upload(s3, nightly_lake.city.landing, "landing") > 0
    conf = tmp_path / "cluster-s3.conf"
    # A deployment's own file: the cluster profile with the lake and landing zone on S3.
    conf.write_text(f'include file("{REPO / "conf" / "cluster.conf"}")\ninclude file("{REPO / "conf" / "s3.conf"}")\n')
    lake_uri, landing_uri = f"s3a://{s3.bucket}/lake", f"s3a://{s3.bucket}/landing"

    def run_all() -> subprocess.CompletedProcess:
        return spark_submit(
            [
                "--master", standalone.master_url,
                "--deploy-mode", "client",
                "--driver-memory", "2g",
                "--executor-memory", "1g",
                "--total-executor-cores", str(WORKER_CORES),
                "--jars", ",".join(hadoop_aws_jars()),
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", f"spark.driver.extraJavaOptions=-XX:SharedArchiveFile={driver_class_archive}",
            ],
            nightly_lake.jar,
            [
                "run-all", "--conf", str(conf), "--as-of", day,
                # cluster.conf's 200 shuffle partitions are for a city's data; the sample city needs
                # few, as the local run had. Its driver UI would take a port for nothing here.
                "--set", "equity-lake.spark.shuffle-partitions=2",
                "--set", "equity-lake.spark.ui-enabled=false",
                "--verbose",
            ],
            env={
                **LOOPBACK,
                "EQUITY_LAKE_ROOT": lake_uri, "EQUITY_LAKE_LANDING": landing_uri,
                "EQUITY_LAKE_S3_LAKE": lake_uri, "EQUITY_LAKE_S3_LANDING": landing_uri,
                "EQUITY_LAKE_S3_ENDPOINT": s3.endpoint, "EQUITY_LAKE_S3_PATH_STYLE": "true", "EQUITY_LAKE_S3_SSL": "false",
                "AWS_ACCESS_KEY_ID": S3_IDENTITY, "AWS_SECRET_ACCESS_KEY": S3_CREDENTIAL,
                # cluster.conf is the production profile: it needs a key; the demo's gives the local run's pseudonyms.
                "EQUITY_LAKE_HMAC_KEY": DEMO_HMAC_KEY,
            },
        )

    result = run_all()

    assert result.returncode == 0, tail(result)
    wait_for(lambda: master_json(standalone.web_url)["completedapps"] != [],
             "the master did not record the application as completed", [], timeout=30)
    apps = master_json(standalone.web_url)["completedapps"]
    assert [(app["name"], app["state"]) for app in apps] == [("equity-lake run-all", "FINISHED")], apps
    # The executors ran in the worker (one folder per executor under the app's work folder), not in the driver.
    executors = list((standalone.work_dir / apps[0]["id"]).iterdir())
    assert executors, f"no executor of {apps[0]['id']} ran on the worker"
    # What the run wrote through s3a:// is in the S3 server's store, one file per object.
    lake = s3.store / "lake"
    assert gold_tables(lake).keys() == nightly_lake.gold.keys()
    local = gold_rows(nightly_lake.lake)
    for name, rows in gold_rows(lake).items():
        assert rows == local[name], f"gold.{name} on the cluster and S3 differs from local mode for {day}"

    # Again on S3: ingest finds no new file and every later job skips, so no gold table changes.
    before = {name: snapshot(path) for name, path in gold_tables(lake).items()}
    second = run_all()

    assert second.returncode == 0, tail(second)
    assert {name: snapshot(path) for name, path in gold_tables(lake).items()} == before
    log = second.stdout + second.stderr
    for job in ("clean", "geocode", "indicators", "check", "publish"):
        assert f"INFO JobRunner: {job} skipped in " in log, f"{job} ran again on an unchanged lake"
