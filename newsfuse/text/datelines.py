"""News datelines ("WASHINGTON (BLOOMBERG) - ", "SEOUL, Jan 20 (Reuters) - "): where and who."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z .'-]{1,40}?)            # WASHINGTON, NEW YORK
        (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?       # optional ", Jan 20"
        \s*(?:\((?P<agency>[A-Za-z][A-Za-z0-9 .&'-]{1,30})\))?  # optional (BLOOMBERG)
        \s*[-–—]{1,2}\s+""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str | None
    length: int  # characters of the sentence the dateline takes up


def find_dateline(sentence: str) -> Dateline | None:
    """The dateline that opens a sentence, if any."""
    match = _DATELINE.match(sentence)
    if match is None or not match.group("place").strip().isupper():
        return None
    return Dateline(match.group("place").strip(), match.group("agency"), match.end())


def outlet_name(raw: str) -> str:
    """Turn a shouted outlet name into its usual form: "FRANCE 24" -> "France 24", "SBS NEWS" -> "SBS News"."""
    # initialisms of up to three letters stay capitals (AFP, SBS, BBC); longer words are names
    return " ".join(word if len(word) <= 3 or not word.isupper() else word.capitalize() for word in raw.split())
