"""Quotes found in our own sentences: each form, each speaker pattern (loads spaCy)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.actors.table import ActorMention, ActorTable
from amity.quotes import find_quotes
from amity.record import Quote

pytestmark = pytest.mark.slow

CAST = {
    "Colin P. Clarke": ("colin-p-clarke", "person", "soufan-group"),
    "Clarke": ("colin-p-clarke", "person", "soufan-group"),
    "Soufan Group": ("soufan-group", "organization", "soufan-group"),
    "Mike Pompeo": ("mike-pompeo", "person", "USA"),
    "Pompeo": ("mike-pompeo", "person", "USA"),
    "Iran": ("IRN", "state", "IRN"),
    "al-Qaida": ("al-qaeda", "armed_group", "al-qaeda"),
    "Karim Sader": ("karim-sader", "person", "karim-sader"),
    "Sader": ("karim-sader", "person", "karim-sader"),
    "Lin Jian": ("lin-jian", "person", "CHN"),
    "Lin": ("lin-jian", "person", "CHN"),
    "Javad Zarif": ("javad-zarif", "person", "IRN"),
    "Taiwan": ("TWN", "state", "TWN"),
    "Reuters": ("reuters", "media", "reuters"),
    "Hamas": ("hamas", "armed_group", "hamas"),
    "Israel": ("ISR", "state", "ISR"),
    "Saba": ("saba", "media", "YEM"),
    "Nelly Lahoud": ("nelly-lahoud", "person", "new-america"),
    "Lahoud": ("nelly-lahoud", "person", "new-america"),
    "Turkish defence ministry": ("tur-defence-ministry", "government", "TUR"),
    "PKK": ("pkk", "armed_group", "pkk"),
}


@pytest.fixture
def quotes_of(nlp, make_table: Callable[..., ActorTable]) -> Callable[..., list[Quote]]:  # type: ignore[no-untyped-def]
    def run(text: str, extra: list[ActorMention] | None = None) -> list[Quote]:
        doc = nlp(text)
        return find_quotes(doc, make_table(text, CAST, extra))
    return run


def only(quotes: list[Quote], contains: str) -> Quote:
    found = [q for q in quotes if contains in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# -- quote forms -------------------------------------------------------------------------
@pytest.mark.parametrize("text,contains,kind", [
    ("“The timing of these revelations is politics,” Colin P. Clarke, director of research "
     "at the Soufan Group, told Reuters.", "timing of these revelations is politics", "direct"),
    ('"Iran has been cooperating with the West for months," said Karim Sader.',
     "cooperating with the West for months", "direct"),
    ("Lin Jian told a news conference: “Weapons sales to Taiwan have violated our principles "
     "and damaged relations.”", "Weapons sales to Taiwan have violated", "direct"),
    ("Mike Pompeo accused Iran of acting as al-Qaida’s “new home base” in a speech.",
     "acting as al-Qaida’s “new home base", "mixed"),
    ("Mike Pompeo said on Tuesday that Iran had given al-Qaida shelter for years.",
     "Iran had given al-Qaida shelter for years", "indirect"),
    ("Hamas told Reuters that Israel had added new conditions to the deal.",
     "Israel had added new conditions to the deal", "indirect"),
    ("According to Saba, the delegations would discuss an end to the siege of the port.",
     "the delegations would discuss an end to the siege", "indirect"),
    ("The Turkish defence ministry said its jets destroyed 29 targets of the PKK on Saturday.",
     "its jets destroyed 29 targets of the PKK", "indirect"),
])
def test_quote_form_and_speaker(quotes_of, text: str, contains: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    q = only(quotes_of(text), contains)
    assert q.kind == kind
    assert q.speaker is not None


@pytest.mark.parametrize("verb,lemma", [
    ("noted", "note"), ("warned", "warn"), ("argued", "argue"), ("claimed", "claim"),
    ("charged", "charge"), ("insisted", "insist"), ("told Reuters", "tell"),
])
def test_indirect_speech_with_reporting_verbs(quotes_of, verb: str, lemma: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Nelly Lahoud {verb} that Iran was hostile to al-Qaida throughout the period."
    q = only(quotes_of(text), "Iran was hostile to al-Qaida")
    assert (q.speaker, q.kind, q.verb) == ("nelly-lahoud", "indirect", lemma)


def test_quote_span_is_the_reported_content_not_the_frame(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Mike Pompeo claimed that Iran hosts al-Qaida leaders in Tehran."
    q = only(quotes_of(text), "Iran hosts")
    assert text[q.start:q.end] == q.text
    assert "claimed" not in q.text and q.verb == "claim"


def test_mixed_quote_covers_every_quoted_phrase_of_the_clause(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Mike Pompeo claimed that Iran granted the militants “freedom of movement” and "
            "“logistical support” last year.")
    q = only(quotes_of(text), "freedom of movement")
    assert "logistical support" in q.text and q.kind == "mixed"


def test_quote_spanning_sentences_and_paragraphs(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“We reject these claims. They are baseless,” Hamas said in a statement. “Israel is "
            "the one adding demands.\n\n“The talks can still succeed,” the statement added.")
    quotes = quotes_of(text)
    first = only(quotes, "We reject these claims. They are baseless")
    assert first.speaker == "hamas" and first.channel == "statement"
    run_on = only(quotes, "Israel is the one adding demands")
    assert "The talks can still succeed" in run_on.text
    assert run_on.speaker == "hamas"


def test_guillemets_and_nested_quotes(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "« Calling Taiwan a ‘province’ changes nothing », Lin Jian said."
    q = only(quotes_of(text), "‘province’ changes nothing")
    assert (q.speaker, q.kind) == ("lin-jian", "direct")


# -- speakers ---------------------------------------------------------------------------
def test_surname_after_the_full_name(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Colin P. Clarke spoke to Reuters on Monday.\n\n"
            "“Its center of gravity remains the border,” Clarke said.")
    assert only(quotes_of(text), "center of gravity").speaker == "colin-p-clarke"


def test_pronoun_speaker_is_the_previous_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“Iran is not al-Qaida’s base,” Nelly Lahoud said.\n\n"
            "“I would be very surprised if they were working together,” she added.")
    assert only(quotes_of(text), "very surprised").speaker == "nelly-lahoud"


def test_pronoun_linked_by_the_actor_table_is_used(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "He said Iran was cooperating with the West in Iraq, in a talk with Karim Sader."
    at = text.index("He said")
    link = ActorMention(at, at + 2, "He", "karim-sader", "pronoun")
    assert only(quotes_of(text, [link]), "Iran was cooperating").speaker == "karim-sader"


def test_follow_on_paragraph_keeps_the_previous_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“Iran is not hosting al-Qaida,” Nelly Lahoud said.\n\n"
            "“The group sees Tehran as a hostile entity and always has.”")
    assert only(quotes_of(text), "hostile entity").speaker == "nelly-lahoud"


def test_statement_resolves_to_whoever_issued_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Hamas issued a statement on Friday. The fighters had been released unharmed, "
            "the statement said.")
    assert only(quotes_of(text), "fighters had been released").speaker == "hamas"


@pytest.mark.parametrize("subject", ["A senior official", "Officials", "A source close to Hamas"])
def test_unnamed_speakers_get_no_speaker(quotes_of, subject: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{subject} said that Israel had accepted the proposal on Monday."
    q = only(quotes_of(text), "Israel had accepted the proposal")
    assert q.speaker is None


def test_unquoted_report_without_a_speaker_is_not_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of("Reports said that the talks had stalled over the weekend.") == []


@pytest.mark.parametrize("text", [
    "The so-called “peace plan” was published on Monday by the council.",
    "Hamas fighters crossed the “security fence” near the border.",
    "Zarif called the sanctions “illegal” on Tuesday.",
])
def test_scare_quotes_are_not_quotes(quotes_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(text) == []


def test_negated_and_conditional_reports_are_not_quotes(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Hamas did not say that Israel had left. Iran will act if Israel announces that it "
            "will strike the port.")
    assert quotes_of(text) == []


@pytest.mark.parametrize("frame,channel", [
    ("Nelly Lahoud said in an email", "email"),
    ("Karim Sader wrote on Twitter", "social_media"),
    ("Lin Jian told a news conference", "press_conference"),
    ("Mike Pompeo said in a speech", "speech"),
])
def test_channel_from_the_frame(quotes_of, frame: str, channel: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{frame} that Iran was sheltering al-Qaida leaders."
    assert only(quotes_of(text), "Iran was sheltering").channel == channel


def test_title_case_headline_quotes_are_left_to_the_body(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Iran Accuses Israel Of Trying To 'Poison The Talks' In Oman\n\n"
            "Iran accused Israel of trying to “poison the talks” in Oman on Monday.")
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].start > text.index("\n")


def test_according_to_takes_the_source_named_in_the_phrase(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("According to reports by the news agency Saba, the delegations and Hamas would "
            "discuss lifting the siege of the port.")
    q = only(quotes_of(text), "the delegations and Hamas would discuss")
    assert q.speaker == "saba" and q.kind == "indirect"


def test_rejecting_as_quotes_the_characterisation(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Hamas rejected the accusations as “patently false and absurd” on Monday."
    q = only(quotes_of(text), "patently false")
    assert q.speaker == "hamas" and q.verb == "reject"


def test_quoted_subheading_is_not_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Israel and Hamas met in Cairo on Monday.\n\n“Bandit formations”\n\n"
            "The talks ended without a deal.")
    assert quotes_of(text) == []


@pytest.mark.parametrize("subject", ["One Washington-based trade expert", "Israeli officials",
                                     "Analysts in Taiwan"])
def test_commentators_and_officials_without_names_stay_unnamed(quotes_of, subject: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{subject} said that Hamas would accept the deal within days."
    assert only(quotes_of(text), "Hamas would accept the deal").speaker is None


def test_she_does_not_go_to_a_speaker_already_called_he(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Mrs Lahoud met Karim Sader in Beirut.\n\n“The talks were long,” Karim Sader said. "
            "“We need more time,” he added.\n\n“I had hoped for more,” she said.")
    quotes = quotes_of(text)
    assert only(quotes, "We need more time").speaker == "karim-sader"
    assert only(quotes, "I had hoped for more").speaker == "nelly-lahoud"


def test_frame_closing_the_paragraph_before_with_a_colon(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Hamas said in a statement on Friday:\n\n"
            "“Israel has added new conditions to every draft of the deal.”")
    q = only(quotes_of(text), "Israel has added new conditions")
    assert (q.speaker, q.channel) == ("hamas", "statement")


def test_quoted_as_saying_keeps_the_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Karim Sader was quoted as saying that Iran was cooperating with the West."
    assert only(quotes_of(text), "Iran was cooperating").speaker == "karim-sader"


def test_a_speaker_the_actor_table_does_not_know_still_makes_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Jan Kowalski said that Hamas had left the area before the strike."
    assert only(quotes_of(text), "Hamas had left the area").speaker is None


def test_a_document_that_shows_speaks_for_its_author(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Nelly Lahoud published a study showing that al-Qaida viewed Iran as hostile."
    assert only(quotes_of(text), "al-Qaida viewed Iran as hostile").speaker == "nelly-lahoud"


def test_showing_without_a_document_is_not_speech(quotes_of) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of("Hamas released a map showing that Israel controlled the crossing.") == []


def test_a_claim_embedded_in_a_relative_clause(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Iran keeps testing missiles that Israel claims can carry nuclear warheads."
    q = only(quotes_of(text), "can carry nuclear warheads")
    assert (q.speaker, q.verb, q.kind) == ("ISR", "claim", "indirect")


def test_named_phrase_stops_before_the_channel(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Javad Zarif called Pompeo’s speech “warmongering lies” in a Twitter post."
    q = only(quotes_of(text), "warmongering lies")
    assert "Twitter" not in q.text and q.channel == "social_media" and q.speaker == "javad-zarif"
