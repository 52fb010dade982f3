"""What the app withstands: markup in articles, oversized and unreadable uploads, paths aimed at the file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.web import WebConfig, create_app
from newsfuse.web.guard import CONTENT_SECURITY_POLICY
from tests.web.conftest import TestClient, client_for

HOSTILE = (
    "Council approves harbour plan after a long night\n\n"
    "The council approved the harbour plan <script>alert('owned')</script> after midnight, the mayor said.\n\n"
    'Residents cheered <img src=x onerror="alert(1)"> outside the hall and sang until dawn.\n'
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, str, str]:
    app = create_app(WebConfig(db=tmp_path_factory.mktemp("guard") / "news.duckdb", max_upload_bytes=64 * 1024))
    with client_for(app) as client:
        added = client.post("/api/add", data={"text": HOSTILE})
        assert added.status_code == 201, added.text
        record = added.json()
        yield client, record["story_id"], record["article_ids"][0]


def test_web_article_markup_is_escaped_text_everywhere(hostile: tuple[TestClient, str, str]) -> None:
    client, story_id, article_id = hostile
    for path in ("/", f"/stories/{story_id}", f"/articles/{article_id}", f"/articles/{article_id}?hl=0"):
        html = client.get(path).text
        assert "<script" not in html, path
        assert "<img" not in html, path
    article = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in article
    assert "<script>alert('owned')</script>" in client.get(f"/api/articles/{article_id}").json()["text"]


def test_web_every_response_forbids_inline_script(hostile: tuple[TestClient, str, str]) -> None:
    client, story_id, _ = hostile
    for path in ("/", f"/stories/{story_id}", "/static/style.css", "/api/stories", "/no/such/page", "/api/stories/x"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        assert policy == CONTENT_SECURITY_POLICY
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_web_upload_over_the_limit_is_413(hostile: tuple[TestClient, str, str]) -> None:
    client, _, _ = hostile
    big = b"Words of a very long article. " * 4000  # ~120 KB, over the 64 KB limit
    page = client.post("/add", files=[("files", ("big.txt", big, "text/plain"))])
    assert page.status_code == 413
    assert "limited to" in page.text
    api = client.post("/api/add", files=[("files", ("big.txt", big, "text/plain"))])
    assert api.status_code == 413
    assert "limited to 0.0625 MB" in api.json()["detail"]
    assert client.get("/api/stories").json()["total"] == 1  # nothing was added


def test_web_upload_without_length_over_the_limit_is_413(hostile: tuple[TestClient, str, str]) -> None:
    client, _, _ = hostile

    def chunks() -> object:
        for _ in range(100):
            yield b"x" * 1024

    response = client.post("/api/add", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})  # type: ignore[arg-type]
    assert response.status_code == 413


def test_web_unreadable_upload_gets_a_clear_error(hostile: tuple[TestClient, str, str]) -> None:
    client, _, _ = hostile
    binary = bytes(range(256)) * 4
    page = client.post("/add", files=[("files", ("photo.jpg", binary, "image/jpeg"))])
    assert page.status_code == 400
    assert "photo.jpg: binary file, not text" in page.text
    api = client.post("/api/add", files=[("files", ("photo.jpg", binary, "image/jpeg"))])
    assert api.status_code == 400
    assert api.json() == {"detail": "no article could be read: photo.jpg: binary file, not text"}
    empty = client.post("/api/add", data={"text": "   "})
    assert empty.status_code == 400
    assert "nothing to add" in empty.json()["detail"]


def test_web_upload_names_never_choose_a_path(hostile: tuple[TestClient, str, str], tmp_path: Path) -> None:
    client, _, _ = hostile
    target = tmp_path / "escaped.txt"
    name = f"../../../../../../{target}"
    response = client.post(
        "/api/add",
        files=[("files", (name, b"Ferry strike ends after pay deal\n\nFerry crews returned to work.", "text/plain"))],
    )
    assert response.status_code == 201, response.text
    assert not target.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/articles/../../../etc/passwd",
        "/stories/..%2F..%2Fnews.duckdb",
        "/news.duckdb",
        "/static/../app.py",
        "/static/%2e%2e/app.py",
    ],
)
def test_web_path_traversal_is_404(hostile: tuple[TestClient, str, str], path: str) -> None:
    client, _, _ = hostile
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_web_binds_loopback_by_default() -> None:
    import inspect

    from newsfuse import cli
    from newsfuse.web import DEFAULT_HOST, serve

    assert DEFAULT_HOST == "127.0.0.1"
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(cli.serve_cli).parameters["host"].default == "127.0.0.1"
