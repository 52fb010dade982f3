"""Build the web app over a store: `create_app(WebConfig(db=...))`, or `serve(...)` to run it with uvicorn.

Binds 127.0.0.1 unless told otherwise. The OpenAPI document is at /api/openapi.json (its interactive
viewers load scripts from a CDN, so they are left out: the app needs no network).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsfuse.compare import CompareConfig
from newsfuse.compare.config import NerChoice
from newsfuse.errors import ConfigError
from newsfuse.store import default_store_path
from newsfuse.web import views
from newsfuse.web.cache import DEFAULT_CAPACITY
from newsfuse.web.guard import BodyLimit, SecurityHeaders
from newsfuse.web.newsroom import Newsroom
from newsfuse.web.readers import DEFAULT_READERS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# The readers refuse a single text or HTML file over 20 MB (read/base.py MAX_FILE_BYTES); a request
# may carry that much in all.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebConfig:
    """How the app runs: its store, the upload limit, read connections, the entity recognizer, cached stories, warming.

    `ner` is "classic" by default: spaCy ("auto", "spacy") names entities better but takes seconds a story.
    `warm`: compare the stories in the background (newest and biggest first) and store the comparisons,
    so that story pages read them; off, a story is compared (and stored) the first time it is read.
    """

    db: Path = field(default_factory=default_store_path)
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    readers: int = DEFAULT_READERS
    ner: NerChoice = "classic"
    cache_size: int = DEFAULT_CAPACITY
    warm: bool = True

    def __post_init__(self) -> None:
        if self.max_upload_bytes < 1:
            raise ConfigError(f"upload limit {self.max_upload_bytes} bytes: expected at least 1")
        if self.readers < 1:
            raise ConfigError(f"{self.readers} read connections: expected at least 1")
        if self.cache_size < 1:
            raise ConfigError(f"comparison cache of {self.cache_size}: expected at least 1")


def create_app(config: WebConfig | None = None) -> FastAPI:
    """The app, with its store opened (raises StoreError now, not at the first request); closed at shutdown."""
    from newsfuse import __version__  # the package root imports much: import late

    config = config or WebConfig()
    newsroom = Newsroom(
        config.db,
        readers=config.readers,
        compare=CompareConfig(ner=config.ner),
        cache_size=config.cache_size,
        warm=config.warm,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        newsroom.close()

    app = FastAPI(
        title="newsfuse",
        version=__version__,
        summary="Stories from many news reports: cited summaries, what the sources agree on and where they differ.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.newsroom = newsroom
    app.state.config = config
    app.state.templates = jinja2.Environment(
        loader=jinja2.PackageLoader("newsfuse.web", "templates"),
        autoescape=True,  # article text is never markup
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    app.mount("/static", StaticFiles(packages=[("newsfuse.web", "static")], follow_symlink=False), name="static")
    views.add_routes(app)
    views.add_error_handlers(app)
    app.add_middleware(BodyLimit, limit=config.max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def serve(config: WebConfig, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the app until interrupted."""
    uvicorn.run(create_app(config), host=host, port=port, log_level="info", server_header=False)
