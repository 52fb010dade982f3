"""The pages and the JSON API over a store holding the example: one story, three sources, every citation checkable."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from tests.web.conftest import TestClient, client_for, example_files

CITE = re.compile(r'<a class="cite" href="([^"]+)"')


def test_web_add_example_lands_on_one_story_with_three_sources(tmp_path: Path) -> None:
    from newsfuse.web import WebConfig, create_app

    with client_for(create_app(WebConfig(db=tmp_path / "news.duckdb"))) as client:
        response = client.post("/add", files=example_files())
        assert response.status_code == 303
        story = client.get(response.headers["location"])
        stories = client.get("/api/stories").json()
    assert story.status_code == 200
    assert "Added 3 articles" in story.text
    assert story.text.count('<li id="a') == 3  # the sources list
    assert stories["total"] == 1
    assert stories["stories"][0]["size"] == 3
    assert stories["stories"][0]["sources"] == ["Bloomberg", "France 24", "SBS News"]


def test_web_story_page_shows_every_section(summit: tuple[TestClient, str]) -> None:
    client, story_id = summit
    html = client.get(f"/stories/{story_id}").text
    for heading in ("Summary", "Agreed", "Single source", "Contested", "Entities", "Timeline", "Sources"):
        assert f"<h2>{heading}</h2>" in html
    assert "Ho Chi Minh City" in html
    assert "Friday 18 January 2019" in html
    assert "Kim Yong Chol" in html


def test_web_every_citation_opens_its_sentence_marked(summit: tuple[TestClient, str]) -> None:
    client, story_id = summit
    comparison = client.get(f"/api/stories/{story_id}").json()["comparison"]
    html = client.get(f"/stories/{story_id}").text
    hrefs = sorted({unescape(h) for h in CITE.findall(html)})
    assert len(hrefs) > 20
    for href in hrefs[:40]:
        page = client.get(href)
        assert page.status_code == 200
        index = int(href.rsplit("#s", 1)[1])
        marked = re.findall(r'<span class="sentence marked" id="s(\d+)">', page.text)
        assert marked == [str(index)], href
    # a summary sentence's first citation opens the very sentence it was taken from
    first = comparison["summary"]["sentences"][0]
    origin = first["origin"]
    article = client.get(f"/api/articles/{origin['article_id']}").json()
    sentence = next(s for s in article["sentences"] if s["index"] == origin["index"])
    assert article["text"][origin["start"] : origin["end"]].endswith(sentence["text"])


def test_web_api_story_carries_the_cli_comparison_schema(summit: tuple[TestClient, str]) -> None:
    client, story_id = summit
    record = client.get(f"/api/stories/{story_id}").json()
    assert (record["schema"], record["version"]) == ("newsfuse.story", 1)
    assert record["story"]["id"] == story_id
    comparison = record["comparison"]
    assert (comparison["schema"], comparison["version"]) == ("newsfuse.comparison", 1)
    assert comparison["summary"]["schema"] == "newsfuse.summary"
    assert len(comparison["summary"]["articles"]) == 3
    assert all(s["citations"] for s in comparison["summary"]["sentences"])


def test_web_article_page_shows_what_cleaning_dropped_and_why(summit: tuple[TestClient, str]) -> None:
    client, story_id = summit
    record = client.get(f"/api/stories/{story_id}").json()
    france24 = next(a for a in record["comparison"]["summary"]["articles"] if a["source"] == "France 24")
    page = client.get(f"/articles/{france24['id']}").text
    assert '<details class="dropped">' in page
    assert "photo or video caption or credit" in page
    assert "Saul Loeb, AFP" in page.split('<details class="dropped">')[1]  # dropped, so only under the details
    assert "Saul Loeb, AFP" not in page.split('<details class="dropped">')[0]
    api = client.get(f"/api/articles/{france24['id']}").json()
    assert (api["schema"], api["story_id"]) == ("newsfuse.article", story_id)
    assert {d["reason"] for d in api["dropped"]} >= {"photo or video caption or credit"}


def test_web_search_and_outlet_filter(summit: tuple[TestClient, str]) -> None:
    client, story_id = summit
    assert client.get("/api/stories", params={"q": "vietnam"}).json()["total"] == 1
    assert client.get(f"/stories/{story_id}").status_code == 200  # a first reading saves the summary ...
    client.app.state.newsroom.writer.submit(lambda store: None).result()  # (through the writer, in order)
    assert client.get("/api/stories", params={"q": "Kim Yong Chol"}).json()["total"] == 1  # ... where search finds it
    assert client.get("/api/stories", params={"q": "no such words anywhere"}).json()["total"] == 0
    assert client.get("/api/stories", params={"q": "100%_"}).json()["total"] == 0  # LIKE wildcards are literal
    assert client.get("/api/stories", params={"outlet": "SBS News"}).json()["stories"][0]["id"] == story_id
    assert client.get("/api/stories", params={"outlet": "Nobody"}).json()["total"] == 0
    page = client.get("/", params={"q": "vietnam"}).text
    assert f'href="/stories/{story_id}"' in page
    assert '<option value="France 24">' in page


def test_web_dated_stories_filter_by_date(tmp_path: Path) -> None:
    from newsfuse.web import WebConfig, create_app

    lines = [
        '{"title": "Harbour bridge reopens after repairs to its deck", "source": "Coast Daily", "published": "2024-03-02",'
        ' "text": "The harbour bridge reopened on Saturday after three months of repairs to its deck, the city said."}',
        '{"title": "Mountain pass closed by heavy snowfall overnight", "source": "Alpine News", "published": "2023-12-20",'
        ' "text": "The mountain pass was closed on Wednesday after heavy snowfall buried the road under two metres."}',
    ]
    with client_for(create_app(WebConfig(db=tmp_path / "news.duckdb"))) as client:
        added = client.post(
            "/api/add", files=[("files", ("news.jsonl", "\n".join(lines).encode(), "application/json"))]
        )
        assert added.status_code == 201, added.text
        listing = client.get("/api/stories").json()
        assert [s["first"] for s in listing["stories"]] == ["2024-03-02", "2023-12-20"]  # newest first
        assert client.get("/api/stories", params={"since": "2024-01-01"}).json()["total"] == 1
        assert client.get("/api/stories", params={"until": "2023-12-31"}).json()["stories"][0]["sources"] == [
            "Alpine News"
        ]
        assert client.get("/", params={"since": "2024-01-01", "until": "2024-12-31"}).text.count('href="/stories/') == 1


def test_web_openapi_documents_the_api_and_nothing_loads_from_a_cdn(summit: tuple[TestClient, str]) -> None:
    client, story_id = summit
    document = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/add"} <= set(
        document["paths"]
    )
    schema = document["paths"]["/api/stories"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["schema"] == {"const": "newsfuse.stories"}
    assert client.get("/docs").status_code == 404  # Swagger UI would load its script from a CDN
    for path in ("/", "/add", f"/stories/{story_id}"):
        assert not re.search(r'(src|href)="(https?:)?//', client.get(path).text)


def test_web_unknown_ids_are_404(summit: tuple[TestClient, str]) -> None:
    client, _ = summit
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/api/stories/nope").json() == {"detail": "no story 'nope'"}
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/stories", params={"after": "garbage"}).status_code == 400


def test_web_paging_by_cursor_walks_every_story_once(tmp_path: Path) -> None:
    from newsfuse.web import WebConfig, create_app

    topics = [
        "Harbour bridge reopens after repairs\n\nEngineers replaced corroded steel girders beneath the harbour crossing.",
        "Mountain pass closed by snowfall\n\nAvalanche crews shut the alpine road as blizzards buried chalets.",
        "Library budget vote delayed again\n\nCouncillors postponed funding for books, reading rooms and archivists.",
        "River flood warning for farmers\n\nHydrologists expect the swollen tributary to drown orchards and vineyards.",
        "Airport runway resurfacing begins soon\n\nJetliners will divert while asphalt crews rebuild the tarmac strip.",
    ]
    files = [("files", (f"{n}.txt", text.encode(), "text/plain")) for n, text in enumerate(topics)]
    with client_for(create_app(WebConfig(db=tmp_path / "news.duckdb"))) as client:
        assert client.post("/api/add", files=[*files, *example_files()]).status_code == 201
        everything = [s["id"] for s in client.get("/api/stories").json()["stories"]]
        walked: list[str] = []
        after = None
        while True:
            page = client.get("/api/stories", params={"limit": 2, **({"after": after} if after else {})}).json()
            walked += [s["id"] for s in page["stories"]]
            after = page["next"]
            if after is None:
                break
        html = client.get("/", params={"after": client.get("/api/stories", params={"limit": 1}).json()["next"]}).text
        sizes = [s["size"] + s["copies"] for s in client.get("/api/stories").json()["stories"]]
    assert sizes == sorted(sizes, reverse=True)  # all undated: biggest first
    assert len(everything) >= 4  # the example's story and the others (the clusterer may join two tiny ones)
    assert walked == everything
    assert f'href="/stories/{everything[0]}"' not in html


def test_web_sources_mark_copies_of_one_wire_story(tmp_path: Path) -> None:
    from newsfuse.web import WebConfig, create_app

    wire = (
        "The port authority said on Monday that container traffic rose by a fifth in the first quarter of the year, "
        "driven by exports of machinery and grain to Asian buyers, and that a new quay would open in the autumn. "
        "Dock workers welcomed the figures but warned that overtime had doubled since January."
    )
    lines = [
        f'{{"title": "Port traffic rises by a fifth", "source": "Wire A", "text": "{wire}"}}',
        f'{{"title": "Container traffic up 20 percent", "source": "Paper B", "text": "{wire} Reporting by Paper B."}}',
    ]
    with client_for(create_app(WebConfig(db=tmp_path / "news.duckdb"))) as client:
        added = client.post(
            "/api/add", files=[("files", ("wire.jsonl", "\n".join(lines).encode(), "application/json"))]
        )
        assert added.status_code == 201, added.text
        assert added.json()["copies"] == 1
        page = client.get(f"/stories/{added.json()['story_id']}").text
    kept = re.search(r'<span class="meta">(Wire A|Paper B) ·', page)
    assert kept is not None
    other = {"Wire A": "Paper B", "Paper B": "Wire A"}[kept.group(1)]
    assert f"Wire copy: the same text also printed by {other} (counted once)" in page
    assert page.count('<li id="a') == 1
