"""Words, stems and stop words: the only tokenizer in newsfuse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import chain

import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
TEXT_BREAK = "\x00"  # never a word: stands between one text's words and the next's in `words_of_texts`
_WORD_OR_BREAK = re.compile(f"{_WORD.pattern}|{re.escape(TEXT_BREAK)}")
# PyStemmer's Snowball (Porter2) English, stateless once built. Its word cache is off: on a cluster's
# distinct words, looking a word up in the cache costs more than stemming it (0.8 against 0.4 ms a
# cluster of multinews-fulltext-sample), and it would carry words over from one input to the next.
_STEMMER = Stemmer.Stemmer("english", 0)

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "around",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "else",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "let",
        "like",
        "ll",
        "made",
        "make",
        "many",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "neither",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "quite",
        "rather",
        "re",
        "s",
        "same",
        "say",
        "said",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "still",
        "such",
        "t",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, with an apostrophe suffix kept: "don't")."""
    return _WORD.findall(_folded(text))


def words_of_texts(texts: Sequence[str]) -> list[str]:
    """The `words` of several texts in one tokenizer pass, with `TEXT_BREAK` between one text's and the next's."""
    joined = f"\n{TEXT_BREAK}\n".join(texts)
    if joined.count(TEXT_BREAK) != max(len(texts) - 1, 0):  # a text holds the mark itself: a pass a text
        return list(chain.from_iterable([TEXT_BREAK, *words(text)] for text in texts))[1:]
    return _WORD_OR_BREAK.findall(_folded(joined))


def _folded(text: str) -> str:
    """The text as words are read from it: lower-cased, curly apostrophes straight."""
    return text.lower().replace("’", "'")


@cache
def stem(word: str) -> str:
    """The Snowball English stem of a lower-cased word."""
    return str(_STEMMER.stemWord(word))


def stem_all(tokens: list[str]) -> list[str]:
    """The stems of lower-cased words, in one call to the stemmer (much faster than one a word)."""
    return list(_STEMMER.stemWords(tokens))


def content_stems(text: str) -> list[str]:
    """Stems of the words of `text` that are not stop words, in order."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def word_count(text: str) -> int:
    """Words as the length budget counts them: whitespace-separated tokens."""
    return len(text.split())
