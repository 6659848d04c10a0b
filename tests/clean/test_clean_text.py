"""Plain-text page copies: what the line classifier keeps, what it cuts and with which kind."""
from __future__ import annotations

import pytest

from amity.clean.text import clean_text
from amity.record import REMOVED_KINDS

HEADLINE = "Iran rejects US charge that it arms Russia with drones"
LEDE = ("U.S. Secretary of State Antony Blinken accused Iran on Friday of supplying Russia with "
        "attack drones that have been used to strike power stations in Ukraine.")
MIDDLE = ("Iranian Foreign Minister Hossein Amir-Abdollahian rejected the accusation as baseless "
          "and said Tehran had sent no weapons to either side since the war began.")
END = ("Kremlin spokesman Dmitry Peskov said Russian forces used only Russian equipment, an "
       "account that Western analysts disputed on Saturday.")


def page(*middle: str, head: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    """A small page: furniture around a headline and a three-paragraph story."""
    return "\n\n".join([*head, HEADLINE, LEDE, *middle, MIDDLE, END, *tail])


def assert_story_kept(text: str) -> None:
    for part in (HEADLINE, LEDE, MIDDLE, END):
        assert part in text


@pytest.mark.parametrize("junk,kind", [
    ("Skip to main content", "navigation"),
    ("World | Politics | Middle East", "navigation"),
    ("Home » World » Asia", "navigation"),
    ("Follow us on social", "social"),
    ("Share this article", "social"),
    ("Facebook Twitter WhatsApp Email", "social"),
    ("Sign up for our daily briefing newsletter", "newsletter"),
    ("Subscribe now to our weekly round-up and never miss a story.", "newsletter"),
    ("We use cookies to give you the best experience on our site.", "notice"),
    ("Your browser doesn't support HTML5 video", "notice"),
    ("Top image credit: Soldiers patrol a checkpoint near the border. (Army photo by Sgt. "
     "Example)", "credit"),
    ("(Jane Example/Getty Images)", "credit"),
    ("Associated Press", "credit"),
    ("Image for representation.", "caption"),
    ("Protesters gather outside the embassy on Monday. File Photo by Jane Example/EPA-EFE",
     "caption"),
    ("Hezbollah said five of its fighters had been killed (File)", "caption"),
    ("AFP | Supporters of the president wave flags in the capital.", "caption"),
    ("RELATED Ukraine says it shot down dozens of drones over Kyiv", "teaser"),
    ("Also Read: Houthis release detainees ahead of wider exchange", "teaser"),
    ("[ Turkey strikes Kurdish militants in Iraq Opens in new window ]", "teaser"),
    ("Advertisement", "other"),
])
def test_clean_cuts_furniture_inside_the_story_with_its_kind(junk: str, kind: str) -> None:
    cleaned = clean_text(page(junk))
    assert_story_kept(cleaned.text)
    assert junk not in cleaned.text
    assert kind in {r.kind for r in cleaned.removed}
    assert all(r.kind in REMOVED_KINDS for r in cleaned.removed)


@pytest.mark.parametrize("head", [
    ("Skip to main content", "Menu", "Sign in"),
    ("Follow us on social",),
    ("Take the pledge to vote", "News » World"),
])
def test_clean_keeps_headline_as_title_after_menus(head: tuple[str, ...]) -> None:
    cleaned = clean_text(page(head=head))
    assert cleaned.title == HEADLINE
    assert cleaned.text.startswith(HEADLINE)
    for junk in head:
        assert junk not in cleaned.text


@pytest.mark.parametrize("caption", [
    "Iranian Foreign Minister Hossein Amir-Abdollahian",
    "Blinken announces new sanctions at the State Department.",
])
def test_clean_drops_caption_under_headline(caption: str) -> None:
    cleaned = clean_text("\n\n".join([HEADLINE, caption, LEDE, MIDDLE, END]))
    assert cleaned.title == HEADLINE
    assert caption not in cleaned.text.split("\n\n")
    assert [r.kind for r in cleaned.removed] == ["caption"]


@pytest.mark.parametrize("times", [2, 3])
def test_clean_drops_repeated_headline(times: int) -> None:
    cleaned = clean_text("\n\n".join([HEADLINE] * times + [LEDE, MIDDLE, END]))
    assert cleaned.text.count(HEADLINE) == 1
    assert len(cleaned.removed) == times - 1


@pytest.mark.parametrize("marker", ["keep readingShow less", "Read more", "Continue reading"])
def test_clean_keeps_main_story_and_cuts_teaser_blocks_of_others(marker: str) -> None:
    other = [
        "Top image credit: Troops on parade in the capital. (Defence photo by Example)",
        "Why sanctions on Venezuela failed to bring change",
        "Americas",
        "Five years of pressure left the government in Caracas in place while the economy "
        "shrank by more than half, according to economists who studied the period.",
        marker,
        "Newsletter",
        "Subscribe now to our weekly round-up of foreign policy news.",
    ]
    cleaned = clean_text(page(tail=tuple(other)))
    assert_story_kept(cleaned.text)
    assert "Caracas" not in cleaned.text
    assert "Venezuela" not in cleaned.text
    kinds = {r.text: r.kind for r in cleaned.removed}
    assert kinds["Why sanctions on Venezuela failed to bring change"] == "teaser"
    assert kinds[other[3]] == "teaser"


def test_clean_cuts_list_of_other_stories_inside_the_body() -> None:
    others = ("France has a new prime minister, but the same political crisis",
              "Inside Syria: the excitement of Syrians after Assad's fall",
              "As Sudan burns and its people starve, a gold rush is under way")
    cleaned = clean_text(page(*others))
    assert_story_kept(cleaned.text)
    for other in others:
        assert other not in cleaned.text
        assert ("teaser", other) in {(r.kind, r.text) for r in cleaned.removed}


@pytest.mark.parametrize("subhead", [
    "Freed detainees", "For Iran, the militants are a US creation"])
def test_clean_keeps_single_subheading_between_paragraphs(subhead: str) -> None:
    cleaned = clean_text(page(subhead))
    assert subhead in cleaned.text
    assert cleaned.removed == []


def test_clean_cuts_page_not_found_notice() -> None:
    tail = ("This page is not available",
            "The page no longer exists or did not exist at all. Please check the address.")
    cleaned = clean_text(page(tail=tail))
    assert_story_kept(cleaned.text)
    assert [r.kind for r in cleaned.removed] == ["notice", "notice"]


def test_clean_cuts_headline_pasted_between_sentences() -> None:
    one_line = (f"{LEDE} Beijing condemns US for receiving Taiwanese leader Lai The trip has "
                f"infuriated Beijing. {MIDDLE}")
    cleaned = clean_text(one_line)
    assert "Beijing condemns US" not in cleaned.text
    assert "The trip has infuriated Beijing." in cleaned.text
    assert LEDE in cleaned.text and MIDDLE in cleaned.text
    assert ("teaser", "Beijing condemns US for receiving Taiwanese leader Lai") in {
        (r.kind, r.text) for r in cleaned.removed}


def test_clean_splits_credit_from_caption() -> None:
    caption = ("Smoke rises over Kyiv after a missile strike on Thursday. "
               "(Jane Example/Getty Images)")
    cleaned = clean_text(page(caption))
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("caption", "Smoke rises over Kyiv after a missile strike on Thursday."),
        ("credit", "(Jane Example/Getty Images)")]


def test_clean_keeps_truncated_last_line() -> None:
    cut_short = "UAE officials say their ability to talk to a range of international actors means"
    cleaned = clean_text(page(tail=(cut_short,)))
    assert cleaned.text.endswith(cut_short)


def test_clean_reads_markdown_copies() -> None:
    md = "\n\n".join([f"# {HEADLINE}", "[Home](/) ", "![Protesters in Tehran](img.jpg)",
                      LEDE, "**" + MIDDLE + "**", "See the [statement](https://x.org/s).", END])
    cleaned = clean_text(md)
    assert cleaned.title == HEADLINE
    assert MIDDLE in cleaned.text and "See the statement." in cleaned.text
    assert "](" not in cleaned.text and "Protesters in Tehran" not in cleaned.text


@pytest.mark.parametrize("text,url,expected", [
    (" date 2019-12-24 Take the pledge to vote\n\n" + page(), None, "2019-12-24"),
    (page(head=("Updated:December 24, 2019, 1:17 PM IST",)), None, "2019-12-24"),
    (page(head=("Published on 3 March 2023",)), None, "2023-03-03"),
    (page(head=("Posted: Sept. 5, 2021",)), None, "2021-09-05"),
    (HEADLINE + "\n\nSEOUL, Aug. 10 (UPI) -- " + LEDE + "\n\nThe drills began in 2021.\n\n"
     + MIDDLE, None, "2021-08-10"),
    (page(), "https://news.example.org/world/2021/08/10/drills-story/", "2021-08-10"),
    (page(), "https://news.example.org/2023/12/some-story", "2023-12"),
    (page(head=("Last updated: December 2019",)), None, "2019-12"),
    (page(), None, None),
    (HEADLINE + "\n\nSEOUL, Aug. 10 (UPI) -- " + LEDE, None, None),  # no year anywhere
])
def test_clean_finds_publication_date(text: str, url: str | None, expected: str | None) -> None:
    assert clean_text(text, url=url).published == expected


def test_clean_removes_date_lines_from_text() -> None:
    cleaned = clean_text(page(head=("Updated: December 24, 2019 1:17 PM IST",)))
    assert "December 24" not in cleaned.text
    assert ("other", "Updated: December 24, 2019 1:17 PM IST") in {
        (r.kind, r.text) for r in cleaned.removed}


def test_clean_without_headline_starts_with_lede() -> None:
    cleaned = clean_text("\n".join([LEDE, MIDDLE, END]))
    assert cleaned.title is None
    assert cleaned.text.startswith(LEDE)


@pytest.mark.parametrize("lede", [
    "BEIJING (Reuters) - China said on Monday it would retaliate.",
    "KYIV, Oct. 10 -- Russian missiles struck the capital at rush hour.",
])
def test_clean_keeps_short_opening_paragraph_with_dateline(lede: str) -> None:
    cleaned = clean_text("\n\n".join([HEADLINE, lede, LEDE, MIDDLE, END]))
    assert lede in cleaned.text
    assert cleaned.removed == []


def test_clean_keeps_bulleted_list_announced_by_colon() -> None:
    items = ("- an end to arms sales to Taiwan", "- a halt to official contacts with Taipei")
    cleaned = clean_text(page("The ministry listed its demands:", *items))
    for item in items:
        assert item in cleaned.text


@pytest.mark.parametrize("junk,kind", [
    ("Image caption, Displaced families queue for food in Rafah", "caption"),
    ("Image source, Reuters", "credit"),
    ("Associated Press writer Jane Example in Cairo contributed to this report.", "credit"),
    ("Reporting by John Example; Editing by Jane Example", "credit"),
    ("Ad Feedback", "other"),
    ("Listen to this article", "navigation"),
    ("3 min read", "other"),
])
def test_clean_cuts_common_wire_and_site_furniture(junk: str, kind: str) -> None:
    cleaned = clean_text(page(tail=(junk,)))
    assert_story_kept(cleaned.text)
    assert [(r.kind, r.text) for r in cleaned.removed] == [(kind, junk)]


def test_clean_cuts_story_list_with_summaries_after_section_header() -> None:
    others = ("More news", "Sudan army and RSF agree to talks in Jeddah",
              "Representatives of the army and the paramilitary forces arrived in Saudi Arabia "
              "on Saturday for talks, officials said.",
              "Armenia and Azerbaijan trade fire on border",
              "Armenia accused Azerbaijan of firing on its positions overnight, killing two.")
    cleaned = clean_text(page(tail=others))
    assert_story_kept(cleaned.text)
    assert "Sudan" not in cleaned.text and "Armenia" not in cleaned.text
    assert {r.kind for r in cleaned.removed} == {"teaser"}


@pytest.mark.parametrize("box", [
    ("Related stories", "Hungary's Orban invites Kristersson to Budapest",
     "Finland completes its NATO accession"),
    ("Related coverage", "Hungary's Orban invites Kristersson to Budapest"),
])
def test_clean_cuts_inline_related_box_and_keeps_story_after_it(box: tuple[str, ...]) -> None:
    cleaned = clean_text(page(*box))
    assert_story_kept(cleaned.text)
    for line in box:
        assert line not in cleaned.text


def test_clean_reads_wire_style_page() -> None:
    text = "\n".join([
        "BREAKING NEWS",
        "Putin and Xi pledge deeper partnership in Moscow talks",
        "By Jane Doe | Published March 21, 2023",
        "FILE - Russian President Vladimir Putin, right, and Chinese President Xi Jinping meet in "
        "Moscow on March 21, 2023. (AP Photo/John Example, File)",
        "MOSCOW (AP) — Putin and Xi pledged on Tuesday to deepen their partnership, as Western "
        "governments warned Beijing against sending weapons to Moscow.",
        "READ MORE: China's peace plan for Ukraine draws skepticism in Washington",
        "Putin said China's peace proposal could form the basis of a settlement. Ukraine "
        "rejected any ceasefire that would leave Russian troops on its land.",
        "Getty Images",
        "VIDEO: Xi arrives in Moscow for three-day state visit",
        "Chinese spokesman Wang Wenbin rejected claims that Beijing had supplied lethal aid.",
        "Copyright 2023 The Associated Press. All rights reserved.",
    ])
    cleaned = clean_text(text)
    assert cleaned.title == "Putin and Xi pledge deeper partnership in Moscow talks"
    assert cleaned.published == "2023-03-21"
    assert cleaned.text.split("\n\n")[1].startswith("MOSCOW (AP)")
    assert len(cleaned.text.split("\n\n")) == 4
    assert [r.kind for r in cleaned.removed] == [
        "navigation", "credit", "caption", "credit", "teaser", "credit", "teaser", "other"]


def test_clean_keeps_witty_headline_the_story_barely_echoes() -> None:
    text = "\n".join([
        "Skip to content", "World", "Tehran's long goodbye to the nuclear deal", "Sign in",
        "Iran told the International Atomic Energy Agency on Monday that it would remove "
        "surveillance cameras from several sites, deepening a standoff over its programme.",
        "The agency's chief said the move could deal a fatal blow to the talks."])
    cleaned = clean_text(text)
    assert cleaned.title == "Tehran's long goodbye to the nuclear deal"
    assert cleaned.text.startswith(cleaned.title)
    assert [r.text for r in cleaned.removed] == ["Skip to content", "World", "Sign in"]


def test_clean_keeps_paragraphs_verbatim_quotes_and_all() -> None:
    quoted = ("“We will respond,” Zarif said. “The sanctions are illegal.” He did not say how. "
              "'It is a bad habit,' he added.")
    cleaned = clean_text(page(quoted))
    assert quoted in cleaned.text.split("\n\n")


def test_clean_keeps_subheading_before_cut_off_last_line() -> None:
    cut_off = "The detainees released today from prisons are part of the deal agreed via"
    cleaned = clean_text(page(tail=("Freed detainees", cut_off)))
    assert cleaned.text.endswith("Freed detainees\n\n" + cut_off)


def test_clean_keeps_embedded_post_and_its_attribution() -> None:
    post = ("The sanctions are a declaration of economic war",
            "— Example Minister (@example_minister) November 1, 2019")
    cleaned = clean_text(page(*post))
    for line in post:
        assert line in cleaned.text


def test_clean_does_not_take_a_date_mentioned_in_prose_for_publication() -> None:
    mention = "The report, published on March 3, 2019, found no evidence."
    assert clean_text(page(mention)).published is None


def test_clean_picks_headline_over_menu_items_and_story_lists_above_it() -> None:
    head = ("Terms of Service", "Most Commented",
            "Hungary's Orban invites Kristersson to Budapest (185)",
            "Finland completes its NATO accession after Turkish vote (142)")
    cleaned = clean_text(page(head=head))
    assert cleaned.title == HEADLINE
    for line in head:
        assert line not in cleaned.text


@pytest.mark.parametrize("header", ["Comments", "3 thoughts on “Iran talks”", "Leave a Reply"])
def test_clean_cuts_readers_comments_below_the_story(header: str) -> None:
    story = [LEDE, MIDDLE, END] * 3  # long enough to be the story, not a counter under it
    comments = [header, "Jane Example on March 4, 2024 at 9:15 am said:",
                "This is exactly what the sanctions were meant to prevent, and everyone knew it."]
    cleaned = clean_text("\n\n".join([HEADLINE, *story, *comments]))
    assert "sanctions were meant" not in cleaned.text
    assert cleaned.text.endswith(END)
    assert all(r.kind in {"other", "social"} for r in cleaned.removed)


@pytest.mark.parametrize("counter", ["12 Comments", "0 Comments", "Comments (4)"])
def test_clean_keeps_story_after_comment_counter(counter: str) -> None:
    cleaned = clean_text("\n\n".join([HEADLINE, LEDE, MIDDLE, END] * 2 + [counter]
                                       + [LEDE.replace("Friday", "Monday"), MIDDLE, END]))
    assert LEDE.replace("Friday", "Monday") in cleaned.text
