"""The sentences of a cluster, prepared once for scoring, matching and selection."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsfuse.model import Article, Sentence
from newsfuse.text.datelines import find_dateline
from newsfuse.text.sentences import split_sentences
from newsfuse.text.similarity import TermMatrix, term_matrix
from newsfuse.text.tokens import word_count

# A summary sentence must stand on its own: long enough to say something, short enough to read,
# ending like a sentence. Bounds checked on the Multi-News full-text sample.
MIN_WORDS = 6
MAX_WORDS = 45
# Under this share of capitals among letters an article was lower-cased (news prose has ~3-5%).
LOWERCASED_CAPITALS = 0.02
LOWERCASED_SAMPLE = 2000
# a sentence ends in ".", "!" or "?", maybe followed by closing quotes and brackets
_SENTENCE_ENDS = (".", "!", "?")
_CLOSING_MARKS = "\"'”’)]"
_STARTS_LIKE_SENTENCE = re.compile(r"""^["'“‘(]?[A-Z0-9]""")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_CAPITALS = string.ascii_uppercase.encode()


@dataclass(frozen=True, slots=True)
class Candidates:
    """Every sentence of every article, with the arrays the engine scores them by.

    Row i of every array describes `sentences[i]`; `article[i]` is the article's input position and
    `position[i]` the sentence's position within its article.
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    texts: tuple[str, ...]  # display text: the sentence with its dateline taken off
    article: np.ndarray
    position: np.ndarray
    n_words: np.ndarray
    eligible: np.ndarray
    terms: TermMatrix
    vectors: sp.csr_matrix


def display_text(sentence: Sentence) -> str:
    """The sentence as a summary shows it: without the dateline that opens an article."""
    dateline = find_dateline(sentence.text) if sentence.index == 0 or sentence.paragraph <= 1 else None
    text = sentence.text[dateline.length :] if dateline else sentence.text
    return text[:1].upper() + text[1:]


def opens_unclosed_quote(text: str) -> bool:
    """True for the first piece of a quotation the splitter cut in two ('"We don't know. However, ...')."""
    return text[:1] in '"“' and not balanced_quotes(text)


def balanced_quotes(text: str) -> bool:
    """False for a piece of a quotation cut by the splitter (an opening quote never closed)."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def is_lowercased(text: str) -> bool:
    """True for text whose capitals were taken out (Multi-News' release): no sentence starts to check."""
    sample = text[:LOWERCASED_SAMPLE]  # a corpus is lower-cased throughout: its opening tells
    # ASCII letters counted in C (bytes.translate deletes them); the few other characters one by one
    ascii_part = sample.encode("ascii", "ignore")
    others = _NON_ASCII.findall(sample)
    letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS)) + sum(map(str.isalpha, others))
    capitals = len(ascii_part) - len(ascii_part.translate(None, _ASCII_CAPITALS)) + sum(map(str.isupper, others))
    return letters > 0 and capitals / letters < LOWERCASED_CAPITALS


def _eligible(text: str, n: int, lowercased: bool) -> bool:
    return (
        MIN_WORDS <= n <= MAX_WORDS
        and text.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS)
        and (lowercased or bool(_STARTS_LIKE_SENTENCE.match(text)))
        and balanced_quotes(text)
    )


def prepare(articles: Sequence[Article]) -> Candidates:
    """Split every article and compute what the engine needs of each sentence."""
    sentences: list[Sentence] = []
    article_of: list[int] = []
    position: list[int] = []
    lowercased: list[bool] = []
    for number, article in enumerate(articles):
        article_lowercased = is_lowercased(article.text)
        for sentence in split_sentences(article.text, article.id):
            sentences.append(sentence)
            article_of.append(number)
            position.append(sentence.index)
            lowercased.append(article_lowercased)
    texts = tuple(display_text(sentence) for sentence in sentences)
    terms = term_matrix(texts)
    n_words = [word_count(text) for text in texts]
    return Candidates(
        articles=tuple(articles),
        sentences=tuple(sentences),
        texts=texts,
        article=np.array(article_of, dtype=np.int64),
        position=np.array(position, dtype=np.int64),
        n_words=np.array(n_words, dtype=np.int64),
        eligible=np.array(
            [_eligible(text, n, low) for text, n, low in zip(texts, n_words, lowercased, strict=True)], dtype=bool
        ),
        terms=terms,
        vectors=terms.tfidf(),
    )
