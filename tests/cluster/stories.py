"""Small hand-written stories for the clustering, dedup, store and ingest tests: two twin events and others."""

from __future__ import annotations

from datetime import date

from newsfuse.model import Article
from tests.conftest import make_article

REID = (
    "Actress Tara Reid has checked into the Promises Treatment Center in Malibu, her publicist Jack Ketsoyan said on Friday.",
    "Tara Reid, the American Pie star, entered Promises in Malibu this week, publicist Jack Ketsoyan confirmed to People.",
    "Jack Ketsoyan, a spokesman for Tara Reid, said the actress is being treated at Promises Treatment Center in Malibu.",
)
LOHAN = (
    "Lindsay Lohan has checked into the Betty Ford Center in Rancho Mirage, her lawyer Shawn Holley told the court on Monday.",
    "Lohan arrived at the Betty Ford Center in Rancho Mirage late on Sunday, lawyer Shawn Holley said, as a judge had ordered.",
    "A judge ordered Lindsay Lohan to rehab; Shawn Holley said her client reached the Betty Ford Center in Rancho Mirage.",
)
QUAKE = (
    "A magnitude 7.0 earthquake struck the Aegean Sea near Izmir on Friday, toppling buildings and killing at least 20 people.",
    "Rescuers in Izmir pulled survivors from collapsed buildings after the Aegean earthquake killed at least 20 people on Friday.",
)
OTHERS = (
    "Voters in Bolivia elected Luis Arce as president, official results showed, as the former economy minister won a majority.",
    "The central bank of Norway kept its key interest rate at zero and said it expected no change for the next two years.",
    "Astronomers using the Hubble telescope found water vapour in the atmosphere of a distant planet orbiting a red dwarf.",
)


def twin_articles(published: date | None = None) -> list[Article]:
    """Three reports of Reid's rehab, three of Lohan's, two of an earthquake and three unrelated ones."""
    groups = {"reid": REID, "lohan": LOHAN, "quake": QUAKE, "other": OTHERS}
    articles = []
    for name, texts in groups.items():
        for number, text in enumerate(texts):
            label = f"{name}-{number}" if name == "other" else name
            articles.append(
                make_article(text, id=f"{name}{number}", source=f"Outlet {number}", published=published, path=label)
            )
    return articles


def gold(articles: list[Article]) -> list[str]:
    """The event of each article built by `twin_articles` (kept in `path`)."""
    return [article.path or "" for article in articles]
