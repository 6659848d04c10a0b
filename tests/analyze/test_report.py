"""The static report: charts drawn as inline SVG, every text escaped, nothing fetched."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from analyze_helpers import event_row, frame_of

from amity.analyze.report import build_report, write_report
from amity.store import open_store


@pytest.fixture(scope="module")
def html(seedlike_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    with open_store(seedlike_db, read_only=True) as store:
        path = write_report(store, tmp_path_factory.mktemp("report") / "report.html")
    return path.read_text("utf-8")


def test_report_draws_graph_and_timelines_as_svg(html: str) -> None:
    assert len(re.findall(r'<svg [^>]*class="chart graph"', html)) == 1
    timelines = re.findall(r'<svg [^>]*class="chart timeline"', html)
    assert len(timelines) >= 3
    assert html.count("<rect ") > 10  # stacked bars and their legend
    assert 'stroke="#1b7837"' in html and 'stroke="#b2182b"' in html  # green and red edges


@pytest.mark.parametrize("section", ["Top relations", "The signed graph", "Dyad timelines",
                                     "Tacit alliances", "Unbalanced triads",
                                     "Most disputed claims"])
def test_report_has_every_section(html: str, section: str) -> None:
    assert f">{section}</h2>" in html


def test_report_shows_alliance_triad_and_disputed_claim(html: str) -> None:
    assert "Islamic State" in html
    assert "Iran backs the Syrian regime" in html
    assert "Khamenei called the charge a lie." in html


def test_report_needs_no_network(html: str) -> None:
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "<script" not in html and "@import" not in html


def test_report_escapes_page_text() -> None:
    hostile = '<script>alert("x")</script> & <marquee>'
    frame = frame_of(event_row("USA", "ACCUSE", "IRN", evidence=hostile,
                               source_rollup_name=hostile, source_name=hostile),
                     event_row("IRN", "ASSAULT", "USA"))
    page = build_report(frame, title="<i>t</i>")
    assert "<script>" not in page and "<marquee>" not in page and "<i>t</i>" not in page
    assert "&lt;script&gt;" in page and "&lt;marquee&gt;" in page


def test_empty_store_still_gives_a_page() -> None:
    page = build_report(frame_of(event_row("USA", "ACCUSE", "IRN", negated=True)))
    assert "No relations between actors" in page and "<svg" not in page


@pytest.mark.browser
def test_report_renders_in_headless_chromium(seedlike_db: Path, tmp_path: Path, chromium: str,
                                             artifacts: Path) -> None:
    from PIL import Image

    with open_store(seedlike_db, read_only=True) as store:
        page = write_report(store, tmp_path / "report.html")
    shot = artifacts / "analysis-report.png"
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--disable-sync",
                    "--hide-scrollbars", f"--screenshot={shot}", "--window-size=1280,2000",
                    page.resolve().as_uri()], check=True, timeout=120,
                   capture_output=True)
    assert shot.stat().st_size > 20_000
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2000)
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # not a blank page
    # The charts' own colours are painted: conflict red and cooperation green.
    pixels = {c for _, c in colours}
    assert any(r > 150 and g < 60 and b < 70 for r, g, b in pixels)
    assert any(g > 100 and r < 60 and b < 80 for r, g, b in pixels)


def test_graph_picture_places_every_node_apart_inside_the_frame() -> None:
    from amity.analyze import signed_graph
    from amity.analyze._svg import graph_svg

    # Two groups with no edge between them: a force layout would push them to the corners.
    frame = frame_of(event_row("USA", "AID", "SAU"), event_row("SAU", "ASSAULT", "houthis"),
                     event_row("RUS", "ASSAULT", "UKR"))
    svg = graph_svg(signed_graph(frame), width=600, height=400)
    centres = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" '
                                                           r'cy="([\d.]+)"', svg)]
    assert len(centres) == 5 and len(set(centres)) == 5
    assert all(40 <= x <= 560 and 40 <= y <= 360 for x, y in centres)
    assert svg.count("<line ") == 3
