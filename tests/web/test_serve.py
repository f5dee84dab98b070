"""``inquiry serve`` as a user runs it: a fresh data directory, several worker processes."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server stopped: {server.stdout.read()}")
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the server did not answer")


@pytest.mark.slow
def test_serve_sets_up_a_fresh_directory_and_answers_from_two_workers(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # the README's run: SQLite
    env["INQUIRY_DATA_DIR"] = str(tmp_path / "data")
    server = subprocess.Popen([sys.executable, "-m", "inquiry.cli", "serve", "--port", str(port), "--workers", "2",
                               "--threads", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/about/", server)
        workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        assert len(workers) == 2, "one master and two workers"

        output = ""
        while "one-time password" not in output:
            output += server.stdout.readline()
        password = re.search(r"one-time password: (\S+)", output).group(1)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form = opener.open(f"{base}/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode({"username": "admin", "password": password,
                                       "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": f"{base}/login/"})
        opener.open(request)
        # The session lives in the database, so every worker knows the signed-in user.
        for _ in range(12):
            page = opener.open(f"{base}/audit/").geturl()
            assert "/login/" not in page
        assert opener.open(f"{base}/about/").status == 200
    finally:
        server.terminate()
        rest = server.communicate(timeout=60)[0]
    assert "Traceback" not in rest
