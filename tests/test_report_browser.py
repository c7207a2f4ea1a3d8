"""The HTML brief in headless Chromium: nothing fetched, sections visible, evidence links land.

Needs Debian's chromium at /usr/bin/chromium and the playwright package (dev extra);
skips with the reason when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report_render import sample_brief

from dyads.report import render_html

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


def _open(browser: Any, html: str, tmp_path: Path, width: int) -> tuple[Any, list[str], list[str]]:
    page_file = tmp_path / "brief.html"
    page_file.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    return page, requests, failed


def test_report_browser_renders_offline(browser: Any, tmp_path: Path) -> None:
    page, requests, failed = _open(browser, render_html(sample_brief()), tmp_path, 1280)
    assert failed == []
    assert requests == [(tmp_path / "brief.html").as_uri()], "the page must fetch nothing but itself"
    assert page.locator("h1").inner_text() == "What does Putin want?"
    for selector in ("#goals", "#timeline", "#network svg.network", "#tone svg.tone", "#evidence"):
        assert page.locator(selector).is_visible(), selector
    assert page.locator("svg.network .edge").count() == 3
    assert page.locator("svg.tone .bar").count() == 2
    scripts = page.evaluate("() => [...document.querySelectorAll('script')].map(s => s.textContent).join()")
    assert "alert" not in scripts, "document text is escaped, never run"
    page.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
    assert (tmp_path / "brief.png").stat().st_size > 10_000


def test_report_browser_evidence_link_lands_on_sentence(browser: Any, tmp_path: Path) -> None:
    page, _, _ = _open(browser, render_html(sample_brief()), tmp_path, 1280)
    page.locator("#goals .refs a").first.click()
    page.wait_for_function("() => location.hash === '#ev-1'")
    target = page.locator("#ev-1")
    assert target.is_visible()
    assert "weaken NATO unity" in target.locator("mark").inner_text()
    assert page.evaluate("() => document.querySelector(':target').id") == "ev-1"
    # scrolling is smooth: wait until the cited sentence is in view
    page.wait_for_function("() => { const r = document.getElementById('ev-1').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=5000)


def test_report_browser_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    page, _, failed = _open(browser, render_html(sample_brief()), tmp_path, 390)
    assert failed == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than a phone screen"
    network = page.locator("#network .figure")
    assert network.evaluate("f => f.scrollWidth > f.clientWidth && f.scrollLeft > 0"), "wide chart starts centred"
    page.screenshot(path=str(tmp_path / "brief-phone.png"), full_page=True)


def test_report_browser_empty_brief(browser: Any, tmp_path: Path) -> None:
    brief = sample_brief(goals=(), events=(), relations=(), tones=(), evidence=(),
                         message="The store mentions Putin but has no goals, events or tone records for it yet.")
    page, _, failed = _open(browser, render_html(brief), tmp_path, 1024)
    assert failed == []
    assert page.locator(".message").is_visible()
    page.screenshot(path=str(tmp_path / "brief-empty.png"), full_page=True)
