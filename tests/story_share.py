"""How much of a page's running prose names its source in the sentence (CONTRIBUTING, "The prose tells what
happened; the marker tells who says so"). Read on the built site with selectolax.

    python -m tests.story_share site/          # each page's share of attributed sentences
    python -m tests.story_share site/ -v       # and each attributed sentence, with what named its source
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.siteurls import built_path

ROOT = Path(__file__).resolve().parent.parent
WORDS = Path(__file__).with_name("attribution_words.txt")
MOST = 0.40  # at most 40% of a page's running prose sentences name their source (issue 24)

# Not running prose: the key facts, editors' notes and the gaps box, visuals and their text, tables and the
# cards made of them, block quotes, headings, the references and tooltips.
NOT_PROSE = {"blockquote", "table", "figure", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "svg"}
NOT_PROSE_CLASSES = {"qq-facts", "qq-editors-note", "qq-gaps", "qq-visual", "qq-visual-text", "qq-cards",
                     "qq-references", "qq-tip", "footnote", "qq-correction"}
QUOTE = "“…{}”"  # a quotation's words are its source's, not the site's: only its last stop is kept
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "vs", "e.g", "i.e", "etc", "jan", "feb", "aug", "sept", "oct",
                 "nov", "dec"}
SENTENCE_END = re.compile(r"[.!?][”’\")\]]*(?=\s+[“‘\"(A-Z0-9À-ÖØ-Þ])")


def story_pages(config_path: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The home page (the nav's first entry) and every page of a nav section (the topic pages)."""
    nav = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader).get("nav") or []
    home = [_file(nav[0])] if nav and _file(nav[0]) else []
    return home + [page for entry in nav if isinstance(_value(entry), list) for page in _files(_value(entry))]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !relative); the nav needs none of them."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _value(entry):
    return next(iter(entry.values())) if isinstance(entry, dict) else entry


def _file(entry) -> str | None:
    value = _value(entry)
    return value if isinstance(value, str) and value.endswith(".md") else None


def _files(entries) -> list[str]:
    found = []
    for entry in entries:
        value = _value(entry)
        found += _files(value) if isinstance(value, list) else [value] if _file(entry) else []
    return found


def attribution_names(catalogue_path: Path = ROOT / "seeds" / "catalogue.yml") -> set[str]:
    """Each source's author (whole name and surname), short name and publisher, as the catalogue gives them."""
    names = set()
    for entry in yaml.safe_load(catalogue_path.read_text(encoding="utf-8")) or []:
        author = _stated(entry.get("author"))
        if author and author.lower() != "unsigned":
            names |= {author, author.split()[-1]}
        for value in (entry.get("short"), _stated(entry.get("publisher"))):
            for part in re.split(r"[(),]", value or ""):
                part = part.strip().removeprefix("The ").strip()
                if part:
                    names.add(part)
    return names


def _stated(field) -> str | None:
    value = field.get("value") if isinstance(field, dict) else field
    return value if isinstance(value, str) else None


def attribution_phrases(words_path: Path = WORDS) -> list[str]:
    lines = (line.strip() for line in words_path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def finders(names: set[str], phrases: list[str]) -> list[tuple[str, re.Pattern]]:
    """Names compare with their case (“Independent”, not “independent judiciary”); phrases without."""
    def pattern(text: str, flags: int = 0) -> re.Pattern:
        gap = r"(?:\s+[^\s.;:!?]+){1,4}\s+"
        body = gap.join(r"\s+".join(map(re.escape, part.split())) for part in text.split("…"))
        return re.compile(rf"(?<![\w-]){body}(?!\w|-\w)", flags)
    return [(name, pattern(name)) for name in sorted(names)] + [(p, pattern(p, re.I)) for p in phrases]


def prose_blocks(tree) -> list[str]:
    """The text of each paragraph and list item of the main article that is running prose."""
    article = tree.css_first("article")
    if article is None:
        return []
    blocks = [node for node in article.css("p, li") if not _outside_prose(node, article)]
    return [text for node in blocks if not (node.tag == "li" and node.css_first("p")) if (text := _text(node))]


def _outside_prose(node, article) -> bool:
    while node is not None and node is not article and node.mem_id != article.mem_id:
        classes = set((node.attributes.get("class") or "").split())
        if node.tag in NOT_PROSE or classes & NOT_PROSE_CLASSES:
            return True
        node = node.parent
    return False


def _text(node) -> str:
    """Its words as a reader reads them: no citation markers, each quotation one placeholder, no nested list."""
    parts = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag == "q":
            words = (child.text() or "").rstrip("”’\"' ")
            parts.append(QUOTE.format(words[-1] if words[-1:] in {".", "!", "?"} else ""))
        elif child.tag not in {"sup", "ul", "ol"} | NOT_PROSE:
            parts.append(_text(child))
    return " ".join("".join(parts).split())


def sentences(text: str) -> list[str]:
    """Split after . ! ? and closing quotes, before a capital, a digit or an opening quote; not after an
    initial (“D. Ó Beacháin”) or a short abbreviation."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        words = text[start:end.end()].split()
        last = words[-1].rstrip(".!?”’\")]").lower() if words else ""
        if len(last) == 1 and last.isalpha() or last in ABBREVIATIONS:
            continue
        found.append(text[start:end.end()].strip())
        start = end.end()
    return [sentence for sentence in found + [text[start:].strip()] if sentence]


def attribution(sentence: str, patterns) -> str | None:
    """What names a source in the sentence, or None."""
    return next((label for label, pattern in patterns if pattern.search(sentence)), None)


def page_share(html: str, patterns) -> tuple[int, list[tuple[str, str | None]]]:
    """(number of sentences, each sentence with what attributes it or None)."""
    said = [(s, attribution(s, patterns)) for block in prose_blocks(LexborHTMLParser(html)) for s in sentences(block)]
    return len(said), said


def shares(site: Path, config: Path = ROOT / "mkdocs.yml", catalogue: Path = ROOT / "seeds" / "catalogue.yml"):
    """{page: (attributed, sentences, [(sentence, what attributes it)])} for the home and topic pages."""
    patterns = finders(attribution_names(catalogue), attribution_phrases())
    found = {}
    for page in story_pages(config):
        total, said = page_share((site / built_path(page)).read_text(encoding="utf-8"), patterns)
        attributed = [(sentence, label) for sentence, label in said if label]
        found[page] = (len(attributed), total, attributed)
    return found


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python -m tests.story_share SITE_DIR [-v]", file=sys.stderr)
        return 2
    over = 0
    for page, (attributed, total, which) in shares(Path(argv[0])).items():
        share = attributed / total if total else 0.0
        over += share > MOST
        print(f"{page}: {share:.0%} of {total} sentences name their source ({attributed}){'  OVER 40%' * (share > MOST)}")
        for sentence, label in which if "-v" in argv else []:
            print(f"    [{label}] {sentence}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
