"""Characters a seed text or the catalogue may not hold, and the ones the site never applies.

Control characters (NUL, C0, DEL, C1) have no place in a collected text: they hide from a reviewer and
break what reads the text. Bidirectional and invisible format characters can reorder or hide what a page
shows ("13" displayed as "31"): a seed keeps them, as evidence, and the site shows each as its code point
(macros/render/visible.py); the catalogue, which contributors write, may not hold them. Pure Python.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html.entities import html5

from ..problems import Problem

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab, line feed and carriage return
# Every character of Unicode's category Cf (format), as unicodedata knows it (test_characters checks the list
# is whole): U+202A–U+202E and U+2066–U+2069 reorder what they enclose ("13" between U+202E and U+202C
# displays as "31"); U+00AD, U+200B–U+200F, U+2060–U+2064, U+180E, U+FEFF, the tag characters U+E0000–U+E007F
# and the rest hide inside a word or a number ("2\u00ad38" shows as "238", a search finds neither). Then
# the invisible fillers that are letters or marks to Unicode but show nothing: U+034F, U+115F, U+1160, U+17B4,
# U+17B5, U+180B–U+180D, U+180F, U+3164, U+FFA0, and the variation selectors U+FE00–U+FE0F and
# U+E0100–U+E01EF ("t\ufe00en" shows as "ten", a search and the number words find neither).
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
FILLERS = "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\uffa0\ufe00-\ufe0f\U000e0100-\U000e01ef"
FORMAT = re.compile(f"[{FORMAT_CHARACTERS}{FILLERS}]")
HIDDEN = re.compile(f"[{FORMAT_CHARACTERS}{FILLERS}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # what a page may not hold
RULE = "bidirectional and invisible format characters are not allowed"
CONTROL_RULE = "control characters are not allowed"
HINT = "they make text display in another order than it reads, or hide what it holds: delete them"


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'; a control character, which has no name: 'U+001B (control)'."""
    return f"{code_point(char)} {unicodedata.name(char, '(control)')}"


CONTROL_HINT = "a page may hold tab and line breaks, no other control character (nor its YAML escape): delete it"


def rule_for(char: str) -> str:
    return CONTROL_RULE if CONTROL.match(char) else RULE


def hint_for(char: str) -> str:
    return CONTROL_HINT if CONTROL.match(char) else HINT


def found_in(text: str, pattern: re.Pattern = FORMAT) -> Iterator[tuple[int, str]]:
    """(1-based line, character) of each format character in `text` (or each character `pattern` finds), each
    character once a line, in order."""
    seen, line, position = set(), 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if (line, match.group()) not in seen:
            seen.add((line, match.group()))
            yield line, match.group()


def written_as(char: str) -> list[str]:
    """The ways a page can write the character in HTML: itself, and its character references."""
    names = sorted(f"&{name}" for name, value in html5.items() if value == char)
    return [char, f"&#x{ord(char):x};", f"&#{ord(char)};", *names]


def first_of_each(pattern: re.Pattern, text: str) -> Iterator[tuple[int, str]]:
    """(line, character) for the first occurrence of each different character the pattern finds."""
    seen = {}
    for found in pattern.finditer(text):
        seen.setdefault(found.group(), found.start())
    for char, offset in sorted(seen.items(), key=lambda item: item[1]):
        yield text.count("\n", 0, offset) + 1, char


def control_problems(text: str, where: str) -> Iterator[Problem]:
    """A seed text's control characters, one problem for each different one, at its first line."""
    for line, char in first_of_each(CONTROL, text):
        yield Problem(where, line, "seed text holds a control character", code_point(char),
                      "a seed text may hold tab, line feed and carriage return, no other control character: "
                      "add the text without them, as a reader saw it")


def format_problems(text: str, where: str) -> Iterator[Problem]:
    """The catalogue's bidirectional and invisible format characters, one problem for each different one."""
    for line, char in first_of_each(FORMAT, text):
        yield Problem(where, line, "bidirectional and invisible format characters are not allowed in the "
                      "catalogue", code_point(char), "delete it; quote evidence that does not hold one")


# Letters that look like a Latin letter, read as it: "ΝΙΝΕ" in Greek capitals reads NINE, a copy with Cyrillic
# "е" for "e" is the same text. Both cases are listed (before casefold), each as the Latin letter it looks like:
# Cyrillic "Н" is "H" but "н" is not. One table for the near-copy check (copies.py) and the number words
# (macros/numbers.py); NFKC first folds fullwidth, superscript and ligature forms ("ｅ", "ﬁ").
CONFUSABLE = {  # script: (its letters, the Latin letters they look like)
    "Cyrillic": ("аеорсухіјѕԁԛԝһӏ АВЕКМНОРСТХУІЈЅԌԚԜ", "aeopcyxijsdqwhl ABEKMHOPCTXYIJSGQW"),
    "Greek": ("αεικνορτυχϲ ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "aeikvoptuxc ABEZHIKMNOPTYX"),
}
FOLDED = str.maketrans("".join(letters for letters, _ in CONFUSABLE.values()),
                       "".join(latin for _, latin in CONFUSABLE.values()))


def read_as(text: str) -> str:
    """The text as a reader reads it: compatibility forms folded (NFKC), look-alike letters as the Latin
    letter they look like ("ΝΙΝΕ" is "NINE")."""
    return unicodedata.normalize("NFKC", text).translate(FOLDED)


# A letter's script is the first word of its name (of its NFKC form: a fullwidth "ｔ" is Latin). Only letters
# count: digits, combining marks, apostrophes and modifier letters belong to no one script, nor do signs that
# Unicode files as letters ("µ" MICRO SIGN). Japanese and Korean words mix their scripts by nature: one group.
LETTER_NAMES = ("LETTER", "SYLLABLE", "IDEOGRAPH", "CHARACTER")
ONE_SCRIPT = {"CJK": "HAN", "HIRAGANA": "HAN", "KATAKANA": "HAN", "HANGUL": "HAN", "BOPOMOFO": "HAN"}
WORD = re.compile(r"\w++")
MIXED_RULE = "a word mixes the letters of two scripts"
MIXED_HINT = ("a look-alike letter from another alphabet makes another word that reads the same (Tokаyev with a "
              "Cyrillic а): write each word in one script")


def script_of(char: str) -> str | None:
    """'LATIN', 'CYRILLIC', 'ARMENIAN', …: the script of a letter; None for what is not a letter of one."""
    name = unicodedata.name(char, "")
    if not char.isalpha() or unicodedata.category(char) == "Lm" or not any(word in name for word in LETTER_NAMES):
        return None
    script = unicodedata.name(unicodedata.normalize("NFKC", char)[:1] or char, name).partition(" ")[0]
    return ONE_SCRIPT.get(script, script)


def mixed_scripts(text: str) -> Iterator[tuple[int, str, str]]:
    """(1-based line, word, its letters of the less used script) of each word that mixes the letters of two
    scripts (Latin with Cyrillic, Greek, Armenian, …), each word once a line. A word in any one script is fine."""
    seen, line, position = set(), 1, 0
    for match in WORD.finditer(text):
        if match.group().isascii():
            continue
        by_script: dict[str, list[str]] = {}
        for char in match.group():
            script = script_of(char)
            if script:
                by_script.setdefault(script, []).append(char)
        if len(by_script) < 2:
            continue
        line += text.count("\n", position, match.start())
        position = match.start()
        if (line, match.group()) not in seen:
            seen.add((line, match.group()))
            fewest = min(by_script.values(), key=len)
            yield line, match.group(), ", ".join(dict.fromkeys(f"{char} ({describe(char)})" for char in fewest))
