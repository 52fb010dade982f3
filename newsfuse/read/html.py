"""HTML pages: main text, title, date and site name through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsfuse.model import Article
from newsfuse.read.base import ReadItem, Unreadable, decode, parse_date, read_limited


def read_html(name: str, stream: BinaryIO) -> Iterator[ReadItem]:
    """Extract the article of one HTML page (trafilatura, with its metadata)."""
    import trafilatura  # imported here: it takes ~0.5 s, and only HTML inputs need it

    html = decode(read_limited(name, stream))
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, deduplicate=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise Unreadable("no article text found in the HTML page")
    yield Article.from_text(
        # trafilatura gives one paragraph a line; newsfuse keeps paragraphs apart with blank lines
        "\n\n".join(line.strip() for line in text.split("\n") if line.strip()),
        title=getattr(document, "title", None) or None,
        source=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        published=parse_date(getattr(document, "date", None)),
        path=name,
    )
