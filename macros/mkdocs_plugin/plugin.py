"""The `citations` MkDocs plugin: the build's state, and the steps mkdocs-macros has no event for.

One build, of one edition (editions.py): the static pass (define_env → start) → the check of docs/ as MkDocs
lists it, and the generated pages (on_files, generated.py) → each page's metadata as MkDocs parsed it, the page
rendered from the static pass's parse, its Markdown converted within the render budget with the glossary's names
marked (on_page_markdown, treesteps.py), the HTML checked as the theme will receive it (on_page_content), reported with
the problems the static pass found in the pages' HTML, such as coverage, which do not keep a page from rendering
(on_env) → site/claims.json and the checks of the built site (on_post_build).
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..check import Checked, check_project
from ..claims import record
from ..pages import meta_problems
from ..pages.body import template_text
from ..pages.frontmatter import TEMPLATE_MARKS
from ..pages.people import PEOPLE_PAGE
from ..pages.signatures import MACROS, bind
from ..problems import Problem, report
from ..render import marker, page_marks, references, render_page
from ..render.translated import note_html
from ..render.blocks import EngineBlocks
from ..render.visuals import draw
from ..sitecheck import check_built_site
from ..sitecheck.builtsite import BuiltSite
from ..sitecheck.content import check_content, check_titles, toc_entries
from .budget import RenderBudget, guard_conversion
from .docsfiles import NO_DIRECTORY_URLS, docs_files_problems, project_folders
from .editions import parity_problems, site_checks, this_edition
from .generated import SHARE_IMAGE, add_generated
from .treesteps import GlossaryMarking, MarkerFinishing
from .theme import DEFAULT_LANGUAGE, edition, page_jsonld, search_meta, theme_globals

class CitationsConfig(Config):
    # Seconds that converting every page's Markdown to HTML may take in one build: real pages take
    # a fraction of a second, and input that makes the converter work for minutes fails instead.
    render_budget = config_options.Type((int, float), default=20)
    # Pages about the site, not the events (in docs/): no coverage, off the map and the timeline. Code: reviewed.
    exempt = config_options.ListOfItems(config_options.Type(str), default=[])


class CitationsPlugin(BasePlugin[CitationsConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.checked: Checked | None = None
        self.emitted: dict[str, int] = {}  # page -> markers emitted so far
        self.generated: set[str] = set()
        self.refused: list[Problem] = []  # problems of the pages' content, reported together
        self.budget = RenderBudget(0)
        self.converting, self.drawn = "", {}  # the page being converted; page -> the HTML of its visuals
        self.root, self.docs_dir = Path.cwd(), "docs"  # the project's folder; docs_dir relative to it
        self.language, self.titles = DEFAULT_LANGUAGE, ("", "")  # of the edition's words: theme.py edition()
        self.command, self.edition, self.editions = "build", None, []  # macros/editions: this build's, and all

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(100)  # before mkdocs-macros calls define_env
    def on_config(self, config):
        self.checked, self.emitted, self.generated, self.refused = None, {}, set(), []
        self.budget = RenderBudget(self.config.render_budget)
        self.converting, self.drawn = "", {}
        self.root, self.docs_dir = project_folders(config.config_file_path, config.docs_dir)
        self.edition, self.editions = this_edition(self.root, config, self.command)
        if not config.use_directory_urls:
            raise PluginError(NO_DIRECTORY_URLS)
        self.language, self.titles = edition(config)
        config.markdown_extensions += [EngineBlocks(), GlossaryMarking(self._names_to_mark),
                                       MarkerFinishing(lambda: self._marks(self.converting))]
        return config

    def _marks(self, page: str):
        """What the engine writes into a page of a translated edition (render/translated.py)."""
        claims = self.checked.claims.get(page, []) if self.checked else []
        return page_marks(claims, page, self.language, self.edition, self.editions)

    def _names_to_mark(self) -> dict[str, str]:
        """The glossary, for every page but the people page that defines it."""
        return {} if self.checked is None or self.converting == PEOPLE_PAGE else self.checked.glossary

    # --- mkdocs-macros: define_env and its page hooks ---------------------------------------

    def start(self, env) -> None:
        """Run the static pass, register the citation macros, and keep mkdocs-macros from rendering."""
        checked = check_project(self.root, docs_dir=self.docs_dir, exempt=self.config.exempt,
                                render_budget=self.config.render_budget, translation=not self.edition.original,
                                language=self.language)
        checked.problems = sorted(checked.problems + parity_problems(self.root, self.edition, self.editions, checked))
        if any(problem not in checked.of_the_html for problem in checked.problems):
            raise PluginError("The citation check failed:\n" + report(checked.problems, "in the citation check"))
        # its problems, if any, are of the pages' HTML alone: reported with the pages' content or the built site's
        self.checked = checked
        env.render = _text_as_it_is  # mkdocs-macros never renders a page or a title with Jinja
        for name, signature in MACROS.items():
            env.macro(self._macro(env, name) if signature.cites else self._visual(env), name)

    def _macro(self, env, name: str):
        def emit(*args, **kwargs) -> str:
            page = env.page.file.src_uri
            claims = self.checked.claims.get(page, [])
            index = self.emitted.get(page, 0)
            bound, _ = bind(name, list(args), kwargs)
            if index >= len(claims) or claims[index].macro != name or claims[index].call.args != bound:
                raise PluginError(f"{self.docs_dir}/{page}: {name}() call #{index + 1} was not seen by the static pass")
            self.emitted[page] = index + 1
            return marker(claims[index], self.language)

        emit.__name__ = name
        emit.__doc__ = MACROS[name].summary
        return emit

    def _visual(self, env):
        def visual(name: str) -> str:
            html = draw(name, env.page.file.src_uri, self.checked.about_the_events(), self.checked.updated,
                        self.language)
            html = "\n".join(line for line in html.splitlines() if line.strip())  # one HTML block for Markdown
            self.drawn.setdefault(env.page.file.src_uri, []).append(html)
            return html

        visual.__doc__ = MACROS["visual"].summary
        return visual

    def render_page(self, env) -> None:
        """The page's text with each verified call replaced by its macro's output."""
        page = env.page.file.src_uri
        self.emitted[page] = 0
        if page in self.generated:
            return  # its text is final
        parsed = self.checked.pages[page]
        env.markdown = render_page(parsed.pieces, lambda call: env.macros[call.macro](**call.args))
        title = str(env.page.title or "")
        if any(mark in title for mark in TEMPLATE_MARKS) and template_text(title) is not None:
            env.page.title = template_text(title)  # a heading's {% raw %} unwrapped, as Jinja would show it

    def add_references(self, env) -> None:
        page = env.page.file.src_uri
        claims = self.checked.claims.get(page, [])
        if self.emitted.get(page, 0) != len(claims):
            raise PluginError(f"{self.docs_dir}/{page}: {len(claims)} citations checked but {self.emitted.get(page, 0)} "
                              "rendered: report this as a bug")
        env.markdown += references(claims, self.language)

    # --- MkDocs events -----------------------------------------------------------------------

    def on_files(self, files, config):
        problems = docs_files_problems(files, Path(config["docs_dir"]), self.docs_dir)
        if problems:
            raise PluginError("Refusing to build:\n" + report(problems, f"in {self.docs_dir}/"))
        self.generated = add_generated(files, config, self.checked, self.language, self.docs_dir)
        return files

    def on_pre_page(self, page, config, files):
        guard_conversion(page, self.budget)
        return page

    @event_priority(100)  # before mkdocs-macros renders it
    def _check_read_page(self, markdown, page, config, files):
        """The page as MkDocs read it: the metadata it parsed, and the body the static pass parsed."""
        src = page.file.src_uri
        if src in self.generated:
            return markdown
        parsed = self.checked.pages.get(src)
        label = f"{self.docs_dir}/{src}"
        problems = list(meta_problems(label, page.meta, parsed.front.lines if parsed else {}))
        if parsed is None or markdown != parsed.body:
            problems.append(Problem(label, 1, "MkDocs read this page differently from the citation check", "",
                                    "report this as a bug, with the page"))
        if problems:
            raise PluginError("Refusing to render:\n" + report(problems, f"in {label}"))
        return markdown

    @event_priority(-100)  # last: what follows is Markdown's conversion to HTML
    def _start_render(self, markdown, page, config, files):
        page.meta["search"] = search_meta(page.file.src_uri, self.config.exempt)  # the story's pages first
        self.converting = page.file.src_uri
        self.budget.start(f"{self.docs_dir}/{page.file.src_uri}")
        return markdown

    on_page_markdown = CombinedEvent(_check_read_page, _start_render)

    @event_priority(100)  # first: the conversion is done
    def _stop_render(self, html, page, config, files):
        self.budget.stop()
        return html

    @event_priority(-100)  # last: the HTML as the theme will receive it
    def _check_content(self, html, page, config, files):
        """The page's content, as a unit: nothing in it may change the theme's markup or run."""
        parsed = self.checked.pages.get(page.file.src_uri)
        label = f"{self.docs_dir}/{page.file.src_uri}" if parsed else f"site/{page.file.dest_uri}"
        note = note_html(self._marks(page.file.src_uri).note)  # the engine's, like its visuals
        lines, drawn = (parsed.where if parsed else []), self.drawn.get(page.file.src_uri, []) + [note] * bool(note)
        engine = (drawn, self._names_to_mark()) if parsed else None  # a generated page is all the engine's
        problems = check_content(label, html, config["site_url"], lines, engine, self.titles) + \
            check_titles(label, page.title or "", toc_entries(page.toc), lines, html)
        if problems:
            self.refused += problems
            return ""  # nothing else reads it; the build fails once every page is read (on_env)
        return html

    def on_env(self, env, config, files):
        """Every page's content is read: fail with all the problems of all pages, before any is written."""
        if self.refused:
            raise PluginError("Refusing to build:\n" + report(self.refused + self.checked.problems,
                                                                 "in the pages' content"))
        env.globals.update(theme_globals(files, self.language))  # the footer's, "Suggest a correction"'s words
        return env

    on_page_content = CombinedEvent(_stop_render, _check_content)

    def on_page_context(self, context, page, config, nav):
        """What a link preview and a search engine read: the share image, and the page as JSON-LD."""
        page.qq_share_image = f"{(config['site_url'] or '').rstrip('/')}/{SHARE_IMAGE}"
        page.qq_jsonld = page_jsonld(page, config, self.checked, self.language)
        return context

    @event_priority(-100)  # after every other plugin and hook (the CSS purge among them) has written site/
    def on_post_build(self, config):
        site = Path(config["site_dir"])
        entries = [record(claim) | {"lang": self.edition.lang} for claim in self.checked.all_claims()]
        text = json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True)
        (site / "claims.json").write_text(text + "\n", encoding="utf-8")
        checks = site_checks(config, self.docs_dir, self.checked.pages_about_the_site(), self.edition, self.editions,
                             self.language)
        links = {f"{self.docs_dir}/{src}": page.links for src, page in self.checked.pages.items()}
        problems = check_built_site(BuiltSite.read(site), Path(config["docs_dir"]), entries, checks, links) \
            + self.checked.problems
        if problems:
            raise PluginError("The site check failed:\n" + report(problems, "in the built site"))

    def on_build_error(self, error):
        self.budget.stop()


def _text_as_it_is(markdown: str, force_rendering: bool = False) -> str:
    return markdown

