"""The app in a real headless browser: add the example, follow a citation, nothing leaves the app, markup is inert, 413.

Debian's chromium driven by Playwright (`scripts/ensure-browser` installs it; Playwright's own browser
download does not work offline), against the live server on 127.0.0.1. Skips, with the reason, when
either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import NEEDS_BROWSER, launch_chromium
from tests.browser import sync_api as browser_api
from tests.conftest import EXAMPLE_DIR, EXAMPLE_FILES
from tests.web.conftest import LiveServer
from tests.web.test_guard import HOSTILE

sync_api = browser_api()
pytestmark = NEEDS_BROWSER


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A fresh page, every request it makes, and every dialog (alert) any script opened."""
    context = browser.new_context()
    view = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    view.on("request", lambda request: requests.append(request.url))
    view.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield view, requests, dialogs
    context.close()


def _add_example(view: Any, base: str) -> None:
    view.goto(f"{base}/add")
    view.set_input_files("input[name=files]", [str(EXAMPLE_DIR / name) for name in EXAMPLE_FILES])
    with view.expect_navigation():
        view.click("button[type=submit]")


def test_browser_add_example_lands_on_one_story_with_three_sources(
    page: tuple[Any, list[str], list[str]], live_server: LiveServer
) -> None:
    view, requests, _ = page
    _add_example(view, live_server.url)
    assert "/stories/" in view.url
    assert "Added 3 articles" in view.locator(".notice").inner_text()
    assert view.locator("#sources li[id^=a]").count() == 3
    assert view.locator("#summary a.cite").count() >= 3
    view.goto(live_server.url + "/")
    assert view.locator("table.stories tbody tr").count() == 1
    assert all(url.startswith(live_server.url + "/") for url in requests), requests


def test_browser_citation_opens_the_source_sentence_highlighted(
    page: tuple[Any, list[str], list[str]], live_server: LiveServer
) -> None:
    view, requests, _ = page
    _add_example(view, live_server.url)  # already stored: lands on the same story
    cite = view.locator("#summary a.cite").first
    href = cite.get_attribute("href")
    with view.expect_navigation():
        cite.click()
    index = href.rsplit("#s", 1)[1]
    marked = view.locator("span.sentence.marked")
    assert marked.count() == 1
    assert marked.get_attribute("id") == f"s{index}"
    assert marked.evaluate("e => e.matches(':target')")
    assert marked.is_visible()
    background = marked.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
    box = marked.bounding_box()
    assert box is not None and 0 <= box["y"] < view.viewport_size["height"]  # scrolled into view
    view.click("details.dropped summary")  # what cleaning dropped, shown on demand
    assert view.locator("details.dropped table").is_visible()
    assert all(url.startswith(live_server.url + "/") for url in requests), requests


def test_browser_article_markup_renders_inert(page: tuple[Any, list[str], list[str]], live_server: LiveServer) -> None:
    view, requests, dialogs = page
    view.goto(f"{live_server.url}/add")
    view.fill("textarea[name=text]", HOSTILE)
    with view.expect_navigation():
        view.click("button[type=submit]")
    assert "/stories/" in view.url
    for _ in range(2):
        article = view.locator("#sources li a").first
        with view.expect_navigation():
            article.click()
        text = view.locator("article.cleaned").inner_text()
        assert "<script>alert('owned')</script>" in text
        assert '<img src=x onerror="alert(1)">' in text
        assert view.locator("article.cleaned img").count() == 0
        assert view.locator("article.cleaned script").count() == 0
        view.go_back()
    view.wait_for_timeout(300)
    assert dialogs == []
    assert all(url.startswith(live_server.url + "/") for url in requests), requests


def test_browser_too_large_upload_gets_413(page: tuple[Any, list[str], list[str]], live_server: LiveServer) -> None:
    view, _, _ = page
    view.goto(f"{live_server.url}/add")
    big = {
        "name": "big.txt",
        "mimeType": "text/plain",
        "buffer": b"A very long article indeed. " * 60_000,
    }  # ~1.7 MB > 1 MB
    view.set_input_files("input[name=files]", files=[big])
    with view.expect_navigation() as navigation:
        view.click("button[type=submit]")
    assert navigation.value.status == 413
    assert "too large" in view.locator("h1").inner_text()
