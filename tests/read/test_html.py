"""HTML pages: trafilatura finds the main text, title, date and site name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsfuse.read import read_all

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Summit set for February | Daily Planet</title>
  <meta property="og:title" content="Summit set for February">
  <meta property="og:site_name" content="Daily Planet">
  <meta property="article:published_time" content="2019-01-18T10:00:00Z">
  <link rel="canonical" href="https://dailyplanet.example/world/summit-set-for-february">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <main>
    <article>
      <h1>Summit set for February</h1>
      <p>President Donald Trump will meet North Korean leader Kim Jong-un for a second time near the end of
         February, the White House said on Friday.</p>
      <p>The announcement came after a 90-minute meeting between Mr. Trump and Kim Yong Chol, a senior North
         Korean official, at the White House.</p>
      <p>Vietnam is the most likely venue for the talks, officials said, though no final decision has been made.</p>
    </article>
  </main>
  <aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li></ul></aside>
  <footer><p>Copyright 2019 Daily Planet. All rights reserved.</p><a href="/subscribe">Subscribe</a></footer>
</body>
</html>
"""


def test_html_page_gives_title_date_site_and_main_text(tmp_path: Path) -> None:
    path = tmp_path / "summit.html"
    path.write_text(PAGE, encoding="utf-8")
    report = read_all([path])
    assert report.problems == ()
    (article,) = report.articles
    assert article.title == "Summit set for February"
    assert article.source == "Daily Planet"
    assert article.published == date(2019, 1, 18)
    assert article.url == "https://dailyplanet.example/world/summit-set-for-february"
    assert "a 90-minute meeting between Mr. Trump and Kim Yong Chol" in article.text
    assert "Vietnam is the most likely venue" in article.text
    for chrome in ("Home", "Sport", "Celebrity chef", "All rights reserved", "Subscribe"):
        assert chrome not in article.text


def test_html_paragraphs_kept_apart_by_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "summit.htm"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_all([path]).articles
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("President Donald Trump will meet") for p in paragraphs)
    assert any(p.startswith("Vietnam is the most likely venue") for p in paragraphs)


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_all([path]).articles
    assert article.title == "Summit set for February"


def test_html_page_without_article_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>")
    report = read_all([path])
    assert report.articles == ()
    (problem,) = report.problems
    assert problem.path == str(path)
    assert "no article text" in problem.reason
