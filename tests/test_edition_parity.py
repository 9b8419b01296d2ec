"""Parity across editions, wired into the static pass (macros/editions/parity.py): each translated page against
the original page of its name; and the review list of `make check`, read from the project's git history.
The messages of a broken translation are in tests/fixtures/broken/translation-out-of-date/."""
from __future__ import annotations

import subprocess

import pytest

from macros.check import check_editions, main
from macros.editions.parity import people_heading_problems, review_list
from tests.conftest import ROOT, make_project
from tests.test_broken_samples import add_translation

ENGLISH = """# Home

The gazette counted the dead.{{ cite("alpha", "At least 238 people were killed") }}

Troops arrived on the sixth.{{ cite("alpha", "about 2,000 troops arrived on 6 January") }}

A closing paragraph.{{ cite("alpha", "A closing paragraph") }}
"""
RUSSIAN = """# Главная { #home }

Газета подсчитала погибших.{{ cite("alpha", "At least 238 people were killed") }}

Затем прибыли войска.{{ cite("alpha", "about 2,000 troops arrived on 6 January") }}

Заключительный абзац.{{ cite("alpha", "A closing paragraph") }}
"""


def two_editions(where, english: str = ENGLISH, russian: str = RUSSIAN):
    sample = where / "sample"
    (sample / "docs-ru").mkdir(parents=True)
    (sample / "docs-ru" / "index.md").write_text(russian, encoding="utf-8")
    project = make_project(where / "project", {"index.md": english})
    add_translation(project, sample)
    return project


def git(project, *arguments: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", str(project), *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def reviews(project) -> list[str]:
    (original, english), (translation, russian) = check_editions(project)[0]
    return review_list(project, english, original.docs_dir, russian, translation.docs_dir)


def test_the_real_translations_rest_on_the_evidence_of_their_originals():
    assert [str(problem) for problem in check_editions(ROOT)[1] if "original" in problem.rule] == []


def test_a_translation_that_cites_as_its_original_passes_whatever_its_words(tmp_path):
    assert check_editions(two_editions(tmp_path))[1] == []


@pytest.fixture
def committed(tmp_path):
    """Both editions, committed; then the English page reworded, its citations the same."""
    project = two_editions(tmp_path)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "both editions")
    reworded = ENGLISH.replace("Troops arrived on the sixth.", "Foreign troops landed on the sixth.")
    (project / "docs" / "index.md").write_text(reworded, encoding="utf-8")
    return project


def test_when_only_the_english_words_changed_make_check_lists_the_blocks_to_review_and_passes(committed, capsys):
    commit = git(committed, "log", "-1", "--format=%H")[:7]
    listed = [f"docs-ru/index.md:5: to review — docs/index.md:5 was reworded since docs-ru/index.md was last changed "
              f"({commit}) — check that the translated block still says what the original says"]
    assert reviews(committed) == listed
    git(committed, "commit", "-q", "-am", "the English reworded")  # committed or not, the same
    assert reviews(committed) == listed
    assert main([str(committed)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == listed + ["1 translated block to review"]


def test_a_translation_changed_since_the_rewording_has_nothing_to_review(committed):
    git(committed, "commit", "-q", "-am", "the English reworded")
    (committed / "docs-ru" / "index.md").write_text(RUSSIAN.replace("Затем", "Потом"), encoding="utf-8")
    git(committed, "commit", "-q", "-am", "the Russian reviewed")
    assert reviews(committed) == []


def test_no_git_or_no_history_says_nothing(committed, tmp_path, monkeypatch):
    untracked = two_editions(tmp_path / "untracked", ENGLISH.replace("Troops arrived", "Troops came"))
    assert reviews(untracked) == []  # not a repository
    git(untracked, "init", "-q")
    assert reviews(untracked) == []  # a repository where the translation was never committed
    monkeypatch.setenv("PATH", "")
    assert reviews(committed) == []  # no git at all


def test_a_citation_the_english_page_gains_names_the_russian_page_out_of_date(tmp_path):
    gained = ENGLISH.replace("A closing paragraph.", "A closing paragraph.{{ cite(\"alpha\", \"Shal, ket!\") }}")
    problems = [str(problem) for problem in sorted(check_editions(two_editions(tmp_path, gained))[1])]
    assert problems[0].startswith("docs-ru/index.md: a translation is out of date with its original — its blocks "
                                  "do not cite what those of docs/index.md cite")
    assert problems[1].startswith("docs-ru/index.md:7: a translation does not cite what its original does — "
                                  "docs/index.md:7 cites alpha ¶2 'Shal, ket!' (cite), which this block does not")
    assert len(problems) == 2


TWO_CARDS = """# Who's who

## Alpha { #alpha }

The toll.{{ cite("alpha", "At least 238 people were killed") }}
The troops.{{ cite("alpha", "about 2,000 troops arrived on 6 January") }}

## Beta { #beta }

The end.{{ cite("alpha", "A closing paragraph") }}
"""
CARDS_RU = """# Кто есть кто { #whos-who }

## Альфа { #alpha }

Погибшие.{{ cite("alpha", "At least 238 people were killed") }}
Войска.{{ cite("alpha", "about 2,000 troops arrived on 6 January") }}

## Бета { #beta }

Конец.{{ cite("alpha", "A closing paragraph") }}
"""
KILLED = "alpha ¶3 'At least 238 people were killed' (cite)"
TROOPS = "alpha ¶3 'about 2,000 troops arrived on 6 January' (cite)"


def parity_told(tmp_path, russian: str) -> list[str]:
    return [str(problem).split(" — put ")[0].split(" — keep ")[0].split(" — a translated ")[0]
            for problem in check_editions(two_editions(tmp_path, TWO_CARDS, russian))[1] if problem.line]


def test_the_same_citations_in_the_same_order_under_the_same_headings_pass(tmp_path):
    assert parity_told(tmp_path, CARDS_RU) == []


def test_two_markers_of_one_block_swapped_between_its_sentences_are_told_at_the_first_place_they_differ(tmp_path):
    lines = CARDS_RU.split("\n")
    lines[4], lines[5] = lines[5].replace("Войска.", "Погибшие."), lines[4].replace("Погибшие.", "Войска.")
    swapped = "\n".join(lines)
    assert parity_told(tmp_path, swapped) == [
        f"docs-ru/index.md:5: a translation cites in another order than its original — its citation 1 is {TROOPS}, "
        f"where docs/index.md:5 has {KILLED}"]


def test_a_second_copy_of_a_marker_on_a_claim_of_the_translations_own_is_told(tmp_path):
    copied = CARDS_RU.replace("Погибшие.", 'Погибшие. Все мирные.{{ cite("alpha", "At least 238 people were '
                                           'killed") }}')
    assert parity_told(tmp_path, copied) == [
        f"docs-ru/index.md:5: a translation cites what its original does not — cites {KILLED} twice, which "
        f"docs/index.md:5 cites once"]


def test_a_block_under_another_heading_than_in_the_original_is_told_with_both_lines(tmp_path):
    lines = CARDS_RU.split("\n")
    lines[2], lines[7] = lines[7], lines[2]  # the headings swapped, the cited paragraphs left in place
    assert parity_told(tmp_path, "\n".join(lines)) == [
        "docs-ru/index.md:5: a translation places a block under another heading than its original — it stands under "
        "the heading { #beta }, where docs/index.md:5 stands under the heading { #alpha }",
        "docs-ru/index.md:10: a translation places a block under another heading than its original — it stands under "
        "the heading { #alpha }, where docs/index.md:10 stands under the heading { #beta }"]


PEOPLE = """# People

### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }

Named first in the notes.{{ cite("alpha", "said the reporter’s notes") }}

### Nursultan Nazarbayev { #nazarbayev data-terms="Nazarbayev" }

Named last in the notes.{{ cite("alpha", "A closing paragraph") }}
"""
PEOPLE_RU = """# Люди { #people }

### Касым-Жомарт Токаев { #tokayev data-terms="Токаев" }

Назван в заметках первым.{{ cite("alpha", "said the reporter’s notes") }}

### Нурсултан Назарбаев { #nazarbayev data-terms="Назарбаев" }

Назван в заметках последним.{{ cite("alpha", "A closing paragraph") }}
"""


def people_told(tmp_path, russian: str, english: str = PEOPLE) -> list[str]:
    """The problems of a two-edition site whose people pages are `english` and `russian`, up to their hints."""
    sample = tmp_path / "sample"
    (sample / "docs-ru").mkdir(parents=True)
    for name, text in (("index.md", RUSSIAN), ("people.md", russian)):
        (sample / "docs-ru" / name).write_text(text, encoding="utf-8")
    project = make_project(tmp_path / "project", {"index.md": ENGLISH, "people.md": english})
    add_translation(project, sample)
    return [str(problem).rsplit(" — ", 1)[0] for problem in check_editions(project)[1]]


def test_the_real_people_pages_headings_are_the_terms_files_names_for_the_english_ones():
    checked = check_editions(ROOT)[0]
    assert [str(problem) for problem in people_heading_problems(checked[0][1], checked[1][1], checked[1][0].lang)] \
        == []


def test_people_headings_as_the_terms_file_names_them_pass(tmp_path):
    assert people_told(tmp_path, PEOPLE_RU) == []


def test_people_headings_whose_words_are_swapped_over_their_ids_are_told_at_both_files_lines(tmp_path):
    swapped = PEOPLE_RU.replace("Касым-Жомарт Токаев { #tokayev data-terms=\"Токаев\"", "TOKAYEV") \
        .replace("Нурсултан Назарбаев { #nazarbayev data-terms=\"Назарбаев\"",
                 "Касым-Жомарт Токаев { #nazarbayev data-terms=\"Токаев\"") \
        .replace("TOKAYEV", "Нурсултан Назарбаев { #tokayev data-terms=\"Назарбаев\"")
    assert people_told(tmp_path, swapped) == [
        "docs-ru/people.md:3: a translated people-page heading names another than the original's heading of its id — "
        "'Нурсултан Назарбаев' { #tokayev }, where docs/people.md:3 has 'Kassym-Jomart Tokayev', for which "
        "macros/render/terms.ru.yml gives 'Касым-Жомарт Токаев'",
        "docs-ru/people.md:7: a translated people-page heading names another than the original's heading of its id — "
        "'Касым-Жомарт Токаев' { #nazarbayev }, where docs/people.md:7 has 'Nursultan Nazarbayev', for which "
        "macros/render/terms.ru.yml gives 'Нурсултан Назарбаев'"]


def test_a_people_heading_of_an_id_the_original_lacks_is_told(tmp_path):
    extra = PEOPLE_RU + "\n### Карим Масимов { #masimov }\n\nНазван в заметках.{{ cite(\"alpha\", \"A closing " \
                        "paragraph\") }}\n"
    told = people_told(tmp_path, extra)
    assert "docs-ru/people.md:11: a translated people-page heading has an id the original's headings lack — " \
           "'Карим Масимов' { #masimov }" in told


@pytest.mark.parametrize("level, tag", [("##", "h2"), ("####", "h4")])
def test_an_entrys_id_on_a_heading_of_another_level_is_told_with_its_words_at_both_files_lines(tmp_path, level,
                                                                                                tag):
    moved = PEOPLE_RU.replace('### Нурсултан Назарбаев { #nazarbayev data-terms="Назарбаев" }',
                              f"{level} Касым-Жомарт Токаев {{ #nazarbayev }}")
    assert people_told(tmp_path, moved) == [
        f"docs-ru/people.md:7: a translated people-page entry's {{ #id }} stands on another element than the "
        f"original's heading — <{tag}> 'Касым-Жомарт Токаев' {{ #nazarbayev }}, where docs/people.md:7 has <h3> "
        "'Nursultan Nazarbayev'",
        "docs-ru/people.md:7: a translated people-page heading names another than the original's heading of its id — "
        "'Касым-Жомарт Токаев' { #nazarbayev }, where docs/people.md:7 has 'Nursultan Nazarbayev', for which "
        "macros/render/terms.ru.yml gives 'Нурсултан Назарбаев'"]


def test_an_entrys_id_on_a_paragraph_is_told(tmp_path):
    moved = PEOPLE_RU.replace('### Нурсултан Назарбаев { #nazarbayev data-terms="Назарбаев" }\n',
                              "Касым-Жомарт Токаев\n{: #nazarbayev }\n")
    assert "docs-ru/people.md:7: a translated people-page entry's { #id } stands on another element than the " \
           "original's heading — <p> 'Касым-Жомарт Токаев' { #nazarbayev }, where docs/people.md:7 has <h3> " \
           "'Nursultan Nazarbayev'" in people_told(tmp_path, moved)


def test_a_sections_id_on_an_entry_heading_is_told_with_the_originals_level(tmp_path):
    english = "# People\n\n## In Kazakhstan\n\n" + PEOPLE.removeprefix("# People\n\n")
    russian = "# Люди { #people }\n\n## В Казахстане { #tokayev }\n\n" + PEOPLE_RU.removeprefix(
        "# Люди { #people }\n\n").replace("{ #tokayev ", "{ #in-kazakhstan ")
    told = people_told(tmp_path, russian, english)
    assert "docs-ru/people.md:5: a translated people-page entry's { #id } stands on another element than the " \
           "original's heading — <h3> 'Касым-Жомарт Токаев' { #in-kazakhstan }, where docs/people.md:3 has <h2> " \
           "'In Kazakhstan'" in told
    assert "docs-ru/people.md:3: a translated people-page entry's { #id } stands on another element than the " \
           "original's heading — <h2> 'В Казахстане' { #tokayev }, where docs/people.md:5 has <h3> " \
           "'Kassym-Jomart Tokayev'" in told
