"""Web stage: `newsfuse serve`, a small server-rendered app and JSON API over a store (needs the `web` extra).

app.py builds the app; views.py holds thin handlers; the rest are the pieces they call: one writer
thread owning the store's writes (writer.py), a pool of read connections (readers.py), a cache of
story comparisons (cache.py), uploads (uploads.py), the page values the templates show (pages.py),
JSON records (records.py) and the security headers and size limit (guard.py).
"""

from __future__ import annotations

from importlib.util import find_spec

from newsfuse.errors import MissingExtra

# checked here so that the message names the extra rather than one of its packages
_NEEDED = {"fastapi": "fastapi", "jinja2": "jinja2", "uvicorn": "uvicorn", "python_multipart": "python-multipart"}
_MISSING = [package for module, package in _NEEDED.items() if find_spec(module) is None]
if _MISSING:  # pragma: no cover - exercised without the extra installed
    raise MissingExtra(f"the web app needs: pip install 'newsfuse[web]' (missing: {', '.join(_MISSING)})")

from newsfuse.web.app import DEFAULT_HOST, DEFAULT_PORT, WebConfig, create_app, serve  # noqa: E402 - after the check

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "WebConfig", "create_app", "serve"]
