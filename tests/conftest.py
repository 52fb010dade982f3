"""Shared builders and fixtures: tiny values built by hand, and a HOME that is always a tmp dir."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from newsfuse.model import Article, Sentence, Summary, SummarySentence

# No example database in the working tree (tests never write outside tmp_path) and no deadline:
# the first call into nupunkt loads its model, which is not the code under test.
settings.register_profile("newsfuse", database=None, deadline=None, max_examples=60)
settings.load_profile("newsfuse")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "examples" / "summit"
EXAMPLE_FILES = ("france24.txt", "sbs.txt", "straitstimes.txt")


_HYPOTHESIS_HOME = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Keep hypothesis's caches (constants, unicode tables) out of the working tree: it writes them
    while test modules are collected, before any fixture could give it a tmp_path."""
    config.stash[_HYPOTHESIS_HOME] = tempfile.mkdtemp(prefix="newsfuse-hypothesis-")
    set_hypothesis_home_dir(config.stash[_HYPOTHESIS_HOME])


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(config.stash.get(_HYPOTHESIS_HOME, ""), ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG cache and data dirs at a tmp dir, so no test touches the user's files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


@pytest.fixture
def example_dir() -> Path:
    """The bundled example: three scraped reports of the second Trump-Kim summit."""
    return EXAMPLE_DIR


def make_article(
    text: str = "President Donald Trump will meet Kim Jong-un in February, the White House said on Friday.",
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
    path: str | None = None,
    id: str | None = None,  # noqa: A002 - mirrors Article.id
) -> Article:
    """An article with a content id, as a reader would build it."""
    return Article.from_text(text, title=title, source=source, url=url, published=published, path=path, id=id)


def make_sentence(text: str, *, article_id: str = "a1", index: int = 0, start: int = 0, paragraph: int = 0) -> Sentence:
    """A sentence whose span is `start` to `start + len(text)`."""
    return Sentence(article_id, index, text, start, start + len(text), paragraph)


def make_summary(
    articles: Sequence[Article],
    cited: Sequence[tuple[str, Sequence[int]]],
    *,
    engine: str = "classic",
    max_words: int | None = 120,
) -> Summary:
    """A summary by hand: each (text, 1-based article numbers) becomes a sentence citing those articles.

    The sentence's origin is in the first cited article.
    """
    sentences = []
    for text, numbers in cited:
        ids = tuple(articles[n - 1].id for n in numbers)
        sentences.append(SummarySentence(text, ids, make_sentence(text, article_id=ids[0])))
    return Summary(tuple(sentences), tuple(articles), engine, max_words)


def sentence_with_words(n: int, topic: str = "summit") -> str:
    """A plain sentence of exactly `n` words (n >= 2)."""
    return " ".join(["The", *[f"{topic}{i}" for i in range(n - 2)], "ended."])
