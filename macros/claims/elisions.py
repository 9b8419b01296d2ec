"""An elision may leave words out of a passage, never a negation: "Moscow will hold … when the unrest is real"
out of "whether Moscow will hold. Not when the unrest is real" says the opposite of its source."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..corpus import Match
from ..pages import Call
from ..problems import Problem, clip

NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "without"})
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def elision_problems(call: Call, match: Match) -> Iterator[Problem]:
    """Each gap between two parts of the passage, as the source writes it, holds no negation."""
    text = match.paragraph.text
    for (_, end), (start, _) in zip(match.spans, match.spans[1:]):
        gap = " ".join(text[end:start].split())
        dropped = [word for word in WORD.findall(gap) if _negates(word)]
        if dropped:
            yield Problem(call.path, call.line, "elision leaves out a negation", f'"{clip(call.args["passage"], 90)}"',
                          f"the source's words left out there: \"{clip(gap, 90)}\", with {', '.join(dropped)}: an "
                          "elision may not drop 'not', 'no', 'never', 'nor', 'neither', 'without' or a word ending in "
                          "n't; quote the words with the negation, or cite the parts on their own")
            return


def _negates(word: str) -> bool:
    word = word.casefold().replace("’", "'")
    return word in NEGATIONS or word.endswith("n't")
