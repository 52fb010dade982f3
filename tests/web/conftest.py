"""Fixtures of the web tests: an app over a store in tmp_path, the bundled example added to it, and a live server.

The live server is uvicorn on 127.0.0.1 and a free port, in a thread of the test process, started and
stopped by its fixture; nothing listens beyond the loopback interface.
"""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install 'newsfuse[web]')")

import uvicorn
from fastapi import FastAPI

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note that its test client will move to httpx2
    from fastapi.testclient import TestClient

from newsfuse.web import WebConfig, create_app
from tests.conftest import EXAMPLE_DIR, EXAMPLE_FILES

SERVER_START_SECONDS = 30.0


def example_files() -> list[tuple[str, tuple[str, bytes, str]]]:
    """The three example reports as the multipart `files` of a request."""
    return [("files", (name, (EXAMPLE_DIR / name).read_bytes(), "text/plain")) for name in EXAMPLE_FILES]


def client_for(app: FastAPI) -> TestClient:
    return TestClient(app, follow_redirects=False)


@pytest.fixture(scope="module")
def summit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    """A client of an app whose store holds the example, added through the API, and the story id."""
    app = create_app(WebConfig(db=tmp_path_factory.mktemp("web") / "news.duckdb"))
    with client_for(app) as client:
        response = client.post("/api/add", files=example_files())
        assert response.status_code == 201, response.text
        yield client, response.json()["story_id"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class LiveServer:
    url: str
    app: FastAPI


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app served by uvicorn on 127.0.0.1 (upload limit 1 MB), stopped when the module is done."""
    app = create_app(WebConfig(db=tmp_path_factory.mktemp("live") / "news.duckdb", max_upload_bytes=1024 * 1024))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="newsfuse-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the test server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(timeout=SERVER_START_SECONDS)
