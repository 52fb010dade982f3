"""The HTML report in a real headless browser: it renders, every citation lands on its sentence, nothing leaves the page.

Debian's chromium driven by Playwright (`scripts/ensure-browser` installs it; Playwright's own
browser download does not work offline). Skips, with the reason, when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfuse.compare import CompareConfig, compare_articles
from newsfuse.pipeline import clean_all
from newsfuse.read import read_all
from newsfuse.render.html import render_html
from tests.browser import NEEDS_BROWSER, launch_chromium
from tests.browser import sync_api as browser_api

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "summit"

sync_api = browser_api()
pytestmark = NEEDS_BROWSER


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles = [c.article for c in clean_all(read_all([str(EXAMPLE)]).articles)]
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(compare_articles(articles, CompareConfig(ner="classic"))), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(report: Path) -> Iterator[tuple[Any, list[str]]]:
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(report.as_uri())
        yield page, requests
        browser.close()


def test_html_browser_renders_every_section(page: tuple[Any, list[str]]) -> None:
    view, _ = page
    headings = view.locator("h2").all_inner_texts()
    assert headings == ["Summary", "Agreed", "Unique to one source", "Contested", "Entities", "Timeline", "Sources"]
    assert view.locator("#agreed li").count() >= 4
    assert "Ho Chi Minh City" in view.locator("#unique").inner_text()
    assert "Friday 18 January 2019" in view.locator("#timeline").inner_text()
    box = view.locator("h1").bounding_box()
    assert box is not None and box["height"] > 0


def test_html_browser_every_citation_lands_on_its_sentence(page: tuple[Any, list[str]], report: Path) -> None:
    view, _ = page
    links = view.locator("a.cite")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) > 50
    for href in sorted(set(hrefs)):
        target = view.locator(href)
        assert target.count() == 1, f"{href} has no target"
        number = href.removeprefix("#s").removeprefix("#a").split("-")[0]
        assert target.evaluate("e => e.closest('article').id") == f"a{number}"  # the cited article's own text
    # following a link scrolls to the sentence and marks it (:target)
    first = links.first
    href = first.get_attribute("href")
    first.click()
    assert view.url.endswith(href)
    assert view.locator(href).evaluate("e => e.matches(':target')")


def test_html_browser_no_request_leaves_the_page(page: tuple[Any, list[str]], report: Path) -> None:
    view, requests = page
    view.reload()
    view.locator("a.cite").nth(3).click()
    assert requests
    assert all(url.split("#")[0] == report.as_uri() for url in requests), requests
