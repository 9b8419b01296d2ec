"""An elision may leave words out of a passage, never a negation: "Moscow will hold … when the unrest is real"
out of "whether Moscow will hold. Not when the unrest is real" says the opposite of its source, and so does
"Turkey … be pleased" out of "Turkey cannot be pleased". The negating and limiting words are one data file,
negations.yml: whole words, and words whose every form counts (compared by stem: "refused", "refusal")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import snowballstemmer
import yaml

from ..corpus import Match
from ..pages import Call
from ..problems import Problem, clip
from ..yamlfile import LOADER

LISTED: dict[str, list[str]] = yaml.load((Path(__file__).parent / "negations.yml").read_text("utf-8"), LOADER)
STEMMER = snowballstemmer.stemmer("english")
NEGATIONS = frozenset(word.casefold() for word in LISTED["words"])
NEGATING_STEMS = frozenset(STEMMER.stemWords([word.casefold() for word in LISTED["stems"]]))
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
HINT = ("an elision may not drop a word that negates or limits what it leaves (not, no, never, cannot, little, few, "
        "refused … : macros/claims/negations.yml) or a word ending in n't; quote the words with the negation, or "
        "cite the parts on their own")


def elision_problems(call: Call, match: Match) -> Iterator[Problem]:
    """Each gap between two parts of the passage, as the source writes it, holds no negation."""
    text = match.paragraph.text
    for (_, end), (start, _) in zip(match.spans, match.spans[1:]):
        gap = " ".join(text[end:start].split())
        dropped = [word for word in WORD.findall(gap) if _negates(word)]
        if dropped:
            yield Problem(call.path, call.line, "elision leaves out a negation", f'"{clip(call.args["passage"], 90)}"',
                          f"the source's words left out there: \"{clip(gap, 90)}\", with "
                          f"{', '.join(dict.fromkeys(dropped))}: {HINT}")
            return


def _negates(word: str) -> bool:
    word = word.casefold().replace("’", "'")
    return word in NEGATIONS or word.endswith("n't") or STEMMER.stemWord(word) in NEGATING_STEMS
