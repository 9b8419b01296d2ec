"""`make check-pr`: sources are append-only, and a maintainer reads every editors' note a pull request adds or
changes, compared with the base branch of a scratch git repository.

The repository holds a copy of the mini fixture's seeds, committed as the base; each test changes the
working tree as a pull request would, then runs the check as CI does. No global git configuration and
no network are needed.
"""
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

NEW_ENTRY = """
- id: beta
  file: beta.txt
  title: {value: The Beta Post, basis: stated, evidence: "The Beta Post"}
  publisher: {value: null, basis: unknown}
  author: {value: Jane Doe, basis: supplied, note: "A test fixture."}
  date: {value: "2022-01-09", basis: supplied, note: "A test fixture."}
  genre: {value: test fixture, basis: supplied, note: "Made for the tests."}
  language: {value: English, basis: supplied, note: "A test fixture."}
  licence: "Written for the tests; free to republish."
  republish: true
"""
ASK_CORRECTION = "sources are append-only: restore it, or a maintainer reviews the evidence and adds the label " \
                 "'source-correction'"
ASK_NEW = "a maintainer reviews the new source and its evidence, then adds the label 'new-source'"
ASK_NOTE = ("a note about the site (class qq-editors-note) is not cited, and no check can tell a claim about the events "
            "in its words: a maintainer reads it, then adds the label 'editors-note'")
UNCHANGED = "no source or editors' note changed since {}\n"


def environment() -> dict:
    """No user or system git configuration, nothing of an outer repository, and this checkout's engine."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {**kept, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "PYTHONPATH": str(ROOT),
            "PYTHONIOENCODING": "utf-8"}


def git(repository: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *arguments],
                   cwd=repository, env=environment(), check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path) -> Path:
    """A repository whose commit tagged `base` holds the mini seeds; the working tree is the pull request."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copytree(FIXTURES / "mini" / "seeds", tmp_path / "seeds")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "seeds")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "tag", "base")
    return tmp_path


def check(repository: Path, base: str = "base", labels: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.corpus.changes", f"--base={base}", f"--labels={labels}"],
                          cwd=repository, env=environment(), capture_output=True, encoding="utf-8", timeout=60)


def make_check_pr(repository: Path, base: str, labels: str) -> subprocess.CompletedProcess:
    """The Makefile's own target, with this interpreter's environment instead of a new .venv."""
    return subprocess.run(["make", "--silent", "--no-print-directory", "-f", str(ROOT / "Makefile"), "check-pr",
                           f"BASE={base}", f"LABELS={labels}", f"BIN={Path(sys.executable).parent}", "STAMP="],
                          cwd=repository, env=environment(), capture_output=True, encoding="utf-8", timeout=60)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_checksum(seeds: Path, name: str) -> None:
    digest = hashlib.sha256((seeds / name).read_bytes()).hexdigest()
    with (seeds / "SHA256SUMS").open("a", encoding="utf-8") as sums:
        sums.write(f"{digest}  {name}\n")


def add_beta(seeds: Path) -> None:
    (seeds / "beta.txt").write_text("The Beta Post\n\nNothing happened today.\n", encoding="utf-8")
    add_checksum(seeds, "beta.txt")
    with (seeds / "catalogue.yml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(NEW_ENTRY)


def test_an_unchanged_tree_passes_through_make(repository):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    result = make_check_pr(repository, "base", "")
    assert (result.returncode, result.stdout) == (0, UNCHANGED.format("base")), result.stderr
    hostile = make_check_pr(repository, "base", "new-source\"; touch one; `touch two` $$(touch three)")
    assert (hostile.returncode, hostile.stdout) == (0, UNCHANGED.format("base")), hostile.stderr
    assert not [path.name for path in repository.iterdir() if path.name in ("one", "two", "three")]


def test_a_changed_seed_text_and_its_checksum_fail_through_make_and_pass_with_source_correction(repository):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    seeds = repository / "seeds"
    old_digest = hashlib.sha256((seeds / "alpha.txt").read_bytes()).hexdigest()
    edit(seeds / "alpha.txt", "At least 238 people", "At least 38 people")
    new_digest = hashlib.sha256((seeds / "alpha.txt").read_bytes()).hexdigest()
    (seeds / "SHA256SUMS").write_text(f"{new_digest}  alpha.txt\n", encoding="utf-8")
    result = make_check_pr(repository, "base", "")
    assert result.returncode != 0
    assert result.stdout.splitlines() == [
        f"seeds/SHA256SUMS:1: checksum line of an existing source changed — alpha.txt: {old_digest[:12]}… → "
        f"{new_digest[:12]}… — {ASK_CORRECTION}",
        "seeds/alpha.txt:5: seed text of an existing source changed — 'At least 238 people were killed and about "
        "2,000\\xa0troops arri…' → 'At least 38 people were killed and about 2,000\\xa0troops arriv…' — "
        f"{ASK_CORRECTION}",
        "2 errors in the pull-request check against base"]
    allowed = make_check_pr(repository, "base", "documentation, source-correction")
    assert allowed.returncode == 0, allowed.stdout
    assert allowed.stdout.count("allowed by the label 'source-correction'") == 2  # still says what changed
    assert allowed.stdout.endswith("ok: 2 changes to the sources since base, allowed by the label "
                                   "source-correction\n")
    assert check(repository, labels="new-source").returncode == 1


def test_a_new_short_name_fails_naming_the_field_and_both_values(repository):
    edit(repository / "seeds" / "catalogue.yml", "  file: alpha.txt\n", "  file: alpha.txt\n  short: Reuters\n")
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"seeds/catalogue.yml:3: attribution of an existing source changed — 'alpha' short: none → 'Reuters' — "
        f"{ASK_CORRECTION}",
        "1 error in the pull-request check against base"]
    assert check(repository, labels="source-correction").returncode == 0


def test_a_changed_basis_evidence_or_url_fails(repository):
    catalogue = repository / "seeds" / "catalogue.yml"
    edit(catalogue, "    basis: inferred\n    evidence: \"said the reporter's notes\"",
         "    basis: stated\n    evidence: \"said the reporter\"")
    edit(catalogue, "  republish: true\n", "  republish: true\n  url: https://example.org/alpha\n")
    found = check(repository).stdout.splitlines()
    assert found[:3] == [
        f"seeds/catalogue.yml:12: attribution of an existing source changed — 'alpha' author basis: 'inferred' → "
        f"'stated' — {ASK_CORRECTION}",
        f"seeds/catalogue.yml:13: attribution of an existing source changed — 'alpha' author evidence: "
        f"\"said the reporter's notes\" → 'said the reporter' — {ASK_CORRECTION}",
        f"seeds/catalogue.yml:30: attribution of an existing source changed — 'alpha' url: none → "
        f"'https://example.org/alpha' — {ASK_CORRECTION}"]
    assert found[3] == "3 errors in the pull-request check against base"


def test_the_same_catalogue_written_otherwise_is_no_change(repository):
    """Both sides are read by the build's loader: a quoted or bare date, flow or block style, the same values."""
    catalogue = repository / "seeds" / "catalogue.yml"
    edit(catalogue, '    value: "2022-01-07"', "    value: 2022-01-07")
    edit(catalogue, "  genre:\n    value: test fixture\n    basis: supplied\n    note: \"Made for the tests.\"",
         "  genre: {value: 'test fixture', basis: supplied, note: Made for the tests.}")
    result = check(repository)
    assert (result.returncode, result.stdout) == (0, UNCHANGED.format("base"))


def test_a_new_source_fails_with_a_one_line_summary_and_passes_only_with_new_source(repository):
    add_beta(repository / "seeds")
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "seeds/catalogue.yml:31: new source — 'beta' 'beta.txt': title 'The Beta Post', author 'Jane Doe', "
        f"date '2022-01-09', {len((repository / 'seeds' / 'beta.txt').read_bytes())} bytes — {ASK_NEW}",
        "1 error in the pull-request check against base"]
    assert check(repository, labels="source-correction").returncode == 1
    allowed = check(repository, labels="new-source")
    assert allowed.returncode == 0
    assert allowed.stdout.endswith("ok: 1 change to the sources since base, allowed by the label new-source\n")


def test_a_seed_file_without_a_new_entry_is_a_new_source(repository):
    (repository / "seeds" / "copy.txt").write_bytes(b"A copy.\n")
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"seeds/copy.txt:1: new seed file — copy.txt, 8 bytes, in no new " \
                                            f"catalogue entry — {ASK_NEW}"


def test_a_second_entry_under_an_existing_id_fails_whatever_the_labels(repository):
    """It would pass for the first: "Reuters" under CEPA's id (round 4, attack 48)."""
    catalogue = repository / "seeds" / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text + "\n" + text.replace("The Alpha Gazette\n", "Alpha\n", 1), encoding="utf-8")
    result = check(repository, labels="new-source, source-correction")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "seeds/catalogue.yml:31: a second catalogue entry with the id of another — 'alpha' — each source has its own "
        "id: give the new source its own",
        "1 error in the pull-request check against base"]


def test_a_value_of_another_type_is_a_change_though_python_calls_them_equal(repository):
    """YAML's `true` and `1` are equal in Python (round 4, attack 35); the build reads them differently."""
    edit(repository / "seeds" / "catalogue.yml", "  republish: true\n", "  republish: 1\n")
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"seeds/catalogue.yml:29: catalogue entry of an existing source changed — 'alpha' republish: True → 1 — "
        f"{ASK_CORRECTION}",
        "1 error in the pull-request check against base"]


def test_a_removed_source_fails(repository):
    seeds = repository / "seeds"
    (seeds / "alpha.txt").unlink()
    (seeds / "SHA256SUMS").write_text("", encoding="utf-8")
    (seeds / "catalogue.yml").write_text("[]\n", encoding="utf-8")
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"seeds/SHA256SUMS:1: checksum line of an existing source removed — alpha.txt — {ASK_CORRECTION}",
        f"seeds/alpha.txt:1: seed text of an existing source removed — alpha.txt — {ASK_CORRECTION}",
        "seeds/catalogue.yml:1: existing source removed from the catalogue — 'alpha' ('alpha.txt'), line 1 at the "
        f"base — {ASK_CORRECTION}",
        "3 errors in the pull-request check against base"]
    assert check(repository, labels="new-source").returncode == 1
    assert check(repository, labels="source-correction").returncode == 0


def test_a_catalogue_that_cannot_be_read_fails_whatever_the_labels(repository):
    (repository / "seeds" / "catalogue.yml").write_text("- id: [\n", encoding="utf-8")
    result = check(repository, labels="source-correction new-source")
    assert result.returncode == 1
    assert "seeds/catalogue.yml:2: catalogue is not valid YAML — " in result.stdout
    assert "existing source removed from the catalogue" in result.stdout


def test_a_commit_is_compared_with_its_base_like_the_working_tree(repository):
    add_beta(repository / "seeds")
    git(repository, "add", "seeds")
    git(repository, "commit", "-q", "-m", "add beta")
    assert check(repository, base="HEAD").stdout == UNCHANGED.format("HEAD")
    assert check(repository, base="HEAD^1").returncode == 1


@pytest.mark.parametrize("base, found", [
    ("no-such-branch", "the base 'no-such-branch' is not a commit (git: fatal: Needed a single revision)"),
    ("--output=x", "the base '--output=x' is not a commit"),
    ("", "no base given"),
])
def test_a_bad_base_is_a_clear_error(repository, base, found):
    result = check(repository, base=base)
    assert result.returncode == 2
    assert result.stderr.startswith(f"make check-pr: cannot read the base — {found} — ")
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (repository / "x").exists()


def test_every_label_is_documented_for_contributors_and_in_the_security_promise():
    from macros.corpus.changes import ASK, CORRECTION, EDITORS_NOTE, NEW, WORDS
    assert set(ASK) == {CORRECTION, NEW, WORDS, EDITORS_NOTE}
    for name in ("CONTRIBUTING.md", "SECURITY.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert all(f"`{label}`" in text for label in ASK) and "make check-pr" in text, name
    workflow = (ROOT / ".github" / "workflows" / "pull-request-sources.yml").read_text(encoding="utf-8")
    assert all(label in workflow for label in ASK)


def test_every_key_of_an_existing_entry_is_compared_field_by_field(repository):
    """Not only the attribution: whether the whole text is shown, its licence, its language, how it is split
    into paragraphs and an entry note all change what the site says of a source (attacks 47-50, 90)."""
    catalogue = repository / "seeds" / "catalogue.yml"
    edit(catalogue, "    value: English\n", "    value: Russian\n")
    edit(catalogue, '  licence: "Written for the tests; free to republish."\n  republish: true\n',
         '  licence: "CC BY 4.0."\n  republish: false\n  paragraphs: lines\n  note: "Retracted."\n')
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"seeds/catalogue.yml:24: catalogue entry of an existing source changed — 'alpha' language value: "
        f"'English' → 'Russian' — {ASK_CORRECTION}",
        f"seeds/catalogue.yml:28: catalogue entry of an existing source changed — 'alpha' licence: "
        f"'Written for the tests; free to republish.' → 'CC BY 4.0.' — {ASK_CORRECTION}",
        f"seeds/catalogue.yml:29: catalogue entry of an existing source changed — 'alpha' republish: True → False — "
        f"{ASK_CORRECTION}",
        f"seeds/catalogue.yml:30: catalogue entry of an existing source changed — 'alpha' paragraphs: none → "
        f"'lines' — {ASK_CORRECTION}",
        f"seeds/catalogue.yml:31: catalogue entry of an existing source changed — 'alpha' note: none → "
        f"'Retracted.' — {ASK_CORRECTION}",
        "5 errors in the pull-request check against base"]
    assert check(repository, labels="new-source").returncode == 1
    assert check(repository, labels="source-correction").returncode == 0


ASK_WORDS = ("they are shown in every reference and source page of the edition, and no check can tell whether they "
             "render the catalogue's words faithfully: a maintainer reads them, then adds the label 'source-words'")


def test_a_translations_words_of_a_source_changed_fail_until_source_words(repository):
    """catalogue.ru.yml is shown in every Russian reference and source page: a short name, a genre, a note or a
    licence changed there (round 6, attacks 31, 32, 33, 54) is listed word by word for a maintainer."""
    words = repository / "seeds" / "catalogue.ru.yml"
    edit(words, 'short: "Альфа"', 'short: "доклад ООН"')
    edit(words, "value: английский", "value: русский")
    edit(words, 'licence: "Написан для тестов; можно публиковать свободно."', 'licence: "CC BY 4.0."')
    edit(words, '    note: "Создан для тестов."\n', "")
    result = check(repository)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"seeds/catalogue.ru.yml:3: a translation's words of a source added or changed — 'alpha' short: 'Альфа' → "
        f"'доклад ООН' — {ASK_WORDS}",
        f"seeds/catalogue.ru.yml:3: a translation's words of a source removed — 'alpha' genre.note: 'Создан для "
        f"тестов.' — {ASK_WORDS}",
        f"seeds/catalogue.ru.yml:11: a translation's words of a source added or changed — 'alpha' language.value: "
        f"'английский' → 'русский' — {ASK_WORDS}",
        f"seeds/catalogue.ru.yml:13: a translation's words of a source added or changed — 'alpha' licence: "
        f"'Написан для тестов; можно публиковать свободно.' → 'CC BY 4.0.' — {ASK_WORDS}",
        "4 errors in the pull-request check against base"]
    assert check(repository, labels="source-correction, new-source, editors-note").returncode == 1
    allowed = check(repository, labels="source-words")
    assert allowed.returncode == 0 and allowed.stdout.count("allowed by the label 'source-words'") == 4


def test_the_words_file_written_otherwise_is_no_change(repository):
    words = repository / "seeds" / "catalogue.ru.yml"
    edit(words, 'short: "Альфа"', "short: Альфа  # a comment")
    assert check(repository).stdout == UNCHANGED.format("base")


PAGE = """# Home

The cry on the square was {{ quote("alpha", "Shal, ket!") }}, the reporter noted.

/// about
Our name, explained: a note about the site.
///

/// gaps | What the sources do not tell us

- No source says when the troops left.

///
"""
CLAIM = "every source agrees that Russian troops, not Kazakh police, fired on the protesters in Almaty."


@pytest.fixture
def site(repository) -> Path:
    """The scratch repository with the project's mkdocs.yml and a page with two notes, at the base."""
    shutil.copy(ROOT / "mkdocs.yml", repository / "mkdocs.yml")
    (repository / "docs").mkdir()
    (repository / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    return committed_as_base(repository, "a site")


def committed_as_base(repository: Path, message: str) -> Path:
    """Everything in the scratch repository committed, and tagged as the base the check compares with."""
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", message)
    git(repository, "tag", "-f", "base")
    return repository


def test_a_new_editors_note_fails_with_its_words_and_passes_only_with_editors_note(site):
    """A note is exempt from citations and may hold no number, but its words can still claim something about the
    events (round 4, attack 47): a maintainer reads every one a pull request adds."""
    with (site / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write(f"\n/// note\nOur note: {CLAIM}\n///\n")
    result = check(site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"docs/index.md:16: editors' note added or changed — 'Our note: {CLAIM}' — {ASK_NOTE}",
        "1 error in the pull-request check against base"]
    assert check(site, labels="new-source, source-correction").returncode == 1
    allowed = check(site, labels="editors-note")
    assert allowed.returncode == 0, allowed.stdout
    assert allowed.stdout.endswith("ok: 1 change to the editors' notes since base, allowed by the label "
                                   "editors-note\n")


def test_changed_words_in_a_note_fail_wherever_markdown_puts_the_class(site):
    """The gaps block's new item, the class given by Markdown's attribute list, and by raw HTML (which the static
    pass refuses): the page is read as Python-Markdown renders it, as the build's coverage check reads it."""
    page = site / "docs" / "index.md"
    edit(page, "- No source says when the troops left.\n",
         "- No source says when the troops left.\n- Every source blames the police.\n")
    with page.open("a", encoding="utf-8") as file:
        file.write("\nThe police fired first, all agree.\n{: .qq-editors-note }\n\n"
                   '<p class="qq-editors-note">Our name, explained: the police fired first.</p>\n')
    result = check(site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        # the block's heading is Markdown's, with its permalink (¶)
        "docs/index.md:9: editors' note added or changed — 'What the sources do not tell us¶ No source says when the "
        f"troops left. Every source blames the police.' — {ASK_NOTE}",
        f"docs/index.md:16: editors' note added or changed — 'The police fired first, all agree.' — {ASK_NOTE}",
        # its first words open the note at line 6 too: looked for after the notes before it
        f"docs/index.md:19: editors' note added or changed — 'Our name, explained: the police fired first.' — "
        f"{ASK_NOTE}",
        "3 errors in the pull-request check against base"]
    assert check(site, labels="editors-note").returncode == 0


def test_a_pull_request_that_touches_no_note_passes(site):
    """Cited prose, a moved note and a note taken out need no label: only words a reader has not seen in a note."""
    page = site / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    note = "/// about\nOur name, explained: a note about the site.\n///\n\n"
    page.write_text(text.replace(note, "").replace("the reporter noted.", "the reporter wrote.") + "\n" +
                    note.replace("about", "note", 1), encoding="utf-8")
    (site / "docs" / "other.md").write_text('# Other\n\nThe cry.{{ cite("alpha", "Shal, ket!") }}\n',
                                             encoding="utf-8")
    result = check(site)
    assert (result.returncode, result.stdout) == (0, UNCHANGED.format("base")), result.stderr


def test_a_note_inside_a_template_statement_is_read_as_written(site):
    """The static pass leaves a statement's text out of its parse (and refuses the page): here it is read."""
    with (site / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write('\n{% if true %}<p class="qq-editors-note">All agree: the police fired.</p>{% endif %}\n')
    assert check(site).stdout.splitlines() == [
        f"docs/index.md:15: editors' note added or changed — 'All agree: the police fired.' — {ASK_NOTE}",
        "1 error in the pull-request check against base"]


def test_a_link_of_a_note_led_elsewhere_is_a_change(site):
    """The words alone are not the note: a link of an existing note retargeted off the site, with the same words,
    is read by a maintainer too (round 5, attack 14); the note as it was, moved, is not a change."""
    page = site / "docs" / "index.md"
    edit(page, "Our name, explained: a note about the site.", "Our name, explained: see [the sources](#home).")
    git(site, "commit", "-q", "-am", "a note with a link")
    git(site, "tag", "-f", "base")
    edit(page, "(#home)", "(https://qandy-qantar-mirror.example/login)")
    result = check(site)
    assert result.stdout.splitlines() == [
        "docs/index.md:6: editors' note added or changed — 'Our name, explained: see the sources.', linking to "
        f"'https://qandy-qantar-mirror.example/login' — {ASK_NOTE}",
        "1 error in the pull-request check against base"]
    assert check(site, labels="editors-note").returncode == 0
    edit(page, "(https://qandy-qantar-mirror.example/login)", "(#home)")
    assert check(site).returncode == 0


def test_a_note_added_to_a_translation_fails_like_one_in_docs(site):
    """The Russian pages (docs-ru/, mkdocs.ru.yml) hold notes as the English do: each is read by a maintainer."""
    shutil.copy(ROOT / "mkdocs.ru.yml", site / "mkdocs.ru.yml")
    (site / "docs-ru").mkdir()
    (site / "docs-ru" / "index.md").write_text(PAGE, encoding="utf-8")
    committed_as_base(site, "a Russian page")
    edit(site / "docs-ru" / "index.md", "- No source says when the troops left.\n",
         "- No source says when the troops left.\n- Every source blames the police.\n")
    result = check(site)
    assert result.stdout.splitlines() == [
        "docs-ru/index.md:9: editors' note added or changed — 'What the sources do not tell us¶ No source says when "
        f"the troops left. Every source blames the police.' — {ASK_NOTE}",
        "1 error in the pull-request check against base"]
    assert check(site, labels="editors-note").returncode == 0


def test_every_translation_a_pull_request_adds_or_changes_is_listed_for_a_second_reader_without_failing(site):
    """A translation's meaning is no machine's to check (round 6, attack 59): the check lists each quote whose
    translation= is new or other than at the base, with its passage, and passes."""
    shutil.copy(ROOT / "mkdocs.ru.yml", site / "mkdocs.ru.yml")
    (site / "docs-ru").mkdir()
    said = '{{ quote("alpha", "Shal, ket!", translation="Шал, кет!") }}'
    (site / "docs-ru" / "index.md").write_text(PAGE.replace('{{ quote("alpha", "Shal, ket!") }}', said),
                                               encoding="utf-8")
    committed_as_base(site, "a Russian page")
    assert check(site).stdout == UNCHANGED.format("base")  # unchanged: nothing to read
    edit(site / "docs-ru" / "index.md", said, said.replace("Шал, кет!", "Шал, кет! — сказал Токаев")
         + '\n\n{{ blockquote("alpha", "Shal, ket!", translation="Старик, уходи!") }}\n')
    ask = ("a second reader, fluent in the language, checks that it says what the passage says and no more (no "
           "figure, name or attribution of its own): no check can read its meaning")
    result = check(site)
    assert (result.returncode, result.stdout.splitlines()) == (0, [
        f'docs-ru/index.md:3: translation added or changed — quote("Shal, ket!") as «Шал, кет! — сказал Токаев» — '
        f'{ask}',
        f'docs-ru/index.md:5: translation added or changed — blockquote("Shal, ket!") as «Старик, уходи!» — {ask}',
        UNCHANGED.format("base").strip()])
