"""Channel cues and the quote lexicon (no model needed)."""
from __future__ import annotations

import pytest

from amity.quotes.lexicon import load_lexicon
from amity.record import CHANNELS


@pytest.mark.parametrize("frame,channel", [
    ("she told the newspaper in an email", "email"),
    ("he wrote in a text message to reporters", "text_message"),
    ("the minister said in a Twitter post", "social_media"),
    ("the spokesman wrote on X", "social_media"),
    ("the group said on its Telegram channel", "social_media"),
    ("he said in a tweet", "social_media"),
    ("the ministry said in a statement", "statement"),
    ("the statement added", "statement"),
    ("she said in an interview with the broadcaster", "interview"),
    ("he told a news conference in Beijing", "press_conference"),
    ("the spokesman told a televised briefing", "press_conference"),
    ("the president said in a speech to parliament", "speech"),
    ("the leader said on his official website", "website"),
])
def test_channel_cue_in_frame(frame: str, channel: str) -> None:
    assert load_lexicon().channel_in(frame) == channel


@pytest.mark.parametrize("frame", ["the minister said on Tuesday", "X fell, officials said"])
def test_no_channel_without_a_cue(frame: str) -> None:
    assert load_lexicon().channel_in(frame) is None


def test_every_channel_cue_names_a_record_channel() -> None:
    assert {name for name, _ in load_lexicon().channels} <= set(CHANNELS)
