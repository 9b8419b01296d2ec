"""A Russian page's numbers are read as Russian writes them (macros/written_numbers.py): «7 644» and «40 000» are
one number each, «2,7» is 2.7 (Babel's symbols for the edition's locale), «пятью» is 5 and «миллиарды» is
"billions" (pages/number_words.ru.yml), and compared with the English passages' numbers as an English page's are;
a year reads as a date after a Russian month or word of time, or before the word for a year."""
from __future__ import annotations

from decimal import Decimal

import pytest

from macros.numbers import numbers_in
from macros.pages.prose_numbers import readings
from macros.written_numbers import language_words
from tests.conftest import parse
from tests.test_prose_numbers import ALPHA, BETA_CITE, HINT, problems as english_problems


def test_a_russian_number_is_one_word_grouped_by_any_space():
    text = "граница 7 644 километра, 40\u00a0000 военнослужащих, 1\u202f000 задержанных, 2,7 % и пятью годами"
    assert list(numbers_in(text, "ru")) == ["7 644", "40\u00a0000", "1\u202f000", "2,7", "пятью"]
    assert list(numbers_in("7 644 km", "en")) == ["7", "644"]  # English groups with a comma
    assert list(numbers_in("в 2019 году 12 человек, 6 января 2022 года", "ru")) == ["2019", "12", "6", "2022"]


@pytest.mark.parametrize("number, language, worth", [
    ("7 644", "ru", {Decimal(7644)}), ("40\u00a0000", "ru", {Decimal(40000)}), ("2,7", "ru", {Decimal("2.7")}),
    ("10,000", "en", {Decimal(10000)}), ("2.7", "en", {Decimal("2.7")}),
    ("2.7", "ru", {"2.7"}), ("225.238", "ru", {"225.238"}),  # a sign Russian writes no number with: neither 2 nor 2.7
    ("1,234,567", "ru", {"1,234,567"}), ("1.5.2", "en", {"1.5.2"}), ("225_238", "en", {"225_238"}),
    ("238k", "en", {"238k"}), ("5bn", "en", {"5bn"}), ("6th", "en", {Decimal(6)}), ("1990s", "en", {Decimal(1990)}),
    ("238тыс", "ru", {Decimal(238000)}), ("238км", "ru", {"238км"}), ("2022г", "ru", {Decimal(2022)}),
    ("238 тыс", "ru", {Decimal(238000)}), ("2,7 млн", "ru", {Decimal(2700000)}),
    ("1 000 млрд", "ru", {Decimal(10**12)}), ("млн", "ru", {Decimal(10**6), "millions"}),
    ("полтысячи", "ru", {Decimal(500)}), ("четверть", "ru", {"quarter"}), ("треть", "ru", {"third"}),
    ("двукратно", "ru", {"twofold", "doubling"}), ("трёхкратно", "ru", {"трёхкратно"}),
    ("Три", "ru", {Decimal(3)}), ("трёх", "ru", {Decimal(3)}), ("трех", "ru", {Decimal(3)}),
    ("пятью", "ru", {Decimal(5)}), ("шести", "ru", {Decimal(6)}), ("двумястами", "ru", {Decimal(200)}),
    ("третьего", "ru", {Decimal(3)}), ("полтора", "ru", {Decimal("1.5")}),
    ("миллиарды", "ru", {"billions"}), ("тысячи", "ru", {Decimal(1000), "thousands"}),
    ("семью", "ru", {"семью"}),  # "family" too: no value, as "first" has none in English
])
def test_a_number_is_worth_what_its_language_says(number, language, worth):
    assert readings(number, language) == worth


def test_the_russian_words_list_every_case():
    values = language_words("ru")["values"]
    assert {"три", "трёх", "трём", "тремя", "третий", "третьими"} <= set(values[3])
    assert {"пять", "пяти", "пятью", "пятый"} <= set(values[5])
    assert {"тысяча", "тысячи", "тысяч", "тысячами", "тысячный"} <= set(values[1000])
    assert not {"первый", "второй", "семью"} & {word for words in values.values() for word in words}


def problems(tmp_path, body: str) -> list[str]:
    return english_problems(tmp_path, body, language="ru")


def missing(number: str, line: int = 3) -> str:
    return f"docs/index.md:{line}: number not in the passages it cites — {number!r} — {HINT}"


@pytest.mark.parametrize("body, expected", [
    # the attack, in Russian: a number of the prose, a real citation of another
    (f"Погибли около 10 000 человек.{ALPHA}", [missing("10 000")]),
    (f"Погибли около 10\u00a0000 человек.{ALPHA}", [missing("10 000")]),  # the prose's spaces read as one
    (f"Погибли 238,5 человека.{ALPHA}", [missing("238,5")]),
    (f"Пять тысяч вышли на улицы 7 января.{BETA_CITE}", [missing("7"), missing("Пять")]),
    (f"Погибли трое.{ALPHA}", [missing("трое")]),
    # attack round 6: words the generated list lacked, a number and its abbreviation, digits joined by a dot
    (f"Около полтысячи погибли, четверть из них — дети; число жертв двукратно, трёхкратно выросло.{ALPHA}",
     [missing("двукратно"), missing("полтысячи"), missing("трёхкратно"), missing("четверть")]),
    (f"Погибли 238 тыс. человек, пострадали 238 млн.{ALPHA}", [missing("238 млн"), missing("238 тыс")]),
    (f"Погибли 238.238 человек.{ALPHA}", [missing("238.238")]),
    (f"Погибли 238 человек, позже 238,0.{ALPHA}", []),
    # the year of a cited source's date counts as stated only where it reads as a date (attack round 6, 45)
    (f"Всего погибли 2022 человека, 7 января 2022 года.{ALPHA}", [missing("2022")]),  # alpha: 2022-01-07
    (f"Погибли 238 человек, из них 7 детей; 7 января.{ALPHA}", [missing("7")]),
    (f"Альфа, 2022 (дата выведена): погибли 238 человек.{ALPHA}", []),
    # compared as numbers: «5 000» is the passage's "5000", «1000» its "1,000", «2019 году» its "2019"
    (f"Около 5 000 человек вышли в 2019 году, 1000 задержаны 6 января.{BETA_CITE}", []),
    (f"По меньшей мере 238 человек погибли.{ALPHA}", []),
    # a heading is not cited: a year of the page's references may date the events there, as a date only
    (f"## Январь 2022 года\n\n## Погибшие в 2022 году\n\nПо меньшей мере 238 человек погибли.{ALPHA}", []),
    (f"## 2022 протестующих\n\nПо меньшей мере 238 человек погибли.{ALPHA}",
     ["docs/index.md:3: text exempt from citations may not hold a number — '2022' in heading '2022 протестующих' — "
      "headings, links, a table's header, code and an image's text are not cited, so they state no number (a year "
      "the page's references state may date the events, as in “January 2022” or “before 2022”): give the number "
      "in cited text, with figure()"]),
])
def test_a_russian_block_states_only_its_passages_numbers(tmp_path, body, expected):
    assert problems(tmp_path, body) == expected


FRONT_HINT = ("a page's title and description are not cited, so they state no number (a year the page's references "
              "state may date the events, as in “January 2022” or “before 2022”): give the number in cited text")


def in_title(found: str, value: str) -> list[str]:
    return [f"docs/p.md:2: text exempt from citations may not hold a number — {found!r} in title {value!r} — "
            f"{FRONT_HINT}"]


@pytest.mark.parametrize("title, expected", [
    # after a month in any case, a word of time, or before the word for a year: a date
    ("Подавление протестов января 2022 года", []), ("Январь 2022", []), ("ввод войск, январь 2022 года", []),
    ("До 2022 года", []), ("до 2022 г.", []), ("с 2019 до 2022", []), ("к 2022 году", []),
    ("Передача власти в 2019 году", []), ("с 2019 по 2022 год", []),
    ("Казахстан накануне январских событий 2022 года", []), ("Итоги 2022 г.", []),
    # before a noun, a count
    ("2022 протестующих убиты", in_title("2022", "2022 протестующих убиты")),
    ("Убиты в 2022 протестующих", in_title("2022", "Убиты в 2022 протестующих")),
    ("Около 2022 погибших", in_title("2022", "Около 2022 погибших")),
    # «до», «по», «к» also mean "up to": a year after them is a date only with the word for a year or in a range
    ("Число погибших — до 2022", in_title("2022", "Число погибших — до 2022")),
    ("Погибших по 2022", in_title("2022", "Погибших по 2022")),
    ("Погибших к 2022", in_title("2022", "Погибших к 2022")),
    # a year the references do not state, and an English month on a Russian page is no Russian month
    ("Протесты января 2021 года", in_title("2021", "Протесты января 2021 года")),
    ("Протесты January 2022 протестующих", in_title("2022", "Протесты January 2022 протестующих")),
])
def test_a_year_in_a_russian_title_reads_as_a_date(title, expected):
    from macros.pages.coverage import numbers_in_front_matter

    page, _ = parse(f"---\ntitle: {title}\n---\n# T\n")
    stated = ["the protests of January 2022", "2019-12-01"]  # a passage of the page, and its source's date
    assert [str(problem) for problem in numbers_in_front_matter(page.path, page.front, stated, "ru")] == expected


def test_an_english_title_is_read_in_english():
    from macros.pages.coverage import numbers_in_front_matter

    page, _ = parse("---\ntitle: Kazakhstan 2022 года\n---\n# T\n")
    assert [str(problem) for problem in numbers_in_front_matter(page.path, page.front, ["2022"], "en")] == \
        in_title("2022", "Kazakhstan 2022 года")


def test_the_static_pass_reads_a_page_in_its_editions_language(tmp_path):
    """check_project takes the language from the config's theme.language, as each edition's build does."""
    from macros.check import check_project
    from tests.conftest import make_project

    cited = '{{ cite("alpha", "At least 238 people were killed") }}'
    project = make_project(tmp_path / "project", {"index.md": f"# T\n\nПогибли около 10 000 человек.{cited}\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\n  language: en\n", "\n  language: ru\n"),
                      encoding="utf-8")
    assert [str(problem) for problem in check_project(project).problems if "never cited" not in problem.rule] == [
        missing("10 000")]


def test_a_language_without_its_files_reads_babels_months_and_no_other_date():
    """An edition whose strings file or number words are missing (reported elsewhere) gets no traceback here: its
    digits and months are Babel's, and a year after a word of time it does not list is a count."""
    from macros.numbers import unsupported

    assert list(numbers_in("40 000 und 2,7", "de")) == ["40", "000", "2,7"]  # German groups with a dot
    assert unsupported("Proteste im Januar 2022", {"2022"}, "de") is None
    assert unsupported("vor 2022", {"2022"}, "de") == "2022"
    assert list(numbers_in("40 000 адам", "xx")) == ["40", "000"]  # no locale at all: English's
