"""Reads go on while an ingest writes: 50 concurrent readers on a live server (loopback) get no error."""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError

from tests.web.conftest import LiveServer, example_files

READERS = 50
REQUESTS_EACH = 8
MAX_REQUESTS_EACH = 200  # a bound, should the ingest hang
INGESTED = 300
TIMEOUT = 120.0


def _synthetic_jsonl(n: int, seed: int = 7) -> bytes:
    """`n` articles of made-up words, so that each is its own story (a seeded generator: the same every run)."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ter", "van", "dus", "pel", "ro", "shi", "gum", "bra", "nix", "tol", "yen"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))

    lines = []
    for i in range(n):
        sentences = [" ".join(word() for _ in range(12)).capitalize() + "." for _ in range(6)]
        lines.append(
            json.dumps(
                {"id": f"synthetic-{i}", "title": f"Report {i} {word()} {word()} {word()}", "text": " ".join(sentences)}
            )
        )
    return "\n".join(lines).encode()


def _post(url: str, body: bytes, boundary: str) -> int:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return int(response.status)


def _multipart(name: str, data: bytes, boundary: str = "newsfuse-test-boundary") -> tuple[bytes, str]:
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\nContent-Type: application/json\r\n\r\n'
    return head.encode() + data + f"\r\n--{boundary}--\r\n".encode(), boundary


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            response.read()
            return int(response.status)
    except HTTPError as error:
        return error.code


def test_web_fifty_readers_during_an_ingest_get_no_error(live_server: LiveServer) -> None:
    base = live_server.url
    files = [(name, data) for _, (name, data, _) in example_files()]
    body = (
        b"".join(
            f'--b\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n\r\n'.encode() + data + b"\r\n"
            for name, data in files
        )
        + b"--b--\r\n"
    )
    assert _post(f"{base}/api/add", body, "b") == 201
    story = json.loads(urllib.request.urlopen(f"{base}/api/stories", timeout=TIMEOUT).read())["stories"][0]["id"]
    article = json.loads(urllib.request.urlopen(f"{base}/api/stories/{story}", timeout=TIMEOUT).read())["comparison"][
        "summary"
    ]["articles"][0]["id"]
    paths = ["/", "/api/stories", f"/stories/{story}", f"/api/stories/{story}", f"/articles/{article}", "/?q=summit"]

    ingest_done = threading.Event()
    ingest_status: list[int] = []

    def ingest() -> None:
        payload, boundary = _multipart("many.jsonl", _synthetic_jsonl(INGESTED))
        try:
            ingest_status.append(_post(f"{base}/api/add", payload, boundary))
        finally:
            ingest_done.set()

    writer = threading.Thread(target=ingest, name="test-ingest")
    writer.start()
    time.sleep(0.2)  # the ingest is under way before the readers start

    def read(reader: int) -> list[tuple[int, bool]]:
        # at least REQUESTS_EACH requests, and on while the ingest lasts: on a loaded machine the ingest
        # may outlast a fixed number of requests, or they it, and either way the overlap is what is tested
        answers: list[tuple[int, bool]] = []
        while len(answers) < REQUESTS_EACH or (not ingest_done.is_set() and len(answers) < MAX_REQUESTS_EACH):
            answers.append((_get(base + paths[(reader + len(answers)) % len(paths)]), not ingest_done.is_set()))
        return answers

    with ThreadPoolExecutor(max_workers=READERS) as pool:
        results = [r for rs in pool.map(read, range(READERS)) for r in rs]
    writer.join(timeout=TIMEOUT)

    assert ingest_status == [201]
    assert len(results) >= READERS * REQUESTS_EACH
    assert {status for status, _ in results} == {200}
    assert sum(during for _, during in results) >= READERS  # many answered while the ingest was still writing
    listing = json.loads(urllib.request.urlopen(f"{base}/api/stories?limit=1", timeout=TIMEOUT).read())
    assert listing["total"] > INGESTED // 2
