"""Which recognizer runs: "auto" falls back to the classic one without the extra; "spacy" then says what to install."""

from __future__ import annotations

import sys

import pytest

from newsfuse.compare import CompareConfig, recognizer_name
from newsfuse.compare import ner as ner_module
from newsfuse.errors import ConfigError, MissingExtra


def test_recognizers_auto_falls_back_to_classic(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = sys.modules["newsfuse.compare"]  # `newsfuse.compare` the attribute is the API function
    monkeypatch.setattr(stage, "spacy_available", lambda: False)
    assert recognizer_name(CompareConfig(ner="auto")) == "classic"
    assert recognizer_name(CompareConfig(ner="spacy")) == "spacy"


def test_recognizers_spacy_without_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner_module, "spacy_available", lambda: False)
    with pytest.raises(MissingExtra, match=r"pip install 'newsfuse\[ner\]'"):
        ner_module.load_spacy_pipeline.__wrapped__()


def test_recognizers_config_checked_when_built() -> None:
    with pytest.raises(ConfigError, match="expected one of: auto, spacy, classic"):
        CompareConfig(ner="bert")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="copy_jaccard"):
        CompareConfig(copy_jaccard=0.0)


def test_recognizers_name_table() -> None:
    assert sorted(ner_module.RECOGNIZERS) == ["classic", "spacy"]
