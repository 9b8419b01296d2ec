"""The reader's side, in a real browser: Debian's Chromium driven by Playwright.

The real site is built once, served from 127.0.0.1 by a local http server, and opened in
headless Chromium with a fresh profile. Every request to another host is aborted and
recorded. Without Chromium or Playwright these tests skip on a developer's machine and
FAIL in CI (CI=true): `make test` installs Chromium itself when it runs as root.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.render.interface import words

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, or fails in CI, with the reason
    expect = None


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Collects CSP violations; added before any page script runs (init scripts are exempt from the CSP).
WATCH_CSP = ("window.__cspViolations = [];"
             "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
             "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));")


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site(built) -> Path:
    """The real site, built once for the session (tests/conftest.py); the browser tests only read it."""
    return built


@pytest.fixture(scope="module")
def server(site):
    yield from _serving(site)


def _serving(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], ConnectionError):  # a page left while a file was being sent
                super().handle_error(request, client_address)

    httpd = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (it is pinned in requirements-dev.txt)")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium; `make test` does it as root)")
    with sync_playwright() as playwright:
        # Playwright's launch() gives the browser a fresh, throw-away profile (--user-data-dir).
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Tab:
    """One browser page that records console errors, page errors, CSP violations and foreign requests."""

    def __init__(self, browser, base: str, **context):
        self.base = base
        self.context = browser.new_context(**context)
        self.context.add_init_script(WATCH_CSP)
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str = ""):
        """The page, loaded, with Material's bundle and the site's own scripts run (they load in order)."""
        self.page.goto(self.base + path, wait_until="load")
        self.page.wait_for_function("typeof document$ !== 'undefined'")
        return self.page

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations")

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, server):
    tabs = []

    def make(**context):
        tabs.append(Tab(browser, server, **{"viewport": DESKTOP, **context}))
        return tabs[-1]

    yield make
    for opened in tabs:
        opened.close()


@pytest.fixture(scope="module")
def claims(site) -> list[dict]:
    return json.loads((site / "claims.json").read_text(encoding="utf-8"))


def pages(site: Path) -> list[str]:
    """Every page's URL path, home first."""
    found = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    return ["" if path == "." else path + "/" for path in found]


# --- private -------------------------------------------------------------------------

def test_home_loads_with_no_console_error_and_no_request_to_another_host(tab):
    home = tab()
    page = home.open()
    assert page.title() == "The January 2022 unrest in Kazakhstan — Qandy Qantar"
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert home.errors == []
    assert home.foreign == []
    assert home.csp_violations() == []


def test_no_page_logs_a_csp_violation_or_loads_from_another_host(tab, site):
    reader = tab()
    for path in pages(site):
        reader.open(path)
        assert reader.csp_violations() == [], path
    assert reader.errors == []
    assert reader.foreign == []


def test_the_csp_blocks_inline_script(tab):
    reader = tab()
    page = reader.open()
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                  " document.head.append(s); }")  # an inline script runs, if at all, as it is appended
    page.wait_for_function("window.__cspViolations.some(v => v.startsWith('script-src'))")
    assert page.evaluate("window.__ran") is None


# --- citations -----------------------------------------------------------------------

def _visible_tooltip_text(page) -> str:
    expect(page.locator("#qq-tip")).to_be_visible()
    return page.locator("#qq-tip").inner_text()


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_hovering_or_tapping_a_glossary_term_shows_its_description(tab):
    page = tab().open("crackdown/")
    term = page.locator(".md-content abbr[title]").first
    description = term.get_attribute("title")
    term.hover()
    assert _squash(_visible_tooltip_text(page)) == _squash(description)
    page.keyboard.press("Escape")
    expect(page.locator("#qq-tip")).to_be_hidden()
    assert term.get_attribute("title") == description  # restored for assistive technology
    term.focus()  # the glossary makes a term's first mention focusable
    assert _squash(_visible_tooltip_text(page)) == _squash(description)
    phone = tab(viewport=PHONE, is_mobile=True, has_touch=True).open("crackdown/")
    phone.locator(".md-content abbr[title]").first.tap()
    assert _squash(_visible_tooltip_text(phone)) == _squash(description)


def _lands_on_the_passage(page, claim):
    """The source page, arrived at: the way back to the sentence and the passage, marked, in view below the header."""
    page.wait_for_url("**/" + claim["source_page"].split("#")[0] + "#*")
    anchor = claim["source_page"].split("#", 1)[1]
    assert page.evaluate("location.hash") == f"#{anchor}"
    back = page.locator(f"[id='{anchor}']")
    expect(back).to_be_visible()
    marks = back.get_attribute("data-marks").split()  # the passage's marks: more than one where citations overlap
    expect(page.locator(f"[id='{marks[-1]}']")).to_have_css("background-color", re.compile(r"rgb\(\d"))
    looks = page.evaluate(MARKS, marks)  # (one of the passage's marks?, background, text) of every mark
    assert all(mine == (background != CLEAR) for mine, background, _ in looks), "the passage strongly, the rest lightly"
    assert _squash("".join(text for mine, _, text in looks if mine)) == _squash("".join(claim["parts"]))
    mark = page.locator(f"[id='{marks[0]}']")
    header = page.locator(".md-header").bounding_box()
    viewport = page.viewport_size
    for box in (back.bounding_box(), mark.bounding_box()):
        assert box["y"] >= header["y"] + header["height"] - 1, "hidden under the header"
        assert box["y"] < viewport["height"], "not in view"
    return back


# For every way back of a source page: follow it, then [id, the way back's top and bottom, the first mark's top,
# the header's bottom, the screen's height] once the page has handled the arrival.
ARRIVALS = """async () => { const rows = [];
  for (const back of [...document.querySelectorAll('a.qq-back')]) {
    await new Promise(done => { addEventListener('hashchange', () => requestAnimationFrame(done), {once: true});
                                location.hash = back.id; });
    const mark = document.getElementById(back.dataset.marks.split(' ')[0]).getBoundingClientRect();
    const way = back.getBoundingClientRect();
    rows.push([back.id, way.top, way.bottom, mark.top, document.querySelector('.md-header').getBoundingClientRect().bottom,
               innerHeight]); }
  return rows; }"""


def test_on_a_phone_every_way_back_and_its_passage_are_in_view_on_arrival(tab, claims):
    phone = tab(**DEVICES["phone"])
    for source_page in sorted({claim["source_page"].split("#")[0] for claim in claims}):
        rows = phone.open(source_page).evaluate(ARRIVALS)
        assert rows, source_page
        for anchor, way_top, way_bottom, mark_top, header, screen in rows:
            assert header - 1 <= way_top and way_bottom < screen, (source_page, anchor, "the way back")
            assert header - 1 <= mark_top < screen - 20, (source_page, anchor, "the passage")


MARKS = "ids => [...document.querySelectorAll('mark')].map(m => [ids.includes(m.id), getComputedStyle(m).backgroundColor, m.textContent])"
CLEAR = "rgba(0, 0, 0, 0)"


def _a_claim(claims, page="crackdown/", after=3):
    return next(c for c in claims if c["page"] == page and c["number"] > after)


def test_a_mouse_hovers_a_marker_reads_the_passage_and_opens_it_in_its_source_in_one_click(tab, claims):
    claim = _a_claim(claims)
    page = tab().open(claim["page"])
    page.hover(f"[id='{claim['anchor']}'] a.footnote-ref")
    assert _squash(claim["passage"])[:60] in _squash(_visible_tooltip_text(page))
    page.locator("#qq-tip a.qq-read").click()  # the pointer moves onto the tooltip: it stays
    back = _lands_on_the_passage(page, claim)
    back.click()
    page.wait_for_url("**/" + claim["page"] + "#" + claim["anchor"])


def test_a_keyboard_tabs_to_a_marker_then_into_its_tooltip_and_opens_the_source(tab, claims):
    first = next(c for c in claims if c["page"] == "background/" and c["number"] == 1)
    page = tab().open("background/")
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('sup') && document.activeElement.closest('sup').id")
        if focused:
            break
    assert focused == first["anchor"], "Tab never reached the first citation marker"
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    assert _squash(first["passage"])[:60] in _squash(_visible_tooltip_text(page))
    page.keyboard.press("Tab")
    expect(page.locator("#qq-tip a.qq-read")).to_be_focused()
    expect(page.locator("#qq-tip")).to_be_visible()
    page.keyboard.press("Enter")
    _lands_on_the_passage(page, first)


def test_on_a_phone_one_tap_shows_the_passage_and_one_more_opens_it_in_its_source(tab, claims):
    claim = _a_claim(claims)
    page = tab(viewport=PHONE, is_mobile=True, has_touch=True).open(claim["page"])
    page.locator(f"[id='{claim['anchor']}'] a.footnote-ref").tap()
    assert _squash(claim["passage"])[:60] in _squash(_visible_tooltip_text(page))
    assert page.evaluate("location.hash") == ""  # the first tap shows; it does not follow the marker's link
    assert page.evaluate(BLANK_BELOW_TEXT) < 0.5, "the tooltip ends with a blank line"
    assert page.evaluate(TIP_OVERFLOW) <= 1, "the tooltip's text runs past its edge"
    page.locator("#qq-tip a.qq-read").tap()
    _lands_on_the_passage(page, claim)


def test_on_a_phone_a_second_tap_on_the_marker_hides_its_tooltip_where_the_reader_is(tab, claims):
    claim = _a_claim(claims)
    page = tab(viewport=PHONE, is_mobile=True, has_touch=True).open(claim["page"])
    marker = page.locator(f"[id='{claim['anchor']}'] a.footnote-ref")
    marker.tap()
    expect(page.locator("#qq-tip")).to_be_visible()
    scrolled = page.evaluate("scrollY")
    marker.tap()
    expect(page.locator("#qq-tip")).to_be_hidden()
    assert page.evaluate("location.hash") == "" and page.evaluate("scrollY") == scrolled


# CSS px by which the tooltip's content is wider than the tooltip
TIP_OVERFLOW = "() => { const tip = document.getElementById('qq-tip'); return tip.scrollWidth - tip.clientWidth; }"

# Lines of blank space between the tooltip's last visible character and its padding
BLANK_BELOW_TEXT = """() => {
  const tip = document.getElementById('qq-tip'), walk = document.createTreeWalker(tip, NodeFilter.SHOW_TEXT);
  let last = null;
  while (walk.nextNode()) if (walk.currentNode.nodeValue.trim()) last = walk.currentNode;
  const range = document.createRange(); range.selectNodeContents(last);
  const box = tip.getBoundingClientRect(), style = getComputedStyle(tip);
  const blank = box.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth)
    - range.getBoundingClientRect().bottom;
  return blank / parseFloat(getComputedStyle(last.parentElement).lineHeight);
}"""


# A phone's tap on a marker 40 px above the screen's bottom edge; a mouse's hover on one 150 px above it
NEAR_THE_EDGE = {"phone": ("tap", 40), "desktop": ("hover", 150)}


@pytest.mark.parametrize("device", sorted(NEAR_THE_EDGE))
def test_a_tooltip_opened_near_the_bottom_leaves_its_sentence_in_view(tab, claims, device):
    """The tooltip opens below the sentence it checks, never over it, and both are on the screen."""
    page, screen = tab(**DEVICES[device]).open("crackdown/"), DEVICES[device]["viewport"]["height"]
    claim = next(c for c in claims if c["page"] == "crackdown/" and page.evaluate(PAGE_TOP, c["anchor"]) > screen
                 and 2 <= page.evaluate(SENTENCE, c["anchor"])["lines"] <= 4)  # a sentence the tooltip could cover
    action, gap = NEAR_THE_EDGE[device]
    bottom = page.evaluate(NEAR_THE_BOTTOM, [claim["anchor"], gap])
    assert screen - gap - 40 < bottom <= screen, "the marker is not near the bottom of the screen"
    getattr(page.locator(f"[id='{claim['anchor']}'] a.footnote-ref"), action)()
    expect(page.locator("#qq-tip")).to_be_visible()
    sentence, tip = page.evaluate(SENTENCE, claim["anchor"]), page.locator("#qq-tip").bounding_box()
    assert tip["y"] >= sentence["bottom"] or tip["y"] + tip["height"] <= sentence["top"], (sentence, tip)
    header = page.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] <= sentence["top"] and tip["y"] + tip["height"] <= screen
    assert _squash(claim["passage"])[:40] in _squash(_visible_tooltip_text(page))


# The top of a marker in the page, and a scroll that puts its bottom `gap` px above the screen's bottom edge
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
PAGE_TOP = "id => document.getElementById(id).getBoundingClientRect().top + scrollY"
NEAR_THE_BOTTOM = """([id, gap]) => { const marker = document.getElementById(id).querySelector('a.footnote-ref');
  scrollBy({top: marker.getBoundingClientRect().bottom - (innerHeight - gap), behavior: 'instant'});
  return marker.getBoundingClientRect().bottom; }"""
# The line boxes of the sentence a marker checks (from the marker before it in its block, or the block's start, to
# the marker itself, included): their top and bottom on the screen, and how many lines they are
SENTENCE = """id => {
  const sup = document.getElementById(id), block = sup.closest('p, li, td, blockquote');
  const before = [...block.querySelectorAll('sup[id^="fnref:"]')].filter(s => s.compareDocumentPosition(sup)
    & Node.DOCUMENT_POSITION_FOLLOWING);
  const range = document.createRange();
  if (before.length) range.setStartAfter(before[before.length - 1]); else range.setStart(block, 0);
  range.setEndAfter(sup);
  const rects = [...range.getClientRects()].filter(r => r.width && r.height);
  const top = Math.min(...rects.map(r => r.top)), bottom = Math.max(...rects.map(r => r.bottom));
  return {top, bottom, lines: Math.round((bottom - top) / parseFloat(getComputedStyle(block).lineHeight))}; }"""


# The markers of the article with more than 80 characters of their paragraph after them: the sentence goes on
MID_PARAGRAPH = """() => [...document.querySelectorAll('article p sup[id^="fnref:"]')].filter(sup => {
  const rest = document.createRange(); rest.setStartAfter(sup); rest.setEndAfter(sup.closest('p').lastChild);
  return rest.toString().trim().length > 80; }).map(sup => sup.id)"""
# The screen's box of the line after a marker: the text of its paragraph that follows it (and its tooltip), past
# the marker's own line
NEXT_LINE = """id => { const sup = document.getElementById(id), rest = document.createRange();
  rest.setStartAfter(sup.nextSibling && sup.nextSibling.id === 'qq-tip' ? sup.nextSibling : sup);
  rest.setEndAfter(sup.closest('p').lastChild);
  const below = [...rest.getClientRects()].filter(r => r.width && r.top >= sup.getBoundingClientRect().bottom);
  return below.length ? {top: below[0].top, bottom: below[0].bottom} : null; }"""


def test_on_a_phone_a_tapped_reference_opens_along_the_bottom_and_the_lines_after_its_marker_stay_in_view(tab):
    """A reader checking a sentence mid-paragraph reads on: the sentence and the line after the marker stay in
    view above the tooltip, a sheet along the screen's bottom edge, which stays there as the page scrolls on while
    its marker is in view, and goes once the marker has scrolled out of view under the header."""
    page = tab(**DEVICES["phone"]).open("crackdown/")
    anchor = next(found for found in page.evaluate(MID_PARAGRAPH)
                  if page.evaluate(PAGE_TOP, found) > PHONE["height"])  # below the first screen
    page.evaluate(NEAR_THE_BOTTOM, [anchor, 40])
    page.locator(f"[id='{anchor}'] a.footnote-ref").tap()
    tip = page.locator("#qq-tip")
    expect(tip).to_be_visible()
    expect(tip).to_have_css("position", "fixed")
    box, header = tip.bounding_box(), page.locator(".md-header").bounding_box()
    assert box["x"] == 0 and box["width"] == PHONE["width"] and abs(box["y"] + box["height"] - PHONE["height"]) < 1
    sentence, after = page.evaluate(SENTENCE, anchor), page.evaluate(NEXT_LINE, anchor)
    assert header["y"] + header["height"] <= sentence["top"] and sentence["bottom"] <= box["y"], (sentence, box)
    assert after is not None and after["bottom"] <= box["y"], (after, box)
    marker = page.locator(f"[id='{anchor}'] a.footnote-ref")
    above = marker.bounding_box()["y"] - (header["y"] + header["height"])  # what the page can scroll, marker in view
    page.evaluate("top => scrollBy({top, behavior: 'instant'})", above / 2)  # the reader reads on
    page.evaluate(TWO_FRAMES)  # the scroll event has come
    expect(tip).to_be_visible()
    assert tip.bounding_box() == box
    page.evaluate("top => scrollBy({top, behavior: 'instant'})", above / 2 + marker.bounding_box()["height"] + 1)
    expect(tip).to_be_hidden()  # the marker is under the header: its sentence is out of view


def test_on_a_phone_the_sheet_closes_by_its_button_and_gives_the_focus_back_to_its_marker(tab, claims):
    """A visible button closes the sheet, by a tap or by the keyboard after the sheet's link, a target of 24 px at
    least, named in the edition's words; the focus goes back to the marker, which does not open it again."""
    claim = _a_claim(claims)
    page = tab(**DEVICES["phone"]).open(claim["page"])
    marker, tip = page.locator(f"[id='{claim['anchor']}'] a.footnote-ref"), page.locator("#qq-tip")
    marker.tap()
    close = tip.get_by_role("button", name=words("en")["close_tooltip"], exact=True)
    expect(close).to_be_visible()
    box, sheet = close.bounding_box(), tip.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24 and box["y"] >= sheet["y"], (box, sheet)
    close.tap()
    expect(tip).to_be_hidden()
    expect(marker).to_be_focused()
    page.evaluate(TWO_FRAMES)
    expect(tip).to_be_hidden()
    marker.blur()
    marker.focus()  # the keyboard comes to the marker: its sheet opens, Tab goes to its link, then to the button
    expect(tip).to_be_visible()
    page.keyboard.press("Tab")
    expect(tip.locator("a.qq-read")).to_be_focused()
    page.keyboard.press("Tab")
    expect(close).to_be_focused()
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    page.keyboard.press("Enter")
    expect(tip).to_be_hidden()
    expect(marker).to_be_focused()


def test_a_tapped_tooltip_stays_while_the_address_bar_folds_and_goes_when_the_phone_turns(tab, claims):
    claim = _a_claim(claims)
    page = tab(viewport=PHONE, is_mobile=True, has_touch=True).open(claim["page"])
    page.locator(f"[id='{claim['anchor']}'] a.footnote-ref").tap()
    expect(page.locator("#qq-tip")).to_be_visible()
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"] - 60})  # the address bar folds away
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    expect(page.locator("#qq-tip")).to_be_visible()
    page.set_viewport_size({"width": PHONE["height"], "height": PHONE["width"]})  # turned sideways
    expect(page.locator("#qq-tip")).to_be_hidden()


def test_markers_are_24_px_targets_that_never_overlap(tab, site):
    for path in ("crackdown/", ""):
        page = tab(viewport=PHONE, is_mobile=True, has_touch=True).open(path)
        boxes = page.eval_on_selector_all("a.footnote-ref", "els => els.map(e => { const r = e.getBoundingClientRect();"
                                          " return [r.left, r.top, r.width, r.height]; })")
        assert boxes and all(w >= 24 and h >= 24 for _, _, w, h in boxes), path
        for (x1, y1, w1, h1), (x2, y2, _, _) in zip(boxes, boxes[1:]):
            assert not (abs(y1 - y2) < h1 and x1 < x2 < x1 + w1 - 0.5), (path, x1, x2)
        assert page.evaluate(LINES_OFF_THE_GRID) == [], f"{path}: a marker moves the lines of its paragraph"


# Each run of markers on a page (render/markup.py: qq-then before another, qq-next after one): per marker, its
# tap box, where its number stands, and whether it is an inner marker of the run (its box centred on its number).
MARKER_RUNS = """() => {
  const marker = sup => { const link = sup.querySelector('a.footnote-ref'), box = link.getBoundingClientRect();
    const range = document.createRange(); range.selectNodeContents(link); const digits = range.getBoundingClientRect();
    return {box: [box.left, box.top, box.width, box.height], from: digits.left, to: digits.right,
            inner: sup.matches('.qq-next.qq-then')}; };
  const sups = [...document.querySelectorAll('article sup[id^="fnref"]')];
  return sups.filter(sup => sup.matches('.qq-then:not(.qq-next)')).map(first => {
    const run = [first];
    for (let at = sups.indexOf(first); run.at(-1).matches('.qq-then');) run.push(sups[++at]);
    return run.map(marker);
  });
}"""


@pytest.mark.parametrize("path", ["geopolitics/", "ru/geopolitics/", "ru/timeline/"])
def test_a_run_of_markers_reads_as_one_group_and_each_keeps_its_24_px_target(browser, merged_server, path):
    """«8, 9», not «8,    9»: in a run, a number stands a comma's width from the next; the tap boxes reach outwards
    (an inner marker's is centred on its number, and takes at most a lone marker's 10 px each side), 24 px each,
    none over another."""
    reader = Tab(browser, merged_server, **DEVICES["phone"])
    try:
        runs = reader.open(path).evaluate(MARKER_RUNS)
        assert runs, f"{path}: no run of markers to look at"
        for run in runs:
            assert all(m["box"][2] >= 24 and m["box"][3] >= 24 for m in run), (path, run)
            for one, then in zip(run, run[1:]):
                (x1, y1, w1, h1), (x2, y2, _, _) = one["box"], then["box"]
                assert not (abs(y1 - y2) < h1 and x1 < x2 < x1 + w1 - 0.5), (path, run)
                room = 9 + 10 * (one["inner"] + then["inner"])  # a comma and its space; an inner box's side
                assert then["from"] - one["to"] <= room or abs(y1 - y2) >= h1, (path, run)
        page = reader.page
        page.keyboard.press("Tab")  # a keyboard user: the focus ring of a run's marker is on its number
        link = page.locator("article sup.qq-then a.footnote-ref").first
        link.focus()
        shown = link.evaluate("a => a.matches(':focus-visible') && [getComputedStyle(a).backgroundClip,"
                              " getComputedStyle(a).backgroundColor]")
        assert shown and shown[0] == "content-box" and shown[1] not in ("transparent", "rgba(0, 0, 0, 0)"), shown
        assert reader.errors == []
    finally:
        reader.close()


# Where the text of a paragraph with markers sits off its line grid (line n at n line-heights below the
# first): a marker that made its line taller would push every later line down.
LINES_OFF_THE_GRID = """() => [...document.querySelectorAll('article p')].filter(p => p.querySelector('a.footnote-ref'))
  .flatMap(p => {
    const step = parseFloat(getComputedStyle(p).lineHeight), walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const bottoms = [];
    for (let text; (text = walker.nextNode());) {
      if (text.parentElement.closest('sup, code') || !text.textContent.trim()) continue;
      const range = document.createRange(); range.selectNodeContents(text);
      bottoms.push(...[...range.getClientRects()].map(r => r.bottom));
    }
    const first = Math.min(...bottoms);
    return bottoms.map(b => (b - first) / step).filter(n => Math.abs(n - Math.round(n)) * step > 3)
      .map(n => p.textContent.slice(0, 40));
  })"""


def test_references_are_collapsed_under_their_count_and_a_marker_opens_them(tab, claims):
    claim = _a_claim(claims)
    page = tab().open(claim["page"])
    references = page.locator("details.qq-references")
    count = sum(c["page"] == claim["page"] for c in claims)
    assert references.evaluate("d => d.open") is False
    assert _squash(references.locator("summary").inner_text()) == f"{count} references"
    note = page.locator(f"[id='fn:{claim['anchor'].split(':', 1)[1]}']")
    expect(note).to_be_hidden()
    page.keyboard.press("Escape")
    page.locator(f"[id='{claim['anchor']}'] a.footnote-ref").click()
    expect(note).to_be_visible()  # following the marker opens the references


# --- search --------------------------------------------------------------------------

class _Text(HTMLParser):
    """The article text of a page, split into text inside quotes and text outside them."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.inside, self.outside = [], []
        self.article = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self.article += 1
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        quoted = tag in ("q", "blockquote") or "footnote" in classes or (self.stack and self.stack[-1])
        self.stack.append(bool(quoted))

    def handle_endtag(self, tag):
        if tag == "article":
            self.article -= 1
        if self.stack and tag not in ("br", "img", "input", "hr", "meta", "link"):
            self.stack.pop()

    def handle_data(self, data):
        if self.article:
            (self.inside if self.stack and self.stack[-1] else self.outside).append(data)


def _word_only_in_quotes(site: Path, claims: list[dict]) -> tuple[str, str]:
    """A word of a quoted passage that no page's own prose uses outside a quotation or a reference.

    Source pages are left out: they show the cited paragraphs, so every quoted word is there.
    """
    outside, inside_by_page = set(), {}
    for path in pages(site):
        if path.startswith("sources/"):
            continue
        parser = _Text()
        parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
        outside |= set(re.findall(r"[a-z]{5,}", " ".join(parser.outside).lower()))
        inside_by_page[path] = set(re.findall(r"[a-z]{5,}", " ".join(parser.inside).lower()))
    for claim in claims:
        if claim["kind"] != "quote" or claim["page"] not in inside_by_page:
            continue
        for word in sorted(set(re.findall(r"[a-z]{6,}", claim["passage"].lower()))):
            if word not in outside and word in inside_by_page[claim["page"]]:
                return word, claim["page"]
    pytest.fail("no word appears only inside a quote")


def test_search_finds_a_word_that_appears_only_inside_a_quote(tab, site, claims):
    word, citing_page = _word_only_in_quotes(site, claims)
    page = tab().open()
    page.click("input.md-search__input")
    page.keyboard.type(word)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert any(f"/{citing_page}" in link for link in links), (word, citing_page, links)


def test_a_search_for_a_place_lists_the_story_pages_before_the_source_and_contributor_pages(tab):
    page = tab().open()
    page.click("input.md-search__input")
    page.keyboard.type("Almaty")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    found = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.pathname)")
    behind = [not _tells_the_story(path) for path in found]
    assert found and not behind[0] and behind == sorted(behind), found
    numbers = page.eval_on_selector_all(".md-search-result sup", "sups => sups.map(s => s.textContent.trim())")
    assert not [number for number in numbers if number.isdigit()], "a marker's number is in a snippet"


def _tells_the_story(path: str) -> bool:
    """A reader's page: not a source's page, nor the method or the conventions page (mkdocs.yml's exempt)."""
    page = path.strip("/")
    exempt = [name.removesuffix(".md") for name in _exempt_pages()]
    return not (page.startswith("sources") or page in exempt)


def _exempt_pages() -> list[str]:
    from tests.conftest import CONFIG
    return next(plugin["citations"]["exempt"] for plugin in CONFIG["plugins"]
                if isinstance(plugin, dict) and "citations" in plugin)


# --- layout, dark mode, print ------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_layout_has_no_horizontal_scroll(tab, site, scheme):
    phone = tab(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme)
    wide = []
    for path in pages(site):
        page = phone.open(path)
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            wide.append((path or "/", width))
        # a table marked for cards must fit the text column: one card per row, nothing to scroll inside it
        for table in page.evaluate(CARD_TABLES):
            if table[0] > table[1]:
                wide.append((path or "/", "div.qq-cards table", table))
    assert wide == []


def test_no_line_on_a_phone_starts_with_a_citation_marker(tab, site):
    phone = tab(viewport=PHONE, is_mobile=True, has_touch=True)
    alone = {path or "/": found for path in pages(site) if (found := phone.open(path).evaluate(MARKERS_ALONE))}
    assert alone == {}


# Markers that follow text, with no space between, but start below the line where that text ends
MARKERS_ALONE = r"""() => [...document.querySelectorAll('.md-content sup[id^="fnref:"]')].flatMap(sup => {
  const block = sup.closest('p, li, td, th, dd, dt, figcaption, blockquote, h1, h2, h3, h4, h5, h6');
  const walk = document.createTreeWalker(block || document.body, NodeFilter.SHOW_TEXT);
  let before = null;  // the last text before the marker: a word, a quote's or a figure's last word, a marker
  while (walk.nextNode() && sup.compareDocumentPosition(walk.currentNode) & Node.DOCUMENT_POSITION_PRECEDING
         && !sup.contains(walk.currentNode)) before = walk.currentNode;
  const text = before ? before.nodeValue : "";
  if (!text || /\s/.test(text[text.length - 1])) return [];
  const range = document.createRange(); range.setStart(before, text.length - 1); range.setEnd(before, text.length);
  return sup.getBoundingClientRect().top > range.getBoundingClientRect().bottom - 1 ? [sup.id] : [];
})"""


CARD_TABLES = """() => [...document.querySelectorAll('.qq-cards table')].map(t =>
  [t.scrollWidth, t.closest('article').clientWidth])"""


CONTRAST = """(selectors) => {
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, bottom) => { const a = top.length > 3 ? top[3] : 1;
                                    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.length > 3 && c[3] === 0) continue; layers.push(c); if (c.length === 3 || c[3] === 1) break; }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255]); };
  const out = [];
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    if (!el) { out.push([selector, null]); continue; }
    const bg = background(el); const fg = over(rgba(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    out.push([selector, Math.round((a + 0.05) / (b + 0.05) * 100) / 100]);
  }
  return out; }"""
CHECKED = {
    "crackdown/": [".md-typeset p a", ".md-typeset .footnote-ref", ".md-typeset .footnote li p", ".qq-quote",
                   ".qq-figure", ".md-footer__title"],
    "sources/obeachain-2022-01-07/": ["mark", ".qq-basis", ".qq-cited-in a", ".qq-paragraph-number", ".qq-source-summary"],
}
EVERYWHERE = [".md-typeset p", ".md-typeset h2", ".md-nav__link", ".md-copyright", ".md-search__input"]


@pytest.mark.parametrize("path", sorted(CHECKED))
def test_dark_mode_keeps_contrast(tab, path):
    page = tab(color_scheme="dark").open(path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    selectors = EVERYWHERE + CHECKED[path]
    ratios = dict(page.evaluate(CONTRAST, selectors))
    assert all(ratio is not None for ratio in ratios.values()), ratios
    assert {s: r for s, r in ratios.items() if r < 4.5} == {}


# A proof mark's background, its paragraph's, and that of the same words written by hand in that paragraph
LOOK = """([selector, tag, words]) => { const mark = document.querySelector(selector), p = mark.closest('p');
  const typed = p.appendChild(document.createElement(tag)); typed.textContent = words;
  const look = [mark, p, typed].map(e => getComputedStyle(e).backgroundColor); typed.remove(); return look; }"""
HAND_MADE = {".md-typeset p .qq-figure": ("strong", "at least 10,000"),  # bold, as a figure once looked
             ".md-typeset p q.qq-quote": ("span", "“shoot if you must”")}  # a quotation typed in prose


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("selector", sorted(HAND_MADE))
def test_a_checked_figure_or_quote_is_tinted_as_hand_written_text_is_not(tab, scheme, selector):
    """Content has no style and no proof class, so the tint is what hand-written text cannot look like."""
    page = tab(color_scheme=scheme).open("crackdown/")
    mark, paragraph, typed = page.evaluate(LOOK, [selector, *HAND_MADE[selector]])
    assert mark not in (paragraph, typed, "rgba(0, 0, 0, 0)") and typed == paragraph
    [(_, ratio)] = page.evaluate(CONTRAST, [selector])
    assert ratio >= 4.5


def test_the_palette_toggle_switches_to_dark_and_is_remembered(tab):
    reader = tab(color_scheme="light")
    page = reader.open()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.click("label[title='Switch to dark mode']")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page = reader.open("background/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert reader.errors == [] and reader.csp_violations() == []


def test_the_palette_follows_the_system_until_a_reader_chooses_and_enter_switches_it(tab):
    reader = tab(color_scheme="dark")
    page = reader.open()
    scheme = "document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "slate"
    page.emulate_media(color_scheme="light")  # the system changes: no choice stored, so the page follows
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(page.locator("label[title='Switch to dark mode']")).to_be_visible()
    page.focus("input.md-option:checked")
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "slate"
    expect(page.locator("label[title='Switch to light mode']")).to_be_visible()
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")  # a reader's choice is kept, whatever the system says
    page = reader.open("background/")
    assert page.evaluate(scheme) == "slate"
    assert reader.errors == [] and reader.csp_violations() == []


def test_print_keeps_citations_as_numbered_references_with_visible_urls(tab, claims):
    claim = next(c for c in claims if c["page"] == "background/")
    page = tab().open("background/")
    page.emulate_media(media="print")
    number = claim["anchor"].split(":", 1)[1]
    shown = page.locator(f"[id='{claim['anchor']}'] a.footnote-ref").inner_text().strip()
    assert shown in (str(claim["number"]), f"[{claim['number']}]")  # in brackets right after a number
    reference = page.locator(f"[id='fn:{number}']")
    assert reference.is_visible()  # the references are collapsed on screen, open in print
    after = reference.locator("a.qq-read").evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://" in after and claim["source_page"].split("#")[0] in after
    assert page.locator(".md-sidebar--primary").is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


# --- visuals and accessibility -----------------------------------------------------------

DEVICES = {"desktop": {"viewport": DESKTOP}, "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True}}
VISUALS = {"": [".qq-facts", ".qq-map svg", ".qq-rail"], "timeline/": [".qq-rail"], "figures/": [".qq-chart"],
           "csto-intervention/": [".qq-map svg"]}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", sorted(DEVICES))
def test_every_visual_renders_inside_the_screen_with_no_error_or_foreign_request(tab, device, scheme):
    reader = tab(color_scheme=scheme, **DEVICES[device])
    width = DEVICES[device]["viewport"]["width"]
    for path, selectors in VISUALS.items():
        page = reader.open(path)
        for selector in selectors:
            expect(page.locator(selector).first).to_be_visible()
            box = page.locator(selector).first.bounding_box()
            assert box["width"] > 100 and box["x"] >= 0 and box["x"] + box["width"] <= width, (path, selector, box)
        text, body = page.evaluate(DRAWN_TEXT_AND_BODY_TEXT)
        assert text <= 1.3 * body, f"{path}: a drawing's text is drawn larger than the page's text"
    assert reader.errors == [] and reader.foreign == [] and reader.csp_violations() == []


# The height of the tallest text in a drawing (map labels excepted: a map is read at its own scale), and
# the size of the page's body text: a drawing that scales up with a wide screen would show them apart.
DRAWN_TEXT_AND_BODY_TEXT = """() => [Math.max(0, ...[...document.querySelectorAll('.qq-visual:not(.qq-map) svg text')]
    .map(t => t.getBoundingClientRect().height)), parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)]"""


# Every element of a rail that holds text of its own: [its text, its computed font size in CSS px].
RAIL_TEXT_SIZES = """els => els.flatMap(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
    ? [[e.textContent.trim(), parseFloat(getComputedStyle(e).fontSize)]] : [])"""
RAIL_MIN_PX = 14


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]])
def test_every_word_of_a_rail_is_at_least_14_px(tab, width):
    reader = tab(viewport={"width": width, "height": PHONE["height"]})
    for path in [path for path, selectors in VISUALS.items() if ".qq-rail" in selectors]:
        page = reader.open(path)
        expect(page.locator(".qq-rail").first).to_be_visible()
        sizes = page.eval_on_selector_all(".qq-rail, .qq-rail *", RAIL_TEXT_SIZES)
        assert sizes and [(text, size) for text, size in sizes if size < RAIL_MIN_PX] == [], (path or "/", width)


# The top of the first two marks of each group of /timeline/'s rail that has two.
RAIL_ROWS = """lists => lists.filter(l => l.children.length > 1)
    .map(l => [l.children[0].getBoundingClientRect().top, l.children[1].getBoundingClientRect().top])"""


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]])
def test_the_timeline_rail_runs_across_the_screen_not_down_it(tab, width):
    """A rail, not a list: the marks of a group stand side by side (a theme rule for lists once stacked them)."""
    page = tab(viewport={"width": width, "height": PHONE["height"]}).open("timeline/")
    expect(page.locator(".qq-rail ol").first).to_be_visible()
    rows = page.eval_on_selector_all(".qq-rail ol", RAIL_ROWS)
    assert rows and all(first == second for first, second in rows), rows


def test_the_visuals_need_no_javascript(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        for path, selectors in VISUALS.items():
            page.goto(server + path)
            for selector in selectors:
                expect(page.locator(selector).first).to_be_visible()
    finally:
        context.close()


# Every label, mark and leader line of the map, in the map's own units: [text or '', x0, y0, x1, y1, the mark's link];
# first the view box, as [width, height]. getBBox is the box of the text as the browser lays it out in the font it
# picked.
MAP_BOXES = """() => { const svg = document.querySelector('.qq-map svg');
    return [[svg.viewBox.baseVal.width, svg.viewBox.baseVal.height],
    [...svg.querySelectorAll('text, circle, line')].map(e => {
    const b = e.getBBox(); return [e.tagName === 'text' ? e.textContent : '', b.x, b.y, b.x + b.width, b.y + b.height,
    e.closest('a') ? e.closest('a').getAttribute('href') : null]; })]; }"""
MAP_GAP = 2  # view-box units between any two labels, or a label and another place's mark


@pytest.mark.parametrize("device", sorted(DEVICES))
def test_no_label_of_the_map_leaves_it_or_touches_another_label_or_another_places_mark(browser, merged_server,
                                                                                       device):
    """In each edition: a Russian name runs longer than the English one, and the map places each label by its width
    (macros/render/visuals/placement.py)."""
    reader = Tab(browser, merged_server, **DEVICES[device])
    try:
        for path in [edition + path for edition in ("", "ru/")
                     for path, selectors in VISUALS.items() if ".qq-map svg" in selectors]:
            page = reader.open(path)
            expect(page.locator(".qq-map svg").first).to_be_visible()
            (width, height), boxes = page.evaluate(MAP_BOXES)
            assert any(text for text, *_ in boxes), path
            for text, *box, href in boxes:
                assert not text or (0 <= box[0] and 0 <= box[1] and box[2] <= width and box[3] <= height), (path, text)
            for i, (text, *box, href) in enumerate(boxes):
                for other, *other_box, other_href in boxes[i + 1:]:
                    if not (text or other) or (href is not None and href == other_href and not (text and other)):
                        continue  # two marks, or a place's label and its own mark or leader line
                    apart = box[2] + MAP_GAP <= other_box[0] or other_box[2] + MAP_GAP <= box[0] or \
                        box[3] + MAP_GAP <= other_box[1] or other_box[3] + MAP_GAP <= box[1]
                    assert apart, (path, text or href, other or other_href)
    finally:
        reader.close()


# The end of each leader line of the map, and whether any country's shape, as drawn, covers it.
LEADER_ENDS = """() => [...document.querySelectorAll('.qq-map line.qq-leader')].map(line => {
    const end = new DOMPoint(line.x2.baseVal.value, line.y2.baseVal.value);
    return [line.closest('a').textContent, [...document.querySelectorAll('.qq-map .qq-country')]
        .some(country => country.isPointInFill(end))]; })"""


def test_a_seas_leader_line_ends_on_its_water(browser, merged_server):
    """A sea's label set beside its water (macros/render/visuals/placement.py) points at the water, in each edition."""
    reader = Tab(browser, merged_server, **DEVICES["phone"])
    try:
        for path in [edition + path for edition in ("", "ru/")
                     for path, selectors in VISUALS.items() if ".qq-map svg" in selectors]:
            page = reader.open(path)
            expect(page.locator(".qq-map svg").first).to_be_visible()
            ends = page.evaluate(LEADER_ENDS)
            assert [name for name, on_land in ends if on_land] == [], path
    finally:
        reader.close()


# The size on screen, in CSS px, of every text of the map: its labels as drawn at the map's scale, its key and credit.
MAP_TEXT_SIZES = """() => [...document.querySelectorAll('.qq-map svg text')]
    .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])
    .concat([...document.querySelectorAll('.qq-map figcaption, .qq-map figcaption *, .qq-map + details *')]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(e => [e.textContent.slice(0, 40), parseFloat(getComputedStyle(e).fontSize)]))"""


@pytest.mark.parametrize("device", sorted(DEVICES))
def test_every_text_of_the_map_is_at_least_14_px(tab, device):
    reader = tab(**DEVICES[device])
    for path in [path for path, selectors in VISUALS.items() if ".qq-map svg" in selectors]:
        page = reader.open(path)
        expect(page.locator(".qq-map svg").first).to_be_visible()
        sizes = page.evaluate(MAP_TEXT_SIZES)
        assert sizes and [(text, size) for text, size in sizes if size < 14] == [], (path, device)


# The home page as a phone lays it out, in page pixels: the title's bottom; every block from the title to the
# end of the numbers at a glance, with its bottom; the figures of the numbers; the labels of the list before
# them; and the bottom of the "Start here" heading. Measured once the fonts are in, since they set the wrapping.
HOME_SCREENS = """() => document.fonts.ready.then(() => {
    const bottom = el => el.getBoundingClientRect().bottom + scrollY;
    const article = document.querySelector('article'), title = article.querySelector('h1');
    const numbers = article.querySelector('.qq-facts'), start = document.getElementById('start-here');
    const after = el => title.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
    const upTo = el => el === numbers || (el.compareDocumentPosition(numbers) & Node.DOCUMENT_POSITION_FOLLOWING);
    const blocks = numbers ? [...article.children].filter(el => after(el) && upTo(el)) : [];
    return {title: bottom(title), blocks: blocks.map(el => [el.tagName.toLowerCase(), el.className, bottom(el)]),
            figures: numbers ? [...numbers.querySelectorAll('.qq-figure')].map(el => el.dataset.kind) : [],
            labels: blocks.filter(el => el.tagName === 'UL')
                .flatMap(ul => [...ul.querySelectorAll(':scope > li > strong:first-child')])
                .map(el => el.textContent.trim()),
            start: start ? bottom(start) : null}; })"""


def test_a_phone_shows_what_when_where_who_and_the_numbers_in_its_first_screen_after_the_title(tab):
    """Issue 24: a newcomer reads the summary, when, where and who, and the numbers at a glance (deaths,
    detentions, convictions, troops) without scrolling past one 844-px screen below the title; "Start here"
    ends within the first two screens."""
    page = tab(**DEVICES["phone"]).open()
    expect(page.locator("article .qq-facts")).to_be_visible()
    home = page.evaluate(HOME_SCREENS)
    assert {"deaths", "detained", "convicted", "csto-troops"} <= set(home["figures"]), home["figures"]
    assert {"When:", "Where:", "Who:"} <= set(home["labels"]), home["labels"]
    assert home["blocks"][0][0] == "p" and home["blocks"][-1][1] == "qq-facts", home["blocks"]
    first_screen = home["title"] + PHONE["height"]
    assert [block for block in home["blocks"] if block[2] > first_screen] == [], (first_screen, home["blocks"])
    assert home["start"] is not None and home["start"] <= 2 * PHONE["height"], home["start"]


@pytest.mark.parametrize("mark", [".qq-map .qq-map-places a", ".qq-rail a[href*='#']", "a.qq-chart-link"])
def test_one_tap_on_a_mark_of_a_visual_shows_the_passage_behind_it(tab, claims, mark):
    phone = tab(**DEVICES["phone"])
    page = phone.open("figures/" if "chart" in mark else "")
    link = page.locator(mark).first
    href = link.get_attribute("href")
    link.tap()
    page.wait_for_url(f"**#{href.split('#')[1]}")
    at, anchor = page.url[len(phone.base):].split("#")
    claim = next(c for c in claims if c["page"] == at and c["anchor"] == anchor)
    assert _squash(claim["passage"])[:50] in _squash(_visible_tooltip_text(page))
    expect(page.locator("#qq-tip a.qq-read")).to_be_visible()
    assert phone.errors == []


# Each device and each colour scheme once, and each page of each edition once: the English pages on the desktop
# in light, the Russian ones on the phone in dark (test_the_russian_pages_load_cleanly_and_axe_finds_no_violation:
# the phone's own parts, its drawer and its tooltip sheet, in the scheme whose contrast is the harder to get
# right). The editions are the same templates and stylesheet with other words; every pairing on every page of
# both editions cost the suite a minute for what these two already reach.
@pytest.mark.parametrize("device, scheme", [("desktop", "light")])
def test_axe_finds_no_violation_on_any_page(tab, site, claims, device, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe, reader, found = Axe(), tab(color_scheme=scheme, **DEVICES[device]), {}
    arrival = claims[0]["source_page"]  # a source page as a marker's link opens it: the way back, the passage marked
    for path in pages(site) + [arrival]:
        page = reader.open(path)
        if path == arrival:
            expect(page.locator(".qq-back:target")).to_be_visible()
        violations = axe.run(page).response["violations"]
        if violations:
            found[path or "/"] = [(v["id"], [node["target"] for node in v["nodes"][:3]]) for v in violations]
    assert found == {}


# --- offline: the zip of `make offline`, opened from disk ---------------------------------

@pytest.fixture(scope="module")
def offline(site, tmp_path_factory) -> Path:
    from macros.offline import make_offline, make_zip

    work = tmp_path_factory.mktemp("offline")
    folder = make_offline(site, work / "copy")
    archive = make_zip(folder, work / "site.zip")
    import zipfile

    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(work / "unzipped")
    return work / "unzipped" / "qandy-qantar"


def test_offline_zip_navigation_search_and_citations_work_from_disk(browser, offline, claims):
    context = browser.new_context(viewport=DESKTOP)
    foreign, errors = [], []
    context.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(("file:", "data:", "blob:", "about:"))
                                         else (foreign.append(route.request.url), route.abort())))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        home = (offline / "index.html").as_uri()
        page.goto(home)
        for selector in VISUALS[""]:
            expect(page.locator(selector).first).to_be_visible()
        # navigation: a link to another page opens that page's file, not a folder listing
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(lambda url: url != home)
        assert page.url.endswith("/index.html")
        assert page.locator("article h1").count() == 1
        page.goto((offline / "crackdown" / "index.html").as_uri())
        # citations: the tooltip, then the reference to the source page's highlighted passage
        claim = next(c for c in claims if c["page"] == "crackdown/")
        page.hover(f"[id='{claim['anchor']}'] a.footnote-ref")
        assert _squash(claim["passage"])[:60] in _squash(_visible_tooltip_text(page))
        page.locator("#qq-tip a.qq-read").click()
        page.wait_for_url("**/sources/**/index.html#*")
        expect(page.locator(".qq-back:target")).to_be_visible()
        # search: built from search/search_index.js by the worker, running in an iframe shim. It starts from a
        # page opened without a #fragment: Material closes the search box 125 ms after a page opens on one.
        page.goto(home)
        page.click("input.md-search__input")
        page.keyboard.type("Tokayev")
        result = page.locator(".md-search-result__link").first
        expect(result).to_be_visible()
        href = result.get_attribute("href")
        assert href.startswith("file:") and ".html" in href, href
        result.click()
        page.wait_for_url(href)
        assert re.sub(r"[?#].*", "", page.url).endswith("/index.html"), page.url
        assert errors == [] and foreign == []
    finally:
        context.close()


# --- the editions: the merged site of `make build`, and `make serve` -------------------------------------------

@pytest.fixture(scope="module")
def merged_server(merged):
    yield from _serving(merged)


def _switch(page, lang: str) -> None:
    """Open the language menu, as a reader does, and pick the edition."""
    page.locator(".md-header .md-select").hover()
    link = page.locator(f'a.md-select__link[hreflang="{lang}"]')
    expect(link).to_be_in_viewport()  # open: a click on a link still sliding in would scroll the page to it
    link.click()


def test_the_switcher_keeps_the_reader_on_the_page_and_russian_pages_say_so(browser, merged_server):
    reader = Tab(browser, merged_server, viewport=DESKTOP)
    try:
        page = reader.open("figures/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        _switch(page, "ru")
        expect(page).to_have_url(merged_server + "ru/figures/")
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        _switch(page, "en")
        expect(page).to_have_url(merged_server + "figures/")
        reader.open("sources/")
        _switch(page, "ru")
        expect(page).to_have_url(merged_server + "ru/sources/")
        reader.open("crackdown/")
        _switch(page, "ru")
        expect(page).to_have_url(merged_server + "ru/crackdown/")
        reader.open("conventions/")  # the contributors' page has no translation: the Russian edition's home page
        _switch(page, "ru")
        expect(page).to_have_url(merged_server + "ru/")
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        assert reader.errors == [] and reader.foreign == [] and reader.csp_violations() == []
    finally:
        reader.close()


def test_the_switcher_takes_the_readers_heading_to_the_other_edition(browser, merged_server, merged):
    """From /crackdown/#a-heading, Russian opens /ru/crackdown/#a-heading, at that heading (headings keep their ids
    in every edition); from a part the reader scrolled to, at that part's heading; from the page's top, at the top;
    a page with no translation sends to the home page, with no #id; without JavaScript the link is the page's own."""
    from selectolax.lexbor import LexborHTMLParser
    page_html = LexborHTMLParser((merged / "crackdown" / "index.html").read_text(encoding="utf-8"))
    heading = page_html.css("article h2[id]")[-1].attributes["id"]  # the last: far from the page's top
    reader = Tab(browser, merged_server, **DEVICES["phone"])
    try:
        page = reader.open(f"crackdown/#{heading}")
        _switch(page, "ru")
        expect(page).to_have_url(f"{merged_server}ru/crackdown/#{heading}")
        expect(page.locator(f"[id='{heading}']")).to_be_in_viewport()
        _switch(page, "en")
        expect(page).to_have_url(f"{merged_server}crackdown/#{heading}")
        other = LexborHTMLParser((merged / "conventions" / "index.html").read_text(encoding="utf-8"))
        reading = page_html.css("article h2[id]")[1].attributes["id"]  # a heading the reader scrolls to, no #id
        page = reader.open("crackdown/")
        page.locator(f"[id='{reading}']").evaluate(
            "heading => window.scrollTo(0, heading.getBoundingClientRect().bottom + scrollY + 10)")
        expect(page.locator(f"[id='{reading}']")).not_to_be_in_viewport()
        _switch(page, "ru")
        expect(page).to_have_url(f"{merged_server}ru/crackdown/#{reading}")
        page = reader.open("figures/")  # a generated page: its headings' places are their sections' ids
        # the longest section but the last: room to scroll its heading to the top
        kind = page.evaluate("[...document.querySelectorAll('article section[id]')].slice(0, -1).sort("
                             "(a, b) => b.offsetHeight - a.offsetHeight)[0].id")
        page.locator(f"section[id='{kind}'] > h2").evaluate(  # the heading at the screen's top, under the header
            "heading => window.scrollTo(0, heading.getBoundingClientRect().top + scrollY - 60)")
        _switch(page, "ru")
        expect(page).to_have_url(f"{merged_server}ru/figures/#{kind}")
        page = reader.open("crackdown/")  # at the page's top: the other page's top
        _switch(page, "ru")
        expect(page).to_have_url(f"{merged_server}ru/crackdown/")
        page = reader.open(f"conventions/#{other.css_first('article h2[id]').attributes['id']}")
        _switch(page, "ru")
        expect(page).to_have_url(f"{merged_server}ru/")
        assert reader.errors == [] and reader.csp_violations() == []
    finally:
        reader.close()
    assert page_html.css_first("a.md-select__link[hreflang='ru']").attributes["href"].endswith("ru/crackdown/")


def test_russian_search_finds_tokayev_and_almaty_on_russian_pages_only(browser, merged_server):
    reader = Tab(browser, merged_server, viewport=DESKTOP)
    try:
        page = reader.open("ru/")
        page.click("input.md-search__input")
        # Material's Russian "Initializing search", until the worker has read the index with the ru stemmer
        expect(page.locator(".md-search-result__meta")).not_to_have_text("Инициализация поиска")
        for word in ("Токаев", "Алматы"):
            page.locator("input.md-search__input").fill("")
            page.keyboard.type(word)
            page.keyboard.press("End")  # Material reads the query on keyup: Playwright types Cyrillic without keys
            expect(page.locator(".md-search-result__item").first).to_be_visible()
            links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.pathname)")
            assert links and all(link.startswith("/ru/") for link in links), (word, links)
        assert reader.errors == [] and reader.csp_violations() == []
    finally:
        reader.close()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_russian_quote_shows_our_translation_and_its_tooltip_the_english_original(browser, merged_server, merged,
                                                                                   device):
    from macros.render.interface import say

    entries = json.loads((merged / "claims.json").read_text(encoding="utf-8"))
    claim = next(entry for entry in entries if entry["lang"] == "ru" and entry["macro"] == "quote")
    phone = device == "phone"
    reader = Tab(browser, merged_server, **({"viewport": PHONE, "is_mobile": True, "has_touch": True} if phone
                                            else {"viewport": DESKTOP}))
    try:
        page = reader.open(claim["page"].lstrip("/"))
        link = page.locator(f"[id='{claim['anchor']}'] a.footnote-ref")
        shown = page.locator(f"[id='{claim['anchor']}']").evaluate("sup => sup.previousElementSibling.textContent")
        assert _squash(shown) == _squash(claim["translation"]) != _squash(claim["passage"])
        link.tap() if phone else link.hover()
        tip = _squash(_visible_tooltip_text(page))
        assert _squash(claim["passage"]) in tip and say("translated_in_text", "ru") in tip
        if phone:  # the sheet's close button, named in the edition's words
            expect(page.locator("#qq-tip").get_by_role("button", name=say("close_tooltip", "ru"), exact=True)
                   ).to_be_visible()
        assert reader.errors == [] and reader.csp_violations() == []
    finally:
        reader.close()


FIGURE_BOTTOMS = """() => [...document.querySelectorAll('article .qq-facts .qq-figure')]
    .map(el => el.getBoundingClientRect().bottom + scrollY)"""


def test_the_russian_home_page_keeps_the_first_phone_screen_of_the_english(browser, merged_server):
    """The Russian home page translates the English one block by block: the same summary, labelled list and numbers
    at a glance (after the note on whose words its quotes are), each figure within the first phone screen after the
    title (Russian words run longer: the small print under the last figures may end below it), and "Start here"
    within two."""
    reader = Tab(browser, merged_server, **DEVICES["phone"])
    try:
        english = reader.open("").evaluate(HOME_SCREENS)
        page = reader.open("ru/")
        russian, figures = page.evaluate(HOME_SCREENS), page.evaluate(FIGURE_BOTTOMS)
        assert russian["figures"] == english["figures"] and len(russian["labels"]) == len(english["labels"])
        translated = [block for block in russian["blocks"] if block[1] != "qq-translation-note"]  # the engine's note
        assert [block[:2] for block in translated] == [block[:2] for block in english["blocks"]]
        first_screen = russian["title"] + PHONE["height"]
        assert [block for block in russian["blocks"][:-1] if block[2] > first_screen] == [], (first_screen, russian)
        assert figures and max(figures) <= first_screen, (first_screen, figures)
        assert russian["start"] is not None and russian["start"] <= 2 * PHONE["height"], russian["start"]
    finally:
        reader.close()


def _served(browser, tmp_path, live_reload: bool) -> tuple[list[str], bool]:
    """`mkdocs serve` of the English edition, as `make serve` runs it or without its request for live reload:
    the home page's CSP violations, and whether its live reload polled the server."""
    from tests.conftest import MKDOCS, ROOT
    from tests.test_site import free_port, wait_until_served

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QQ_LIVE_RELOAD": "1" if live_reload else ""}
    log = tmp_path / f"serve-{live_reload}.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([str(MKDOCS), "serve", "--strict", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
                                  cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    reader = None
    try:
        wait_until_served(server, base + "qandy-qantar/", log)
        reader = Tab(browser, base, viewport=DESKTOP)
        polls = []
        reader.page.on("request", lambda request: "/livereload/" in request.url and polls.append(request.url))
        if live_reload:
            with reader.page.expect_request(lambda request: "/livereload/" in request.url):
                reader.open("qandy-qantar/")
        else:
            reader.open("qandy-qantar/").wait_for_function("window.__cspViolations.length > 0")
        return reader.csp_violations(), bool(polls)
    finally:
        if reader is not None:
            reader.close()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_make_serve_runs_the_live_reload_script_that_the_built_sites_policy_blocks(browser, tmp_path):
    """The built site's policy is unchanged (test_editions.py: every page of `make build`, built with the same
    request in its environment); under `mkdocs serve`, only `make serve`'s request relaxes it."""
    violations, polled = _served(browser, tmp_path, live_reload=True)
    assert violations == [] and polled
    violations, polled = _served(browser, tmp_path, live_reload=False)
    assert [violation.split()[0] for violation in violations] == ["script-src-elem"] and not polled


@pytest.mark.parametrize("device, scheme", [("phone", "dark")])
def test_the_russian_pages_load_cleanly_and_axe_finds_no_violation(browser, merged_server, merged, device, scheme):
    """Every page of the Russian edition, on the phone in dark (the English ones are checked on the desktop in
    light, above): no console error, CSP violation or foreign request, no axe-core violation, and nothing
    wider than the 390 px screen (the English pages: test_phone_layout_has_no_horizontal_scroll)."""
    from axe_playwright_python.sync_playwright import Axe

    axe, reader, found = Axe(), Tab(browser, merged_server, color_scheme=scheme, **DEVICES[device]), {}
    try:
        russian = [path for path in pages(merged) if path.startswith("ru/")]
        assert "ru/" in russian
        for path in russian:
            page = reader.open(path)
            assert reader.csp_violations() == [], path
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1] == PHONE["width"], (path, width)
            assert [table for table in page.evaluate(CARD_TABLES) if table[0] > table[1]] == [], path
            violations = axe.run(page).response["violations"]
            if violations:
                found[path] = [(v["id"], [node["target"] for node in v["nodes"][:3]]) for v in violations]
        assert found == {}
        assert reader.errors == [] and reader.foreign == []
    finally:
        reader.close()
