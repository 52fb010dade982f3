"""Clean one article: drop the lines a reader skims past, keep every sentence of the report."""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.clean.rules import KEEP, LineVerdict, is_video_label, judge_line, lines_with_notices, strip_notices
from newsfuse.model import Article, Cleaned, DroppedLine, DropReason
from newsfuse.text.datelines import find_dateline, outlet_name
from newsfuse.text.sentences import split_sentences

_BLANK_RUN = re.compile(r"\n{3,}")
# A line of more words than this is a paragraph (in one-line scrapes, such as Multi-News, the whole report): a rule
# that matches somewhere in it drops only the sentences it matches, never the paragraph. A caption or a promo is
# one or two sentences; 40 words is about two of them.
_PARAGRAPH_WORDS = 40
# Inside such a paragraph, a "sentence" of more words than this is the splitter missing boundaries (lower-cased
# scrapes run a caption into the report's lead): kept whole, since it holds report.
_RUN_ON_WORDS = 60


def _normalized(line: str) -> str:
    return " ".join(line.lower().split())


def _verdicts(lines: list[str], title: str | None) -> list[LineVerdict]:
    """Judge every line, using its neighbours for repeats and for captions under a video label."""
    verdicts: list[LineVerdict] = []
    # the last kept line, normalized only when a line could repeat it (their first letters agree)
    previous_kept = _normalized(title) if title else ""
    previous_line: str | None = None
    after_video_label = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            verdicts.append(KEEP)
            after_video_label = False  # a blank line ends the video block
            continue
        verdict = judge_line(stripped)
        if verdict.reason is None:
            first = previous_kept[:1] if previous_line is None else previous_line[:1].lower()[:1]
            if stripped[:1].lower()[:1] == first:
                if previous_line is not None:
                    previous_kept, previous_line = _normalized(previous_line), None
                if _normalized(stripped) == previous_kept:
                    verdict = LineVerdict(
                        DropReason.TITLE if _normalized(stripped) == _normalized(title or "") else DropReason.REPEAT
                    )
        if verdict.reason is None and after_video_label:
            # the line straight under a player label is the video's description, not the report
            verdict = LineVerdict(DropReason.CAPTION)
            after_video_label = False
        if verdict.reason is DropReason.CAPTION and is_video_label(stripped):
            after_video_label = True
        if verdict.reason is None:
            previous_line = stripped
        verdicts.append(verdict)
    return verdicts


def _infer_source(article: Article, kept_text: str, verdicts: list[LineVerdict]) -> str | None:
    """The outlet, from metadata, else a sign-off or outlet plug, else the wire agency of a dateline."""
    if article.source:
        return article.source
    named = [verdict.outlet for verdict in verdicts if verdict.outlet]
    if named:
        return outlet_name(named[-1])
    for line in kept_text.split("\n", 10)[:10]:
        dateline = find_dateline(line.strip())
        if dateline and dateline.agency:
            return outlet_name(dateline.agency)
    return None


def _more_words_than(text: str, n: int) -> bool:
    return len(text.split(maxsplit=n)) > n


def _without_junk_sentences(line: str) -> tuple[str, list[tuple[str, DropReason]]] | None:
    """A paragraph a line rule matched, judged a sentence at a time: what is left of it and the sentences
    dropped with their reasons; None when it is one sentence (the line's verdict stands)."""
    sentences = split_sentences(line)
    if len(sentences) < 2:
        return None
    kept: list[str] = []
    junk: list[tuple[str, DropReason]] = []
    for sentence in sentences:
        # a "sentence" this long is the splitter missing boundaries (lower-cased scrapes): it holds report too
        reason = None if _more_words_than(sentence.text, _RUN_ON_WORDS) else judge_line(sentence.text).reason
        if reason is None:
            kept.append(sentence.text)
        else:
            junk.append((sentence.text, reason))
    return " ".join(kept), junk


def clean_article(article: Article) -> Cleaned:
    """Return the article with junk lines removed (same id), and what was removed and why."""
    lines = article.text.split("\n")
    verdicts = _verdicts(lines, article.title)
    noticed = lines_with_notices(article.text)
    kept: list[str] = []
    dropped: list[DroppedLine] = []
    for number, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        judged = None
        # a paragraph a rule matched on its own words (not a repeat, nor the description under a video label)
        if verdict.reason is not None and _more_words_than(line, _PARAGRAPH_WORDS) and judge_line(line.strip()).reason:
            judged = _without_junk_sentences(line)
        if judged is not None:
            line, junk = judged
            dropped.extend(DroppedLine(article.id, sentence, reason) for sentence, reason in junk)
            if not line:
                continue
        elif verdict.reason is not None:
            dropped.append(DroppedLine(article.id, line.strip(), verdict.reason))
            continue
        # a paragraph rebuilt from its kept sentences is checked whole: the notice words were found in the original
        rest, notices = strip_notices(line.rstrip()) if number in noticed or judged is not None else (line.rstrip(), ())
        if notices:
            dropped.extend(DroppedLine(article.id, notice.strip(), DropReason.NOTICE) for notice in notices)
        if rest.strip() or not line.strip():
            kept.append(rest)
    text = _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip()
    return Cleaned(replace(article, text=text, source=_infer_source(article, text, verdicts)), tuple(dropped))
