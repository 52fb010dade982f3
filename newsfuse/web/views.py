"""Thin handlers: parse the request, make one call on the `Newsroom`, render a template or a JSON record.

Pages (server-rendered, readable without script): `/` stories, `/stories/{id}`, `/articles/{id}`, `/add`.
The JSON API beside them: `/api/stories`, `/api/stories/{id}`, `/api/articles/{id}`, `POST /api/add`, `/api/status`.
`add_routes` registers them all in one table (no router built at import).
"""

from __future__ import annotations

import queue
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from newsfuse.errors import ConfigError, NewsfuseError, StoreError
from newsfuse.model import Problem
from newsfuse.store.browse import MAX_PAGE_SIZE, StoryQuery
from newsfuse.web import records
from newsfuse.web.newsroom import Newsroom
from newsfuse.web.pages import story_href, story_view
from newsfuse.web.uploads import PASTED_NAME, Upload

Text = Annotated[str | None, Query(description="A phrase searched in headlines, titles, lead sentences and summaries.")]
Outlet = Annotated[str | None, Query(description="Only stories with an article from this outlet.")]
After = Annotated[str | None, Query(description="The `next` cursor of the previous page.")]
Pasted = Annotated[str, Form(description="An article's text, pasted (first line: the headline).")]
Files = Annotated[list[UploadFile] | None, File(description="Files in any format the CLI reads.")]


def _room(request: Request) -> Newsroom:
    room: Newsroom = request.app.state.newsroom
    return room


def _page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(request_path=request.url.path, **values)
    return HTMLResponse(html, status_code=status)


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} {value!r}: expected a date as YYYY-MM-DD") from None


async def _uploads(text: str, files: list[UploadFile] | None) -> list[Upload]:
    uploads = [Upload(PASTED_NAME, text.encode("utf-8"))] if text.strip() else []
    for file in files or []:
        uploads.append(Upload(file.filename or "upload", await file.read()))
    return uploads


# --- pages ---


def stories_page(
    request: Request, q: str | None = None, outlet: str | None = None, since: str | None = None,
    until: str | None = None, after: str | None = None,
) -> HTMLResponse:  # fmt: skip
    query = StoryQuery(q or None, outlet or None, _date(since, "since"), _date(until, "until"), after or None)
    room = _room(request)
    return _page(request, "stories.html", page=room.stories(query), query=query, outlets=room.outlets())


def _story(request: Request, story_id: str, added: int | None, skipped: tuple[Problem, ...] = ()) -> HTMLResponse:
    read = _room(request).story(story_id)
    view = story_view(read.info, read.story, read.comparison)
    return _page(request, "story.html", view=view, added=added, skipped=skipped)


def story_page(request: Request, story_id: str, added: int | None = None) -> HTMLResponse:
    return _story(request, story_id, added)


def article_page(request: Request, article_id: str, hl: int | None = None) -> HTMLResponse:
    return _page(request, "article.html", view=_room(request).article(article_id, marked=hl))


def add_page(request: Request) -> HTMLResponse:
    return _page(request, "add.html", limit=request.app.state.config.max_upload_bytes, error=None)


async def add_form(request: Request, text: Pasted = "", files: Files = None) -> Response:
    uploads = await _uploads(text, files)
    added, story_id = await run_in_threadpool(_room(request).add, uploads)
    if story_id is None:
        raise ConfigError("the news was read but joined no story (nothing was left after cleaning)")
    if not added.problems:
        return RedirectResponse(f"{story_href(story_id)}?added={len(added.article_ids)}", status_code=303)
    return await run_in_threadpool(_story, request, story_id, len(added.article_ids), added.problems)


# --- JSON API ---


def api_stories(
    request: Request, q: Text = None, outlet: Outlet = None, since: date | None = None, until: date | None = None,
    after: After = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> JSONResponse:  # fmt: skip
    """List stories, newest and biggest first (`newsfuse.stories` v1); page on with `after=next`."""
    page = _room(request).stories(StoryQuery(q or None, outlet or None, since, until, after or None, limit))
    return JSONResponse(records.stories_record(page))


def api_story(request: Request, story_id: str) -> JSONResponse:
    """One story with its cited summary and comparison (`newsfuse.story` v1; `comparison` as the CLI's JSON)."""
    read = _room(request).story(story_id)
    return JSONResponse(records.story_record(read.info, read.comparison))


def api_article(request: Request, article_id: str) -> JSONResponse:
    """One article's cleaned text, its sentences and what cleaning dropped (`newsfuse.article` v1)."""
    return JSONResponse(records.article_record_full(_room(request).article(article_id, marked=None)))


def api_status(request: Request) -> JSONResponse:
    """How many stories have their comparison stored, and what the background warmer has done (`newsfuse.status` v1)."""
    return JSONResponse(records.status_record(_room(request).status()))


async def api_add(request: Request, text: Pasted = "", files: Files = None) -> JSONResponse:
    """Add news (pasted text and files), ingest it, and say which story it joined (`newsfuse.added` v1)."""
    added, story_id = await run_in_threadpool(_room(request).add, await _uploads(text, files))
    return JSONResponse(records.added_record(added, story_id), status_code=201)


def _json(schema: dict[str, object]) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"schema": schema}}}}


def add_routes(app: FastAPI) -> None:
    """Register every page and API route: the one table of what the app answers."""
    for path, view in (
        ("/", stories_page),
        ("/stories/{story_id}", story_page),
        ("/articles/{article_id:path}", article_page),
        ("/add", add_page),
    ):
        app.add_api_route(path, view, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)
    app.add_api_route("/add", add_form, methods=["POST"], include_in_schema=False)
    app.add_api_route("/api/stories", api_stories, methods=["GET"], responses=_json(records.STORIES_JSON_SCHEMA))
    app.add_api_route(
        "/api/stories/{story_id}", api_story, methods=["GET"], responses={**_json(records.STORY_JSON_SCHEMA), 404: {}}
    )
    app.add_api_route(
        "/api/articles/{article_id:path}",
        api_article,
        methods=["GET"],
        responses={**_json(records.ARTICLE_JSON_SCHEMA), 404: {}},
    )
    app.add_api_route("/api/status", api_status, methods=["GET"], responses=_json(records.STATUS_JSON_SCHEMA))
    app.add_api_route(
        "/api/add",
        api_add,
        methods=["POST"],
        status_code=201,
        responses={
            201: {"content": {"application/json": {"schema": records.ADDED_JSON_SCHEMA}}},
            400: {"description": "nothing readable"},
            413: {"description": "over the upload limit"},
        },
    )


# --- errors: one line saying what is wrong, as a page or as JSON ---


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    return _page(request, "error.html", status=status, status_code=status, message=message)


def add_error_handlers(app: FastAPI) -> None:
    """Turn newsfuse's errors into 404 (unknown id) or 400 pages and JSON, never a traceback."""

    async def store_error(request: Request, error: Exception) -> Response:
        return _error(request, 404, str(error).split(": ", 1)[-1])

    async def user_error(request: Request, error: Exception) -> Response:
        return _error(request, 400, str(error))

    async def invalid(request: Request, error: Exception) -> Response:
        details = error.errors() if isinstance(error, RequestValidationError) else []
        message = "; ".join(f"{'.'.join(str(p) for p in d.get('loc', ())[1:])}: {d.get('msg', '')}" for d in details)
        return _error(request, 422 if request.url.path.startswith("/api/") else 400, message or "invalid request")

    async def busy(request: Request, error: Exception) -> Response:
        return _error(request, 503, "the server is busy: try again in a moment")

    async def http_error(request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        detail = error.detail if isinstance(error, HTTPException) else "error"
        return _error(request, status, "no such page" if status == 404 else str(detail))

    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(NewsfuseError, user_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(queue.Empty, busy)
    app.add_exception_handler(HTTPException, http_error)
