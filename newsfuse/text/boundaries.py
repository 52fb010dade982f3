"""Where Punkt starts a sentence: nupunkt's decisions, made without its per-candidate machinery.

Punkt (Kiss and Strunk 2006) decides each candidate end (".", "?", "!", "…" before a space or a closing
mark) from the chunk that holds it and the word after it, with what it learned from a corpus: which
words are abbreviations, which word pairs are collocations ("Jan. 18"), which words start
sentences, how often each abbreviation ends one. nupunkt's trained model supplies those
parameters; its tokenizer builds context strings and token objects for every candidate and
memoizes decisions across calls, so a text it has not seen costs several times one it has. Here the
same decisions are made from the same parameters in one pass with no state kept between calls:
candidates come from one regular expression over the whole text, the usual shapes (a word and its
period before a plain word) are decided on the spot, and only unusual chunks are cut into Punkt's
tokens. `sentence_starts` returns exactly the starts of `nupunkt.sent_spans` (a test checks it on
generated and real text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import nupunkt

# A candidate end: followed by a space or a mark that cannot start a word, and not a period that
# continues a spaced ellipsis (". . .": only its last period is a candidate).
# Its context runs through the closing marks glued to it (`tail`) and the space and chunk after (`next`).
_CANDIDATE = re.compile(
    r"""[.?!…](?!(?<=\.)\s+\.)(?=[)";}\]*:@({\[\s!?”»]|['’](?![^\W\d_]))(?=(?P<tail>["')\]}”’»*]*)(?P<next>\s*\S*))"""
)
_ENDS = frozenset(".?!")
_CLOSING_MARKS = "\"')]}”’»*"
_CLOSERS = frozenset(_CLOSING_MARKS)  # marks that trail a sentence end and belong to it
_LAST_SPACE = re.compile(r".*\s", re.DOTALL)  # with an end position: up to the last space before it
_EXCLAMATION_BREAK = re.compile(r"[!?]\s(?=[^\W\d_])")  # "!" or "?", a space and a letter: always a break
_LIST_ENUMERATOR = re.compile(r"[ \t]*\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})\)?\.")  # "1." "(a)." "IV."
_REALIGN = re.compile(r"""["')\]}”’»*]+?(?:\s+|(?=--)|$)""", re.MULTILINE)  # closers that open the next piece
_NUMBER = re.compile(r"-?[\.,]?\d[\d,\.-]*\.?")
_ELLIPSIS = re.compile(r"\.\.+$|\.\s+\.\s+\.")
_INITIAL = re.compile(r"[^\W\d]\.")
_WORD_PERIOD = re.compile(r"(?:[^\W\d_]+(?:\.[^\W\d_]+)*|\d+)\.")  # "said." "U.S." "2018.": one Punkt token
_WORD_MARK = re.compile(r"[^\W\d_]+[?!]")  # "do?": Punkt ends a sentence at "?" or "!" whatever follows
# The space and chunk after a candidate when Punkt makes one token of the chunk's word ("The", "“It’s",
# "16" before a comma); a straight quote before it is a token of its own that pairing skips
_PLAIN_NEXT = re.compile(r"""\s+"?(?P<word>[“‘]?(?:[^\W\d_]+(?:['’][^\W\d_]+)*|\d+))[,;:]?""")

# Punkt's first-pass outcome of a token
_NONE, _BREAK, _ABBREVIATION, _ELLIPSIS_TOKEN = 0, 1, 2, 3
# Orthographic context bits (Kiss and Strunk 2006, section 4.1.2): seen capitalised or lower-case,
# at a sentence start, inside one, or where it could not tell
_UPPER_START, _UPPER_INSIDE, _UPPER_UNKNOWN = 1 << 1, 1 << 2, 1 << 3
_LOWER_START, _LOWER_INSIDE, _LOWER_UNKNOWN = 1 << 4, 1 << 5, 1 << 6
_UPPER = _UPPER_START | _UPPER_INSIDE | _UPPER_UNKNOWN
_LOWER = _LOWER_START | _LOWER_INSIDE | _LOWER_UNKNOWN
_UNKNOWN = 2  # the orthographic heuristic's third answer, beside True and False
_PUNCTUATION = frozenset(";:,.!?")
# nupunkt's fixed rules beside the learned parameters: titles never end a sentence before a name,
# "I" continues one after an ellipsis
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof", "hon", "rev", "gen", "lt", "col", "capt", "sgt", "gov"])
_TITLES |= frozenset(["sen", "rep", "messrs", "mme", "mlle"])
_CONTINUERS = frozenset(["I", "I'm", "I'll", "I'd", "I've", "I’m", "I’ll", "I’d", "I’ve"])


@dataclass(frozen=True, slots=True)
class _Model:
    """The trained parameters of nupunkt's default model, and its word tokenizer."""

    abbreviations: frozenset[str]
    collocations: frozenset[tuple[str, str]]
    starters: frozenset[str]
    orthography: dict[str, int]
    break_counts: dict[str, tuple[int, int]]
    break_rate_high: float
    break_rate_low: float | None
    break_rate_min_count: int
    word_tokens: re.Pattern[str]


@cache
def _model() -> _Model:
    """Load nupunkt's default model once (it is read, never changed)."""
    tokenizer = nupunkt.load("default")
    parameters = tokenizer.parameters
    return _Model(
        abbreviations=frozenset(parameters.abbrev_types),
        collocations=frozenset(parameters.collocations),
        starters=frozenset(parameters.sent_starters),
        orthography=dict(parameters.ortho_context),
        break_counts=dict(parameters.abbrev_break_rates),
        break_rate_high=tokenizer.BREAK_RATE_HIGH,
        break_rate_low=tokenizer.BREAK_RATE_LOW,
        break_rate_min_count=tokenizer.BREAK_RATE_MIN_COUNT,
        word_tokens=nupunkt.PunktLanguageVars().word_tokenize_pattern,
    )


def _token_type(token: str) -> str:
    return "##number##" if _NUMBER.fullmatch(token) else token.lower()


def _is_abbreviation(model: _Model, candidate: str) -> bool:
    """Whether `candidate` (lower-cased, its period taken off) is a known abbreviation, as nupunkt checks."""
    abbreviations = model.abbreviations
    if candidate in abbreviations:
        return True
    if "-" in candidate and candidate.rsplit("-", 1)[-1] in abbreviations:
        return True
    return "." in candidate and candidate.replace(".", "") in abbreviations


def _may_abbreviate(token: str) -> bool:
    """Letters, digits, periods, apostrophes and "&" only, some letter, no more digits than letters."""
    letters = digits = 0
    for char in token:
        if char in ".'’&":
            continue
        if char.isalpha():
            letters += 1
        elif char.isdigit():
            digits += 1
        else:
            return False
    return letters > 0 and letters >= digits


def _first_pass(model: _Model, token: str) -> int:
    """What a token says on its own: nothing, a break, an abbreviation or an ellipsis."""
    if token in _ENDS:
        return _BREAK
    if token.endswith("…") or _ELLIPSIS.search(token):
        return _ELLIPSIS_TOKEN
    if not token.endswith(".") or token.endswith(".."):
        return _NONE
    if _token_type(token) != "##number##" and _may_abbreviate(token) and _is_abbreviation(model, token[:-1].lower()):
        return _ABBREVIATION
    return _BREAK


def _orthography(model: _Model, next_type: str, upper: bool, lower: bool) -> int | bool:
    """Kiss and Strunk's orthographic heuristic: True (starts a sentence), False, or _UNKNOWN."""
    seen = model.orthography.get(next_type, 0)
    if upper and seen & _LOWER and not seen & _UPPER_INSIDE:
        return True
    if lower and (seen & _UPPER or not seen & _LOWER_START):
        return False
    return _UNKNOWN


def _break_rate(model: _Model, kind: str) -> bool | None:
    counts = model.break_counts.get(kind)
    if counts is None or counts[0] < model.break_rate_min_count:
        return None
    rate = counts[1] / counts[0]
    if rate >= model.break_rate_high:
        return True
    if model.break_rate_low is not None and rate <= model.break_rate_low:
        return False
    return None


def _second_pass(
    model: _Model, token: str, outcome: int, following: str, following_outcome: int, new_paragraph: bool
) -> bool:
    """Whether `token` ends a sentence given the token after it (Kiss and Strunk 2006, section 4)."""
    upper, lower = following[:1].isupper(), following[:1].islower()
    if outcome == _ELLIPSIS_TOKEN:
        return upper and following not in _CONTINUERS
    if not token.endswith("."):
        return outcome == _BREAK
    kind = _token_type(token)
    kind = kind[:-1] if kind.endswith(".") and len(kind) > 1 else kind
    next_type = _token_type(following)
    if following_outcome == _BREAK and next_type.endswith(".") and len(next_type) > 1:
        next_type = next_type[:-1]
    if new_paragraph and upper:
        return True
    abbreviation = outcome == _ABBREVIATION
    if abbreviation and upper and kind in _TITLES:
        return False
    if (kind, next_type) in model.collocations:
        return False
    initial = bool(_INITIAL.fullmatch(token))
    if abbreviation and not initial:
        if upper and model.break_counts:
            decided = _break_rate(model, kind)
            if decided is not None:
                return decided
        if following not in _PUNCTUATION and _orthography(model, next_type, upper, lower) is True:
            return True
        if upper and next_type in model.starters:
            return True
    if initial or kind == "##number##":
        if following in _PUNCTUATION:
            return False
        starts = _orthography(model, next_type, upper, lower)
        if starts is False:
            return False
        if starts == _UNKNOWN and initial and upper and not model.orthography.get(next_type, 0) & _LOWER:
            return False
    return outcome == _BREAK


def _tokens_decide(model: _Model, before: str, after: str) -> bool:
    """Whether any of Punkt's tokens of `before` ends a sentence, the first token of `after` as context."""
    tokenize = model.word_tokens.findall
    n_before = sum(len(tokenize(line)) for line in before.split("\n"))
    if not n_before:
        return False
    sequence: list[tuple[str, bool, bool]] = []  # (token, starts a paragraph, is in `before`)
    new_paragraph = False
    seen = 0
    for line in (before + after).split("\n"):
        if not line.strip():
            new_paragraph = True
            continue
        for token in tokenize(line):
            inside = seen < n_before
            seen += 1
            if all(char in _CLOSERS for char in token):
                continue  # closing marks decide nothing and are skipped when pairing
            sequence.append((token, new_paragraph, inside))
            new_paragraph = False
            if not inside:
                break
        else:
            continue
        break
    last = len(sequence) - 1
    for i, (token, _, inside) in enumerate(sequence):
        if not inside:
            break
        outcome = _first_pass(model, token)
        if not outcome:
            continue
        if i < last:
            following, new_paragraph, _ = sequence[i + 1]
            if _second_pass(model, token, outcome, following, _first_pass(model, following), new_paragraph):
                return True
        elif outcome == _BREAK:
            return True
    return False


def _decide(model: _Model, before: str, after: str) -> bool:
    """Whether the candidate chunk `before` ends a sentence, given `after` (the space and chunk after it)."""
    if ("!" in before or "?" in before) and _EXCLAMATION_BREAK.search(before + after):
        return True
    # the usual shapes ("said. The", "U.S. officials", "do?\n\nSome"): one token each side, decided
    # without cutting the context into tokens; closing marks after the period are skipped in pairing
    core = before.rstrip(_CLOSING_MARKS)
    if _WORD_MARK.fullmatch(core):
        return True
    if _WORD_PERIOD.fullmatch(core):
        plain = _PLAIN_NEXT.fullmatch(after)
        if plain:
            word = plain.group("word")
            new_paragraph = after.count("\n", 0, plain.start("word")) >= 2  # a blank line between the two
            kind = core[:-1].lower()
            if core.isascii() and len(core) > 2 and not core[0].isdigit() and not _is_abbreviation(model, kind):
                # a plain word's period (not an abbreviation, an initial or a number) ends the sentence
                # unless the two words are a known collocation
                return (new_paragraph and word[:1].isupper()) or (kind, _token_type(word)) not in model.collocations
            return _second_pass(model, core, _first_pass(model, core), word, _NONE, new_paragraph)
    return _tokens_decide(model, before, after)


def _contexts(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Each candidate end with its context: (end position, tail end, chunk through the tail, what follows).

    Candidates inside one chunk ("?!", "said.”(AP") share it, and the last of them stands for it.
    """
    previous: tuple[int, int, int] | None = None  # (position, tail end, context end) of the last candidate
    previous_start = previous_stop = 0
    for match in _CANDIDATE.finditer(text):
        position = match.start()
        space = _LAST_SPACE.match(text, previous_stop, position)
        start = space.end() if space and space.end() > previous_stop + 1 else previous_start
        if position > 1 and text[position - 1].isspace():
            start = min(start, _spaced_ellipsis_start(text, position, previous_stop, previous_start))
        if previous is not None and previous_stop <= start:
            yield previous[0], previous[1], text[previous_start : previous[1]], text[previous[1] : previous[2]]
        previous = (position, match.end("tail"), match.end("next"))
        previous_start, previous_stop = start, position
    if previous is not None:
        yield previous[0], previous[1], text[previous_start : previous[1]], text[previous[1] : previous[2]]


def _spaced_ellipsis_start(text: str, position: int, previous_stop: int, previous_start: int) -> int:
    """Where the chunk of the last period of a spaced ellipsis (". . .") starts: before the whole run."""
    run = position
    while True:
        i = run - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if 0 <= i < run - 1 and text[i] == ".":
            run = i
        else:
            break
    if run >= position:
        return position + 1  # not a run: leave the chunk start as it is
    space = _LAST_SPACE.match(text[previous_stop:run].rstrip())
    return previous_stop + space.end() if space and space.end() > 1 else previous_start


def _is_enumerator(text: str, position: int) -> bool:
    """True for the period of a list enumerator that starts its line ("1." "(a).")."""
    low = max(0, position - 12)
    newline = text.rfind("\n", low, position)
    if newline == -1 and low:
        return False
    return _LIST_ENUMERATOR.fullmatch(text, newline + 1, position + 1) is not None


def _skipped(text: str, end: int) -> bool:
    """Cases Punkt never breaks at: inside a run of "!" and "?", and before a quote that goes on in lower case."""
    length = len(text)
    if end < length and text[end] in "!?":
        return True
    k = end
    while k < length and text[k] in " \t":
        k += 1
    if k > end and k < length and text[k] in "!?" and (k + 1 == length or text[k + 1].isspace() or text[k + 1] in "!?"):
        return True
    if end < length and text[end] in _CLOSERS:
        k = end
        while k < length and text[k] in _CLOSERS:
            k += 1
        while k < length and text[k] in " \t":
            k += 1
        if k < length and text[k].islower():
            return True
    return False


def _slices(text: str, model: _Model) -> list[tuple[int, int]]:
    """Punkt's sentence pieces of `text` before realignment, as (start, end)."""
    text_end = len(text.rstrip())
    pieces: list[tuple[int, int]] = []
    last_break = 0
    for position, _, before, after in _contexts(text):
        if text[position] == "." and _is_enumerator(text, position):
            continue
        end = position + 1
        if _skipped(text, end) or not _decide(model, before, after):
            continue
        pieces.append((last_break, end))
        last_break = end
        while last_break < len(text) and text[last_break].isspace():
            last_break += 1
    if last_break < text_end:
        pieces.append((last_break, text_end))
    return pieces


def sentence_starts(text: str) -> list[int]:
    """The positions where nupunkt's default model starts a sentence, in order (those of `nupunkt.sent_spans`)."""
    if not text:
        return []
    pieces = _slices(text, _model())
    if not pieces:
        return [0]
    # closing marks that open a piece belong to the sentence before it ('He left." Then')
    starts: list[int] = []
    shift = 0
    for (start, end), following in zip(pieces, [*pieces[1:], None], strict=True):
        begin = start + shift
        if following is None:
            if end > begin:
                starts.append(begin)
            continue
        realigned = _REALIGN.match(text, following[0], following[1])
        if realigned:
            starts.append(begin)
            shift = realigned.end() - following[0]
        else:
            shift = 0
            if end > begin:
                starts.append(begin)
    return starts
