"""The words a translated edition shows for each source (seeds/catalogue.<language>.yml, macros/corpus/translation.py).

Each source has its words, and only the editors' own: the messages of a file that lacks or oversteps them are here
and in tests/fixtures/broken/translation-out-of-date/. Translating is not a change of attribution (the pull-request
check lists each word for a maintainer, under its own label) and cannot change the English edition; nor may they
say what the English does not (words_rules.py). The proof that the Russian pages show them everywhere: the Russian
edition built with every word of the file marked (⟦…⟧), in whose references, block quotes, visuals, generated pages
and JSON-LD no English word of the catalogue is left where the file gives a translation.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.check import check_project
from macros.corpus import load_corpus
from macros.corpus.catalogue import UNSIGNED
from macros.corpus.translation import read_words, words_needed
from macros.render import generated_pages, references
from tests.conftest import FIXTURES, ROOT
from tests.test_check_pr import ASK_CORRECTION, check, edit, repository  # noqa: F401 (a fixture)

MINI = FIXTURES / "mini" / "seeds"
RUSSIAN = "catalogue.ru.yml"
MARK = "⟦{}⟧"
MARKED = re.compile("⟦[^⟦⟧]*⟧")
LABELS = (".qq-source, .qq-date-note, blockquote.qq-blockquote, .qq-visual, .qq-visual-text, .qq-chart-source, "
          ".qq-card-meta, script[type='application/ld+json']")  # where a page names a source
GENERATED = ("sources/", "figures/")


def words_problems(seeds: Path) -> list[str]:
    corpus, problems = load_corpus(seeds)
    assert problems == []
    return [str(problem) for problem in read_words(seeds, "seeds", "ru", corpus.sources)[1]]


@pytest.fixture
def seeds(tmp_path) -> Path:
    shutil.copytree(MINI, tmp_path / "seeds")
    return tmp_path / "seeds"


def test_the_real_sources_and_the_test_source_have_their_russian_words(seeds):
    assert words_problems(ROOT / "seeds") == []
    assert words_problems(seeds) == []


def test_a_translation_without_the_file_or_without_a_sources_words_fails_naming_what_to_add(seeds):
    (seeds / RUSSIAN).unlink()
    assert words_problems(seeds) == [
        "seeds/catalogue.ru.yml: the sources have no words in 'ru' — add catalogue.ru.yml beside catalogue.yml: for each "
        "source its short name, genre, language, licence and the note of each field, translated (CONTRIBUTING.md)"]
    (seeds / RUSSIAN).write_text("gamma:\n  short: Гамма\n", encoding="utf-8")
    assert words_problems(seeds) == [
        "seeds/catalogue.ru.yml:1: words for a source that is not in the catalogue — 'gamma' — use the id of an entry "
        "of catalogue.yml, or remove these words",
        "seeds/catalogue.ru.yml:1: a source has no words in this file — 'alpha' — add an entry 'alpha' with short, "
        "licence, author.note, date.note, genre.value, genre.note, language.value, language.note"]


def test_the_sources_own_words_may_not_be_given_and_each_word_is_text(seeds):
    text = (seeds / RUSSIAN).read_text(encoding="utf-8")
    text = text.replace("  licence:", "  url: https://example.org/\n  licence:")
    (seeds / RUSSIAN).write_text(text.replace("    value: английский", "    value: [английский]")
                                 .replace("  author:\n    note:", "  author:\n    value: Иван\n    evidence:"),
                                 encoding="utf-8")
    own = ("a title the text states, the author, the publisher, the url and the evidence are the source's own "
           "words, and the date is written by the edition's rules: they stay as catalogue.yml gives them; remove it")
    assert words_problems(seeds) == [
        "seeds/catalogue.ru.yml:2: a source's words lack a field — 'alpha': author.note — add it, translated from "
        "seeds/catalogue.yml:1",
        f"seeds/catalogue.ru.yml:5: a source's words give a field they may not — 'alpha': author.value — {own}",
        f"seeds/catalogue.ru.yml:6: a source's words give a field they may not — 'alpha': author.evidence — {own}",
        "seeds/catalogue.ru.yml:13: a source's word must be text — 'alpha': language.value",
        f"seeds/catalogue.ru.yml:15: a source's words give a field they may not — 'alpha': url — {own}"]


def test_a_title_the_editors_supplied_is_translated_as_plain_text(seeds):
    edit(seeds / "catalogue.yml", '''    value: The Alpha Gazette
    basis: stated
    evidence: "The Alpha Gazette"''', '''    value: The Alpha Gazette
    basis: supplied
    note: "The editors' description."''')
    assert words_problems(seeds) == [
        "seeds/catalogue.ru.yml:2: a source's words lack a field — 'alpha': title.value — add it, translated from "
        "seeds/catalogue.yml:1",
        "seeds/catalogue.ru.yml:2: a source's words lack a field — 'alpha': title.note — add it, translated from "
        "seeds/catalogue.yml:1"]
    edit(seeds / RUSSIAN, "  licence:", '  title: {value: "Газета <script>", note: "Описание редакции."}\n  licence:')
    assert words_problems(seeds) == [
        "seeds/catalogue.ru.yml:14: a source's name or value may not hold < > or \" — 'alpha': title.value "
        "'Газета <script>' — it reaches page titles the theme inserts unescaped; use “ ” for quotes"]


def test_translating_is_not_a_change_of_attribution_to_the_pull_request_check(repository):  # noqa: F811
    """But a maintainer reads it (the label source-words, not source-correction: tests/test_check_pr.py)."""
    seeds = repository / "seeds"
    edit(seeds / RUSSIAN, 'short: "Альфа"', 'short: "Газета «Альфа»"')
    (seeds / "catalogue.kk.yml").write_text("alpha:\n  short: Альфа\n", encoding="utf-8")  # a new language's words
    result = check(repository, labels="source-words")
    assert result.returncode == 0 and result.stdout.endswith(
        "ok: 2 changes to the sources since base, allowed by the label source-words\n")
    assert check(repository, labels="source-correction").returncode == 1
    edit(seeds / "catalogue.yml", "value: test fixture", "value: test sample")  # the English words are attribution
    assert check(repository, labels="source-words").stdout.splitlines()[-2:] == [
        "seeds/catalogue.yml:20: attribution of an existing source changed — 'alpha' genre value: 'test fixture' → "
        f"'test sample' — {ASK_CORRECTION}", "1 error in the pull-request check against base (2 allowed by a label)"]


def english_output(root: Path) -> tuple[dict, str]:
    checked = check_project(root)
    pages = generated_pages(checked.plans, checked.about_the_events_first(), checked.titles("en"),
                            checked.pages_about_the_site(), "en")
    return pages, "".join(references(claims, "en") for claims in checked.claims.values())


def test_the_russian_words_cannot_change_the_english_edition(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs", "docs-ru", "seeds"):
        shutil.copytree(ROOT / folder, project / folder)
    for config in ("mkdocs.yml", "mkdocs.ru.yml"):
        shutil.copy(ROOT / config, project / config)
    words = yaml.safe_load((project / "seeds" / RUSSIAN).read_text(encoding="utf-8"))
    words["the-english-words"] = {"short": "The Independent"}  # and every word changed, one refused
    (project / "seeds" / RUSSIAN).write_text(yaml.safe_dump(marked(words), allow_unicode=True), encoding="utf-8")
    english = check_project(project)
    assert english.problems == [] and english_output(project) == english_output(ROOT)
    russian = check_project(project, "docs-ru", translation=True, language="ru")
    assert [problem.rule for problem in russian.problems] == ["words for a source that is not in the catalogue"]


def marked(value, key=None):
    """The file with every word marked, but a language's name, which is CLDR's (words_rules.py)."""
    if isinstance(value, dict):
        return {name: item if (key, name) == ("language", "value") else marked(item, name)
                for name, item in value.items()}
    return MARK.format(value)


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory) -> tuple[Path, Path]:
    """The Russian edition of the real site, built with every word of the sources marked."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    where = tmp_path_factory.mktemp("marked")
    project = where / "project"
    for folder in ("docs", "docs-ru", "seeds", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.ru.yml"):
        shutil.copy(ROOT / config, project / config)
    words = yaml.safe_load((project / "seeds" / RUSSIAN).read_text(encoding="utf-8"))
    (project / "seeds" / RUSSIAN).write_text(yaml.safe_dump(marked(words), allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1641427200")
        build(load_config(str(project / "mkdocs.ru.yml"), site_dir=str(where / "site")))
    return project, where / "site"


def english_words(project: Path) -> tuple[list[str], list[str]]:
    """The catalogue's English words that the Russian file translates, and the words that stay the source's own
    (its title, author, publisher, evidence, paragraphs and the passages the pages cite), longest first."""
    corpus, _ = load_corpus(project / "seeds")
    translated, own = set(), set()
    for source in corpus.sources.values():
        for name in words_needed(source.meta):
            field, _, key = name.partition(".")
            text = getattr(source, field if field != "short" else "short") if not key else \
                getattr(source.meta[field], key)
            translated |= {text, text.capitalize()}
        own |= {paragraph.text for paragraph in source.paragraphs}
        own |= {str(part) for field in source.meta.values() for part in (field.value, field.evidence) if part}
        own.discard(UNSIGNED)  # not a name: the interface's word for it (interface.ru.yml: unsigned)
        translated |= {UNSIGNED} if source.meta["author"].value == UNSIGNED else set()
    by_length = lambda texts: sorted({" ".join(text.split()) for text in texts}, key=len, reverse=True)  # noqa: E731
    return by_length(translated), by_length(own)


def test_the_russian_pages_name_every_source_in_its_russian_words_and_in_no_english_one(marked_site):
    project, site = marked_site
    translated, own = english_words(project)
    pages = {path.relative_to(site).as_posix(): LexborHTMLParser(path.read_text(encoding="utf-8"))
             for path in sorted(site.rglob("index.html"))}
    left, shown = {}, ""
    for url, tree in pages.items():
        regions = [tree.css_first("article")] if url.startswith(GENERATED) else tree.css(LABELS)
        for region in regions:
            text = " ".join(region.text(deep=True, separator=" ").split())
            shown += text
            text = MARKED.sub(" ", text)  # the file's words, which may quote the source: «Editorial»
            for words in own:  # the source's own words stay English: the title, the author, the passages
                text = text.replace(words, " ")
            left.setdefault(url, []).extend(words for words in translated if words in text)
    assert {url: words for url, words in left.items() if words} == {}
    words = yaml.safe_load((project / "seeds" / RUSSIAN).read_text(encoding="utf-8"))
    every = [text for entry in words.values() for item in entry.values()
             for text in (item.values() if isinstance(item, dict) else [item])]
    assert [text for text in every if " ".join(text.split()) not in shown] == []  # each one is shown somewhere


ATTACKS = [  # round 6, attacks 31, 32, 33 and 54: each in one source's Russian words
    ('short: "комментарий центра CEPA"', 'short: "доклад ООН"'),
    ("value: авторский комментарий аналитического центра", "value: официальный доклад ООН"),
    ("    value: английский\n    note: \"Текст написан на английском языке.\"\n  licence: \"В тексте не указана; "
     "считается, что права принадлежат издателю.\"\n\ncepa", "    value: русский\n    note: \"Текст написан на "
     "английском языке.\"\n  licence: \"CC BY 4.0: текст можно свободно перепечатывать целиком.\"\n\ncepa"),
    ('note: "Текст озаглавлен «Editorial» и нигде не называет автора: он написан от имени газеты, без подписи."',
     'note: "Текст подписан «by the UN Human Rights Office», которое насчитало 500 погибших."'),
    ('short: "Макроянни"', 'short: "Макроянни (Reuters)"'),
    ('short: "The Independent (редакционная статья)"', 'short: "редакционная статья газеты"'),
]


def test_a_sources_russian_words_say_nothing_their_english_does_not(tmp_path):
    """A number, a quotation, a name or a language the catalogue's English does not give, and an English genre or
    licence translated otherwise than for another source, fail at their line (macros/corpus/words_rules.py)."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    for old, new in ATTACKS:
        edit(tmp_path / "seeds" / RUSSIAN, old, new)
    independent, cepa = "'independent-2022-01-07'", "'cepa-2023-01'"
    copyright_ = "'Not stated in the text; treated as the publisher’s copyright.'"
    number = f"translate the number of catalogue.yml ({copyright_}), or remove it"
    assert words_problems(tmp_path / "seeds") == [
        f"seeds/catalogue.ru.yml:17: a source's short name drops a name of its English one — {independent}: short "
        "'редакционная статья газеты' — keep 'The Independent' as the English short name 'The Independent "
        "(editorial)' writes it",
        f"seeds/catalogue.ru.yml:21: a source's word states a number its English does not — {independent}: author.note "
        "'500' — translate the number of catalogue.yml ('The text is headed ‘Editorial’ and names no writer anywhere: "
        "it speaks for the paper, unsigned.'), or remove it",
        f"seeds/catalogue.ru.yml:21: a source's word quotes what its English does not — {independent}: author.note "
        "«by the UN Human Rights Office» — quote only words of catalogue.yml ('The text is headed ‘Editorial’ and "
        "names no writer anywhere: it speaks for the …'), or word it without marks",
        f"seeds/catalogue.ru.yml:25: a source's language is not the catalogue's — {independent}: language.value "
        "'русский' for 'English' — write 'английский', CLDR's name of English in 'ru'",
        f"seeds/catalogue.ru.yml:27: a source's word states a number its English does not — {independent}: licence "
        f"'CC' — {number}",
        f"seeds/catalogue.ru.yml:27: a source's word states a number its English does not — {independent}: licence "
        f"'4.0' — {number}",
        *(f"seeds/catalogue.ru.yml:27: a source's word names what its English does not — {independent}: licence "
          f"'{name}' — translate {copyright_} of catalogue.yml, naming no one it does not" for name in ("CC", "BY")),
        f"seeds/catalogue.ru.yml:30: a source's short name drops a name of its English one — {cepa}: short "
        "'доклад ООН' — keep 'CEPA' as the English short name 'CEPA commentary' writes it",
        f"seeds/catalogue.ru.yml:30: a source's word names what its English does not — {cepa}: short 'ООН' — "
        "translate 'CEPA commentary' of catalogue.yml, naming no one it does not",
        f"seeds/catalogue.ru.yml:41: a source's word names what its English does not — {cepa}: genre.value 'ООН' — "
        "translate 'think-tank opinion commentary' of catalogue.yml, naming no one it does not",
        "seeds/catalogue.ru.yml:65: a source's short name adds a name its English one lacks — 'makrogianni-2022': "
        "short 'Reuters' — translate the English short name 'Makrogianni', adding no name to it",
        f"seeds/catalogue.ru.yml:46: a source's word translates an English value otherwise than another's — {cepa}: "
        "licence 'В тексте не указана; считается, что права принадлежат издат…' — "
        f"{copyright_} reads 'CC BY 4.0: текст можно свободно перепечатывать целиком.' for {independent}: give it "
        "the same words"]


def test_a_quotation_of_the_english_may_be_given_translated_beside_it(seeds):
    """«вчера, 6 января» beside «yesterday, 6 January»: one quotation without Latin letters for each of the English;
    its numbers are read all the same."""
    edit(seeds / "catalogue.yml", 'note: "Made for the tests."', "note: \"Made for the ‘tests’.\"")
    edit(seeds / RUSSIAN, 'note: "Создан для тестов."', 'note: "Создан для «tests» («тестов»)."')
    assert words_problems(seeds) == []
    edit(seeds / RUSSIAN, "(«тестов»)", "(«тестов», «проверок 5»)")
    assert words_problems(seeds) == [
        "seeds/catalogue.ru.yml:10: a source's word states a number its English does not — 'alpha': genre.note '5' — "
        "translate the number of catalogue.yml ('Made for the ‘tests’.'), or remove it",
        "seeds/catalogue.ru.yml:10: a source's word quotes what its English does not — 'alpha': genre.note "
        "«проверок 5» — quote only words of catalogue.yml ('Made for the ‘tests’.'), or word it without marks"]
