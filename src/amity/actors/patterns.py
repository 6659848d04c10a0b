"""Entity-ruler patterns for names the statistical model misses (fed from the dictionary)."""
from __future__ import annotations

import re
from typing import Any

from amity.actors.dictionary import Dictionary, Entry, load_dictionary, norm_key

LABEL_OF_KIND = {"state": "GPE", "person": "PERSON", "government": "ORG", "igo": "ORG",
                 "armed_group": "ORG", "organization": "ORG", "media": "ORG"}

# Short all-capital names that are also English words: only ever matched in capitals.
_WORDLIKE = re.compile(r"^[A-Z][A-Z.]{0,4}$")


def _forms(text: str) -> list[str]:
    """Surface forms of one name: without a leading "the", in its own and in title case."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    forms = {text, text.replace("'", "’")}
    for form in list(forms):
        if form and form[0].islower():
            forms.add(form[0].upper() + form[1:])
    return sorted(forms)


def _case_sensitive(form: str) -> bool:
    """Single words and names with a short capitalised word ("IS", "US Army") keep their case."""
    words = form.split()
    return len(words) == 1 or any(_WORDLIKE.match(w) for w in words)


def entry_patterns(entry: Entry, dic: Dictionary) -> list[dict[str, Any]]:
    """Patterns for one dictionary actor: name, aliases, seats; a name two actors share goes
    to the one the dictionary prefers."""
    label = LABEL_OF_KIND.get(entry.kind, "ORG")
    out: list[dict[str, Any]] = []
    texts = [n for n in [entry.name, *entry.aliases] if getattr(dic.lookup(n), "id", None)
             == entry.id]
    texts += [s for s in entry.seats if dic.seats.get(norm_key(s)) == entry.id]
    for text in texts:
        lab = label
        for form in _forms(text):
            if not form:
                continue
            if _case_sensitive(form):
                # One ORTH entry per whitespace word; the ruler re-tokenises the phrase.
                out.append({"label": lab, "pattern": [{"ORTH": form}], "id": entry.id})
            else:
                out.append({"label": lab, "pattern": form, "id": entry.id})
    return out


def entity_patterns() -> list[dict[str, Any]]:
    """Patterns for spaCy's entity ruler; the actor dictionary supplies them.

    A string pattern matches case-insensitively; a one-element token pattern
    [{"ORTH": "phrase"}] matches the phrase in exactly that case.
    """
    out: list[dict[str, Any]] = []
    dic = load_dictionary()
    for entry in dic.entries.values():
        out.extend(entry_patterns(entry, dic))
    return out
