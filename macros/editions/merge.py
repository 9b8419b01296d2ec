"""One site from the editions, each built apart (a build's --clean would wipe another edition inside its folder,
and the check of one edition alone would find the others' links broken): the original's tree at the root, each
translation's under its folder; one claims.json, each entry with its edition's `lang` (which each build writes) and a
translation's `page` and `source_page` under its folder, so that `page` plus `anchor` stay unique; one sitemap listing every edition's pages,
each with its counterparts as hreflang alternates (Google's sitemap form; x-default is the original); then the
checks of the built site, once, on the merged tree. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import gzip
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from ..check import check_editions, links_by_page
from ..problems import Problem
from ..sitecheck import SiteConfig, Translation, check_built_site, read_config
from ..sitecheck.builtsite import BuiltSite
from . import Edition

CLAIMS = "claims.json"
SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def folder_problems(editions: list[Edition], built: dict[str, Path]) -> list[Problem]:
    """A folder of the original's build where a translation goes: the merge would mix the two."""
    original = editions[0]
    return [Problem(f"{original.docs_dir}/{edition.folder}", 0, "the original builds a folder where a translation "
                    "goes", f"'{edition.folder}/' of the built site is the {edition.lang} edition's",
                    f"rename the page or folder that MkDocs builds as /{edition.folder}/")
            for edition in editions[1:] if (built[original.lang] / edition.folder).exists()]


def merge(editions: list[Edition], built: dict[str, Path], site: Path) -> list[dict]:
    """Write the merged site into `site` from each edition's build (by language; folder_problems none); its
    claims.json entries."""
    if site.exists():
        shutil.rmtree(site)
    original, *translations = editions
    shutil.copytree(built[original.lang], site)
    for edition in translations:
        shutil.copytree(built[edition.lang], site / edition.folder)
        for name in (SITEMAP, SITEMAP + ".gz", CLAIMS):  # one of each, for the whole site
            (site / edition.folder / name).unlink(missing_ok=True)
    entries = [entry for edition in editions for entry in _entries(edition, built[edition.lang])]
    text = json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True)
    (site / CLAIMS).write_text(text + "\n", encoding="utf-8")
    _write_sitemap(editions, built, site)
    return entries


def _entries(edition: Edition, built: Path) -> list[dict]:
    entries = json.loads((built / CLAIMS).read_text(encoding="utf-8"))
    prefix = f"{edition.folder}/" if edition.folder else ""
    for entry in entries:
        entry.update(page=prefix + entry["page"], source_page=prefix + entry["source_page"])
    return entries


def _write_sitemap(editions: list[Edition], built: dict[str, Path], site: Path) -> None:
    """Every edition's pages in one sitemap; a page with a counterpart lists each, and the original as x-default."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    pages = {edition.lang: _sitemap_pages(edition, built[edition.lang]) for edition in editions}
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for edition in editions:
        for path, (loc, lastmod) in pages[edition.lang].items():
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = loc
            if lastmod:
                ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
            having = [other for other in editions if path in pages[other.lang]]
            alternates = [(other.lang, pages[other.lang][path][0]) for other in having] if len(having) > 1 else []
            if alternates and having[0] == editions[0]:
                alternates.append(("x-default", alternates[0][1]))
            for code, href in alternates:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=code, href=href)
    ET.indent(urlset)
    data = ET.tostring(urlset, encoding="UTF-8", xml_declaration=True) + b"\n"
    (site / SITEMAP).write_bytes(data)
    with gzip.GzipFile(site / (SITEMAP + ".gz"), "wb", mtime=0) as packed:
        packed.write(data)


def _sitemap_pages(edition: Edition, built: Path) -> dict[str, tuple[str, str]]:
    """(loc, lastmod) of each page of an edition's sitemap, by its path inside the edition ('crackdown/')."""
    tree = ET.parse(built / SITEMAP)
    base = (edition.site_url or "").rstrip("/") + "/"
    found = {}
    for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc") or ""
        found[loc.removeprefix(base)] = (loc, url.findtext(f"{{{SITEMAP_NS}}}lastmod") or "")
    return found


def merged_site_problems(root: Path, editions: list[Edition], site: Path, entries: list[dict]) -> list[Problem]:
    """The checks of the built site on the merged tree: every link of every edition resolves in it."""
    checked, _ = check_editions(root)  # each page's links as the static pass rendered them
    return check_built_site(BuiltSite.read(site), root / editions[0].docs_dir, entries,
                            merged_site_config(root, editions, site.name), links_by_page(checked))


def merged_site_config(root: Path, editions: list[Edition], site_label: str = "site") -> SiteConfig:
    """What the checks of the merged site need: the original at its root, each translation under its folder."""
    original, *translations = editions
    return SiteConfig(original.site_url, read_config(root)["csp"], original.docs_dir, site_label,
                      frozenset(original.exempt), language=original.lang, translations=tuple(
                          Translation(edition.folder, root / edition.docs_dir, edition.docs_dir,
                                      frozenset(edition.exempt)) for edition in translations))
