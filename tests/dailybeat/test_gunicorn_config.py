"""The shipped gunicorn configuration (deploy/gunicorn.conf.py), as gunicorn runs
it."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_workers_leave_what_was_loaded_before_the_fork_out_of_collections():
    """Full garbage collections in a worker skip the objects loaded before the
    fork (gc.freeze in pre_fork): they stalled workers for hundreds of ms."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "deploy/gunicorn.conf.py",
            "tests.dailybeat.freeze_count_app",
        ],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as answer:
                    frozen = int(answer.read())
                break
            except OSError:
                if server.poll() is not None:
                    raise AssertionError(server.communicate()[1].decode()) from None
                assert time.monotonic() < deadline, "gunicorn did not answer"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.communicate(timeout=30)  # and close its pipe

    assert frozen > 1000
