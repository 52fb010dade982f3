"""Plain-text articles: one a file, a headline first line becomes the title, any common encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsfuse.read import read_all

HEADLINE = "Trump and Kim to hold second summit next month"
BODY = "President Donald Trump will meet Kim Jong-un in February, the White House said.\n\nThe talks follow Singapore."


def test_text_folder_reads_every_file_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Vietnam prepares to host the summit\n\nHanoi is ready, officials said.\n")
    report = read_all([tmp_path])
    assert report.problems == ()
    assert [a.title for a in report.articles] == ["Vietnam prepares to host the summit", HEADLINE]
    assert [Path(a.path or "").name for a in report.articles] == ["a.txt", "b.txt"]


def test_text_headline_becomes_title_and_leaves_the_body(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    (article,) = read_all([path]).articles
    assert article.title == HEADLINE
    assert article.text == BODY
    assert article.path == str(path)


def test_text_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,) = read_all([path]).articles
    assert article.title is None
    assert article.text == BODY


def test_text_example_titles(example_dir: Path) -> None:
    titles = [a.title for a in read_all([example_dir]).articles]
    assert titles == [
        "Trump and N. Korea's Kim Jong-un to hold second summit next month",
        "Trump to meet Kim Jong-un in February for second US-North Korea summit",
        "Trump-Kim summit in February expected to take place in Vietnam",
    ]


ACCENTED = "Café talks resume in Hanoi today\n\nThe naïve café owner, François Müller, said “hello” – and left."


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(codecs.BOM_UTF8 + ACCENTED.encode("utf-8"), id="utf-8-bom"),
        pytest.param(ACCENTED.encode("utf-16"), id="utf-16-bom"),
        pytest.param(ACCENTED.encode("cp1252"), id="cp1252"),
        pytest.param(ACCENTED.replace("“", '"').replace("”", '"').replace("–", "-").encode("latin-1"), id="latin-1"),
        pytest.param(ACCENTED.encode("utf-8"), id="utf-8"),
    ],
)
def test_text_encoding_decoded_exactly(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(encoded)
    report = read_all([path])
    assert report.problems == ()
    (article,) = report.articles
    assert article.title == "Café talks resume in Hanoi today"
    assert "naïve café owner, François Müller" in article.text
    assert not article.text.startswith("\ufeff")
    if b"\x93" in encoded or b"\xe2\x80\x9c" in encoded:  # the curly quotes survive too
        assert "“hello” – and left." in article.text


def test_text_crlf_line_ends_read_as_newlines(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(f"{HEADLINE}\r\n\r\n{BODY}\r\n".replace("\n\n", "\r\n\r\n").encode())
    (article,) = read_all([path]).articles
    assert article.title == HEADLINE
    assert "\r" not in article.text


def test_text_utf8_with_a_stray_byte_keeps_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(ACCENTED.encode("utf-8") + b" \xff")
    (article,) = read_all([path]).articles
    assert "François Müller" in article.text  # not "FranÃ§ois"
