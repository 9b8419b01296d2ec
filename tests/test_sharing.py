"""The real site, as a link preview and a search engine read it: a title of its own on every page,
Open Graph and Twitter cards with the share image, JSON-LD naming the sources each page cites."""
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

from tests.conftest import CONFIG, ROOT

CARD = ("og:type", "og:title", "og:description", "og:url", "og:image",
        "twitter:card", "twitter:title", "twitter:description", "twitter:image")
SITE_URL = CONFIG["site_url"]


def card(tree) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.css("head meta[property], head meta[name]"):
        key = meta.attributes.get("property") or meta.attributes.get("name")
        values.setdefault(key, []).append(meta.attributes.get("content") or "")
    return values


def linked_data(tree) -> list[dict]:
    return [json.loads(script.text()) for script in tree.css('script[type="application/ld+json"]')]


def explainer_pages() -> list[str]:
    """The URL of every page in docs/ that is not about the site itself (mkdocs.yml: the citations plugin's
    `exempt`)."""
    from macros.check import check_project
    from macros.siteurls import page_url
    checked = check_project(ROOT)
    return [page_url(src) for src in sorted(set(checked.pages) - checked.pages_about_the_site())]


def test_every_page_has_a_title_of_its_own(pages):
    titles = {url: tree.css_first("head title").text() for url, tree in pages.items()}
    assert all(titles.values())
    assert len(set(titles.values())) == len(titles), "two pages share a <title>"


def test_every_page_has_one_share_card_pointing_at_itself_and_the_share_image(pages):
    image = f"{SITE_URL}assets/qq-share.png"
    for url, tree in pages.items():
        values = card(tree)
        assert all(len(values.get(key, [])) == 1 and values[key][0] for key in CARD), (url, values)
        assert values["og:url"] == [f"{SITE_URL}{url}"] == [tree.css_first('link[rel="canonical"]').attributes["href"]]
        assert values["og:description"] == values["description"] == values["twitter:description"], url
        assert values["og:title"] == values["twitter:title"], url
        assert values["og:image"] == values["twitter:image"] == [image], url


def test_the_share_image_is_a_png_of_the_size_the_cards_announce(built, pages):
    data = (built / "assets" / "qq-share.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    home = card(pages[""])
    assert [str(width), str(height)] == home["og:image:width"] + home["og:image:height"]


def test_each_explainer_page_is_an_article_citing_exactly_the_sources_it_cites(built, pages):
    from macros.corpus import load_corpus

    sources = load_corpus(ROOT / "seeds")[0].sources
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    urls = explainer_pages()
    assert urls
    for url in urls:
        [data] = linked_data(pages[url])
        cited = {sources[claim["source"]].value("title") for claim in claims if claim["page"] == url}
        assert data["@type"] == "Article" and data["url"] == f"{SITE_URL}{url}", url
        assert sorted(work["name"] for work in data["citation"]) == sorted(cited), url


def test_the_method_page_describes_claims_json_as_a_dataset(built, pages):
    [data] = linked_data(pages["method/"])
    assert data["@type"] == "Dataset"
    assert data["distribution"]["contentUrl"] == f"{SITE_URL}claims.json"
    assert (built / "claims.json").is_file()


NO_NETWORK = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("the build tried to open a network connection")
socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[1]]
cli()
"""


def test_the_site_builds_with_every_network_connection_refused(tmp_path):
    """The share image, the visuals and the checks fetch nothing (Material's social plugin would fetch fonts)."""
    result = subprocess.run([sys.executable, "-c", NO_NETWORK, str(tmp_path / "site")], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / "assets" / "qq-share.png").is_file()


def _glyph(face, letter: str) -> tuple:
    mask = face.getmask(letter)
    return mask.size, bytes(mask)


def test_the_share_image_draws_cyrillic_with_the_committed_font_not_as_boxes():
    """Two Cyrillic letters draw two different glyphs, neither the font's missing-glyph box; Pillow's bundled
    font fails this (it draws both as the same box)."""
    from PIL import ImageFont

    from macros.render import share

    def draws_cyrillic(face) -> bool:
        box = _glyph(face, "\ue000")  # a private-use code point: no font has a glyph for it
        return len({_glyph(face, letter) for letter in ("Ж", "Д", "ы")} - {box}) == 3

    assert not draws_cyrillic(ImageFont.load_default(size=64))
    assert draws_cyrillic(share.font(64)) and draws_cyrillic(share.font(32))
    assert share.FONT.parent.parent == Path(share.__file__).parent  # read beside the engine, never from the system
    assert (share.FONT.parent / "LICENSE").is_file()


def test_each_edition_has_its_own_share_image_the_same_on_every_run():
    from macros.render.share import share_image

    english, russian = share_image("en"), share_image("ru")
    assert english != russian and share_image("ru") == russian and share_image("en") == english


def test_no_font_is_shipped_to_readers(built):
    """The share image's font is read at build time only: the site loads system fonts (README)."""
    assert not [path for path in built.rglob("*") if path.suffix.lower() in (".ttf", ".otf", ".woff", ".woff2")]
