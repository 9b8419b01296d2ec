"""The theme hook the browser relies on: unused CSS goes (overrides/hooks/purge_css.py)."""
from __future__ import annotations

import importlib.util

from macros.stylesheets.selectors import purge
from macros.stylesheets.unread import without_unread
from tests.conftest import ROOT


def _hook(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


purge_css = _hook("purge_css")


def test_purge_keeps_rules_whose_classes_are_used_and_drops_the_rest():
    css = (".used{a:1}.unused{a:2}.used,.unused{a:3}.x:not(.unused){a:4}"
           "@media screen{.unused{a:5}.used .also{a:6}}@keyframes k{0%{a:7}}"
           "[data-md-color-primary=indigo]{a:8}[data-md-color-primary=red]{a:9}")
    kept = purge(css, {"used", "also", "x"}, {("data-md-color-primary", "indigo")})
    assert kept == (".used{a:1}.used{a:3}.x:not(.unused){a:4}@media screen{.used .also{a:6}}"
                    "@keyframes k{0%{a:7}}[data-md-color-primary=indigo]{a:8}")


def test_purge_reads_selectors_inside_at_rules_and_functions():
    css = ("@media (min-width:10em){@supports (display:grid){.used{a:1}.unused{a:2}}.unused{a:3}}"
           "@media print{.unused{a:4}}"
           ":is(.unused,.used) .used{a:5}:is(.a,.b) .unused{a:6}.used:not(.unused,.x){a:7}"
           ":not([data-md-color-scheme=slate]) .used{a:8}.used:has([data-md-color-scheme=slate]){a:9}")
    kept = purge(css, {"used"}, {("data-md-color-scheme", "default")})
    assert kept == ("@media (min-width:10em){@supports (display:grid){.used{a:1}}}"
                    ":is(.unused,.used) .used{a:5}.used:not(.unused,.x){a:7}")


def test_purge_copies_what_it_keeps_byte_for_byte():
    """Not as tinycss2 would write it again: its serializer unescapes strings and splits 1n+2."""
    css = ('@charset "UTF-8";.used:nth-child(1n+2){content:"\\3c !--"}'
           '.used,  .unused ,.used>.also{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
           "/* a comment */ .used[title='.unused']{a:1}/*# sourceMappingURL=x.css.map*/")
    kept = purge(css, {"used", "also"}, set())
    assert kept == ('@charset "UTF-8";.used:nth-child(1n+2){content:"\\3c !--"}'
                    '.used,.used>.also{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
                    ".used[title='.unused']{a:1}")


def test_the_pages_classes_are_read_from_their_elements(tmp_path):
    """A word in a page's text is not a class; a class and a palette attribute on an element are,
    and the page is pointed at the purged stylesheet under its new name, in every folder."""
    theme = tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css"
    theme.parent.mkdir(parents=True)
    theme.write_text(".used{a:1}.quote{a:2}[data-md-color-scheme=slate] .used{a:3}", encoding="utf-8")
    theme.with_name(theme.name + ".map").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "bundle.js").write_text('e.className="md-from-script"', encoding="utf-8")
    head = '<link rel="stylesheet" href="{}assets/stylesheets/main.0123abcd.min.css">'
    body = '<body data-md-color-scheme="slate"><p class="used">A quote, in words.</p></body>'
    (tmp_path / "index.html").write_text(head.format("") + body, encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(head.format("../") + "<p>quote</p>", encoding="utf-8")
    purge_css.on_post_build({"site_dir": str(tmp_path), "extra_css": []})
    [purged] = theme.parent.glob("main.*.min.css")
    assert purged.read_text(encoding="utf-8") == ".used{a:1}[data-md-color-scheme=slate] .used{a:3}"
    assert not theme.exists() and not theme.with_name(theme.name + ".map").exists()
    assert f'href="assets/stylesheets/{purged.name}"' in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="../assets/stylesheets/{purged.name}"' in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")


def test_the_site_stylesheets_lose_their_comments_and_unused_rules_but_not_strings(tmp_path):
    css = tmp_path / "assets" / "citations.css"
    css.parent.mkdir()
    css.write_text('/* for contributors */ .qq-a::before{content:"/* kept */"} .qq-unused{a:1}', encoding="utf-8")
    (tmp_path / "index.html").write_text('<p class="qq-a">A</p>', encoding="utf-8")
    purge_css.on_post_build({"site_dir": str(tmp_path), "extra_css": ["assets/citations.css"]})
    assert css.read_text(encoding="utf-8") == '.qq-a::before{content:"/* kept */"}'


def test_a_rule_goes_when_no_alternative_of_an_is_list_can_match():
    css = (".a :is(.tip,.hint)>p{a:1}.a :is(.tip,.used)>p{a:2}:where(.no,.nor) .a{a:3}:where(.a,div){a:4}"
           ".a:has(.no){a:5}.a:has(.no,.a){a:6}.a:not(:is(.no)){a:7}:is(:not(.no),.nor){a:8}")
    kept = purge(css, {"a", "used"}, set())
    assert kept == ".a :is(.tip,.used)>p{a:2}:where(.a,div){a:4}.a:has(.no,.a){a:6}.a:not(:is(.no)){a:7}" \
                   ":is(:not(.no),.nor){a:8}"


def test_a_dir_rule_goes_only_when_no_page_element_has_that_dir():
    css = "[dir=rtl] .a{a:1}[dir=ltr] .a{a:2}.a:not([dir=rtl]){a:3}:is([dir=rtl],.a) .a{a:4}"
    assert purge(css, {"a"}, {("dir", "ltr")}) == "[dir=ltr] .a{a:2}.a:not([dir=rtl]){a:3}:is([dir=rtl],.a) .a{a:4}"
    assert purge(css, {"a"}, {("dir", "ltr"), ("dir", "rtl")}) == css


def _unread(css, readers=(), styles=(), named=()):
    return without_unread({"theme": css}, list(readers), list(styles), set(named))["theme"]


def test_a_custom_property_nothing_reads_goes_with_its_semicolon_and_an_emptied_rule():
    css = ":root{--unread:url(x.svg);--read:1px;--chained:red}.a{--by-script:0;width:var(--read)}:root{--gone:0}"
    kept = _unread(css + ".b{color:var(--in-chain)}:root{--in-chain:var(--chained)}", named={"--by-script"})
    assert kept == (":root{--read:1px;--chained:red}.a{--by-script:0;width:var(--read)}"
                    ".b{color:var(--in-chain)}:root{--in-chain:var(--chained)}")


def test_a_custom_property_read_only_by_an_unread_one_goes_too():
    """To a fixed point: --icon is read by --unread alone, which nothing reads."""
    assert _unread(":root{--icon:url(i.svg);--unread:var(--icon);--kept:2}.a{b:var(--kept)}") == (
        ":root{--kept:2}.a{b:var(--kept)}")


def test_a_custom_property_read_by_the_sites_stylesheets_or_a_pages_style_stays():
    css = ":root{--fg:red;--bg:blue;--gap:1em;--unread:0}"
    kept = _unread(css, readers=[".qq-a{color:var(--fg)}"], styles=["margin:var(--gap)", "--bg:green"])
    assert kept == ":root{--fg:red;--bg:blue;--gap:1em;}"


def test_a_custom_property_read_inside_keyframes_or_page_stays():
    css = ":root{--glow:red;--margin:1cm;--unread:0}@keyframes pulse{0%{box-shadow:0 0 0 var(--glow)}}" \
          "@page{margin:var(--margin)}.a{animation:pulse 1s}"
    assert _unread(css) == css.replace("--unread:0", "")


def test_keyframes_go_unless_a_declaration_or_the_script_names_them():
    css = "@keyframes used{0%{a:1}}@keyframes unused{0%{a:1}}@keyframes scripted{0%{a:1}}.a{animation:used 1s}"
    kept = _unread(css, named={"scripted"})
    assert kept == "@keyframes used{0%{a:1}}@keyframes scripted{0%{a:1}}.a{animation:used 1s}"


def test_the_scripts_strings_name_classes_its_variable_names_do_not(tmp_path):
    """A class the page's script writes in a string, or in a selector in a string, stays; one that is only the
    name of a variable goes; a script no page loads names nothing."""
    theme = tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css"
    theme.parent.mkdir(parents=True)
    theme.write_text(".added{a:1}.queried{a:2}.tip{a:3}.unloaded{a:4}", encoding="utf-8")
    (tmp_path / "assets" / "page.js").write_text(
        'var tip = document.querySelector("div.queried");\ntip.className = `added ${tip.id}`;', encoding="utf-8")
    (tmp_path / "assets" / "worker.js").write_text('x.className = "unloaded";', encoding="utf-8")
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="assets/stylesheets/main.0123abcd.min.css">'
                                         '<script src="assets/page.js"></script><p>tip</p>', encoding="utf-8")
    purge_css.on_post_build({"site_dir": str(tmp_path), "extra_css": []})
    [purged] = theme.parent.glob("main.*.min.css")
    assert purged.read_text(encoding="utf-8") == ".added{a:1}.queried{a:2}"


def test_the_sites_own_scripts_lose_their_comments_but_not_strings_or_regular_expressions(tmp_path):
    """A comment across lines still ends a statement; a script of the theme's own (not in custom_dir) stays."""
    written = ('// for contributors\nvar a = "// kept", b = /\\/\\*kept/ /* inline */;\nvar c = a /* one\n'
               'two */\n(b);\n')
    (tmp_path / "overrides" / "assets").mkdir(parents=True)
    (tmp_path / "overrides" / "assets" / "own.js").write_text(written, encoding="utf-8")
    (tmp_path / "site" / "assets").mkdir(parents=True)
    (tmp_path / "site" / "assets" / "own.js").write_text(written, encoding="utf-8")
    (tmp_path / "site" / "assets" / "theme.js").write_text(written, encoding="utf-8")
    (tmp_path / "site" / "index.html").write_text(
        '<script src="assets/own.js"></script><script src="assets/theme.js"></script>', encoding="utf-8")
    theme = type("Theme", (), {"custom_dir": str(tmp_path / "overrides")})()
    purge_css.on_post_build({"site_dir": str(tmp_path / "site"), "extra_css": [], "theme": theme})
    assert (tmp_path / "site" / "assets" / "own.js").read_text(encoding="utf-8") == (
        '\nvar a = "// kept", b = /\\/\\*kept/  ;\nvar c = a \n\n(b);\n')
    assert (tmp_path / "site" / "assets" / "theme.js").read_text(encoding="utf-8") == written
