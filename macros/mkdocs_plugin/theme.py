"""What the theme reads from the engine: its templates (overrides/) the interface words of the edition's language
(theme.language) and the contributors' page, which every page's footer links to since it is not in the readers'
menu, and each page's JSON-LD; Material's search plugin a page's `search` metadata (search_meta)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..problems import report
from ..render import search_meta, words
from ..render.interface import say
from ..render.interface_check import interface_problems
from ..render.search import CONTRIBUTORS_PAGE
from ..render.structured import article, as_script_text, dataset
from ..render.theme_words import SECTION, material_ships

__all__ = ["CONTRIBUTORS_PAGE", "DEFAULT_LANGUAGE", "edition", "edition_language", "markdown_titles",
           "page_jsonld", "search_meta", "theme_globals"]
METHOD_PAGE = "method.md"  # describes claims.json, as a Dataset for search engines
DEFAULT_LANGUAGE = "en"  # Material's, where theme.language is not set


def edition_language(theme) -> str:
    """The edition's language, which every word the engine writes is in: Material's `theme.language` (mkdocs.yml,
    or an edition's config that inherits it), 'en' where unset. An edition without its strings file, or with one
    that differs from the English file's keys (or lacks Material's words), is refused before anything is built; the
    theme is then given Material's words in that language (give_material_words)."""
    language = theme.get("language") or DEFAULT_LANGUAGE
    problems = interface_problems(language)
    if problems:
        raise PluginError("Refusing to build:\n" + report(problems, "in the interface strings"))
    give_material_words(theme, language)
    return language


def give_material_words(theme, language: str) -> None:
    """Material's words, for overrides/partials/language.html: the strings file's theme: section over Material's
    own file (qq_theme_words), or alone where Material ships none for the language (qq_material_ships false).
    Set on the theme in on_config, before Material's search plugin asks it for the search's language."""
    theme["qq_theme_words"] = words(language).get(SECTION) or {}
    theme["qq_material_ships"] = material_ships(language)


def edition(config) -> tuple[str, tuple[str, str]]:
    """The edition's language, and Python-Markdown's titles in it (markdown_titles)."""
    language = edition_language(config.theme)
    return language, markdown_titles(config, language)


def markdown_titles(config, language: str) -> tuple[str, str]:
    """Python-Markdown's titles of a heading's permalink and of a reference's link back to its marker, in the
    edition's language: set on the `toc` and `footnotes` extensions, and returned for the check of the HTML."""
    titles = (say("permalink_title", language), say("back_to_marker", language, number="{}"))
    for extension, option, title in (("toc", "permalink_title", titles[0]), ("footnotes", "BACKLINK_TITLE", titles[1])):
        if extension in config.markdown_extensions:
            config.mdx_configs.setdefault(extension, {})[option] = title
    return titles


def theme_globals(files, language: str) -> dict:
    """The templates' globals: qq_words, the edition's interface words, and qq_contributors, the contributors'
    page's URL (None without one)."""
    contributors = files.get_file_from_path(CONTRIBUTORS_PAGE)
    return {"qq_words": words(language), "qq_contributors": contributors.url if contributors else None}


def page_jsonld(page, config, checked, language: str) -> str | None:
    """The page as search engines read it: the method page as the Dataset of claims.json, a page about the
    events as an Article citing its sources, none for the others."""
    src = page.file.src_uri
    if src == METHOD_PAGE:
        return as_script_text(dataset(page.canonical_url, config["site_url"], config["site_name"], language))
    if src not in checked.pages or src in checked.exempt:
        return None
    title = str(page.meta.get("title") or page.title or config["site_name"])
    description = str(page.meta.get("description") or config["site_description"] or "")
    return as_script_text(article(title, description, page.canonical_url, config["site_name"], checked.claims[src],
                                  language))
