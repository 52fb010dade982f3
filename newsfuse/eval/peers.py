"""Peer summarizers from other packages, fed newsfuse's own sentences and words.

sumy's summarizers (LexRank, TextRank, LSA, SumBasic) and summa's TextRank rank sentences;
every peer then takes its best-ranked sentences until the word budget is reached, and the
harness cuts the result like any other system's. Peers are benchmark dependencies only: they
are imported when a peer is built and missing ones raise `MissingExtra`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from newsfuse.errors import MissingExtra
from newsfuse.eval.datasets import EvalCluster
from newsfuse.eval.rouge import EVAL_EXTRA_HINT
from newsfuse.text.sentences import split_sentences
from newsfuse.text.tokens import word_count, words

LANGUAGE = "english"
SUMMA_HINT = "pip install summa"


class _Ranked(Protocol):
    """sumy's SentenceInfo: a sentence with its rating, handed over best first."""

    @property
    def sentence(self) -> object: ...


class _NewsfuseTokenizer:
    """The tokenizer object sumy asks for, backed by newsfuse's splitter and tokenizer.

    sumy's own `Tokenizer("english")` needs NLTK punkt data, which does not install offline.
    """

    language = LANGUAGE

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentence.text for sentence in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def take_until(budget: int, ranked: Iterable[str]) -> tuple[str, ...]:
    """Take sentences best first until `budget` words, skipping repeats (wire copies repeat sentences)."""
    taken: dict[str, str] = {}
    total = 0
    for text in ranked:
        if total >= budget:
            break
        key = " ".join(text.lower().split())
        if key not in taken:
            taken[key] = text
            total += word_count(text)
    return tuple(taken.values())


class SumyPeer:
    """One of sumy's summarizers, returning its best-ranked sentences, best first."""

    def __init__(self, summarizer_name: str) -> None:
        try:
            from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
            from sumy.nlp.stemmers import Stemmer
            from sumy.summarizers.lex_rank import LexRankSummarizer
            from sumy.summarizers.lsa import LsaSummarizer
            from sumy.summarizers.sum_basic import SumBasicSummarizer
            from sumy.summarizers.text_rank import TextRankSummarizer
            from sumy.utils import get_stop_words
        except ImportError as error:
            raise MissingExtra(f"peer {summarizer_name!r} needs sumy: {EVAL_EXTRA_HINT}") from error
        classes: dict[str, Callable[..., Any]] = {
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer,
            "sumbasic": SumBasicSummarizer,
        }
        self._summarizer = classes[summarizer_name](Stemmer(LANGUAGE))
        # sumy is configured by setting attributes: its only way to pass stop words.
        self._summarizer.stop_words = get_stop_words(LANGUAGE)
        self._tokenizer = _NewsfuseTokenizer()
        self._document: Callable[..., Any] = ObjectDocumentModel
        self._paragraph: Callable[..., Any] = Paragraph
        self._sentence: Callable[..., Any] = Sentence

    def __call__(self, cluster: EvalCluster, budget: int) -> tuple[str, ...]:
        paragraphs = [
            self._paragraph([self._sentence(s.text, self._tokenizer) for s in split_sentences(article.text)])
            for article in cluster.articles
        ]
        document = self._document(paragraphs)
        if not document.sentences:
            return ()
        ranked: list[str] = []

        def best_first(infos: Sequence[_Ranked]) -> Sequence[_Ranked]:
            # sumy passes the sentences sorted by rating, best first, to a callable count.
            ranked.extend(str(info.sentence) for info in infos)
            return infos

        self._summarizer(document, best_first)
        return take_until(budget, ranked)


class SummaPeer:
    """summa's TextRank (Mihalcea and Tarau 2004), given newsfuse's sentences one a line."""

    def __init__(self) -> None:
        try:
            from summa import summarizer  # type: ignore[import-untyped]  # summa ships no type hints
        except ImportError as error:
            raise MissingExtra(f"peer 'summa' needs summa: {SUMMA_HINT}") from error
        self._summarize: Callable[..., Any] = summarizer.summarize

    def __call__(self, cluster: EvalCluster, budget: int) -> tuple[str, ...]:
        lines = [" ".join(s.text.split()) for article in cluster.articles for s in split_sentences(article.text)]
        if not lines:
            return ()
        scored: list[tuple[str, float]] = self._summarize("\n".join(lines), ratio=1.0, scores=True)
        ranked = sorted(scored, key=lambda pair: -pair[1])  # stable: ties keep text order
        return take_until(budget, (text for text, _ in ranked))
