"""A pile of a few hundred articles for the engine tests: the summit example, twin events, wire copies,
generated events, and the first articles of the Multi-News train pool when ../shared/data has it."""

from __future__ import annotations

import gzip
import json
import random
from datetime import date, timedelta
from pathlib import Path

from newsfuse.model import Article
from newsfuse.store import open_store
from tests.cluster.stories import twin_articles
from tests.conftest import EXAMPLE_DIR, EXAMPLE_FILES
from tests.dedup.test_minhash import WIRE

POOL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "multinews-train-pool" / "documents.jsonl.gz"
POOL_ARTICLES = 200
GENERATED_EVENTS = 40
BATCH = 120  # articles an ingest batch: several batches, so stories grow across them
TASK = 25  # articles a mapped task: several tasks a batch
FURNISHED_EVENTS = 5  # events whose reports end with their outlet's tagline (in 3+ articles: boilerplate)

_PLACES = ("Lagos", "Quito", "Hanoi", "Tromso", "Perth", "Izmir", "Cusco", "Davao", "Ghent", "Aspen", "Jaffna", "Leon")
_THINGS = ("flood", "strike", "election", "fire", "merger", "trial", "drought", "protest", "recall", "festival")
_FILLER = (
    "officials said the council would meet again on Monday to decide what comes next for residents "
    "police reported several arrests while the mayor asked for calm and promised an inquiry into costs "
    "witnesses described long queues at the station as trains were cancelled and roads closed by debris"
)
_WORDS = tuple(_FILLER.split(" "))


def generated_articles(seed: int = 10) -> list[Article]:
    """Three reports of each of `GENERATED_EVENTS` made-up events (name, place, numbers shared), dated."""
    rng = random.Random(seed)
    articles = []
    for event in range(GENERATED_EVENTS):
        place, thing = _PLACES[event % len(_PLACES)], _THINGS[event % len(_THINGS)]
        name = f"Ramirez{event}"
        day = date(2024, 1, 1) + timedelta(days=3 * event)
        for report in range(3):
            filler = " ".join(rng.choice(_WORDS) for _ in range(40))
            text = (
                f"A {thing} in {place} left {100 + event} people affected, {name} of the {place} {thing} "
                f"office told reporters. {filler.capitalize()}. {name} said the {thing} was the worst in "
                f"{place} since {1950 + event}."
            )
            if event < FURNISHED_EVENTS:
                text += f"\n\nThe Outlet{report} Ledger, morning edition."  # furniture: the corpus rule drops it
            articles.append(
                Article.from_text(
                    text, title=f"{place} {thing}, report {report}", source=f"Outlet{report}", published=day
                )
            )
    return articles


def write_pile(folder: Path) -> list[Path]:
    """Write the pile under `folder`; return the inputs to ingest (a JSONL file and the example folder)."""
    articles = twin_articles() + generated_articles()
    articles += [
        Article.from_text(WIRE, id="wire-1", source="Reuters"),
        Article.from_text(WIRE + " More later.", id="wire-2", source="Yahoo"),
    ]
    rows = [
        {"id": a.id, "title": a.title, "text": a.text, "source": a.source,
         "published": a.published and a.published.isoformat()}
        for a in articles
    ]  # fmt: skip
    if POOL.exists():
        with gzip.open(POOL, "rt") as lines:
            for number, line in enumerate(lines):
                if number >= POOL_ARTICLES:
                    break
                record = json.loads(line)
                rows.append({"id": record["id"], "text": record["text"]})
    pile = folder / "pile.jsonl"
    pile.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return [pile, EXAMPLE_DIR]


def store_contents(path: Path) -> tuple[object, ...]:
    """Everything a user sees of a store's stories: membership, the story listing, the table counts."""
    with open_store(path, read_only=True) as store:
        return store.story_membership(), store.stories(), store.counts()


def summit_stories(path: Path) -> set[str]:
    """The ids of the stories that hold a report of the summit example (one, when clustering is right)."""
    paths = {str(EXAMPLE_DIR / name) for name in EXAMPLE_FILES}
    with open_store(path, read_only=True) as store:
        return {
            info.id for info in store.stories(limit=None) if any(a.path in paths for a in store.story(info.id).articles)
        }
