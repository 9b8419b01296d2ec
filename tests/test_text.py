import random

from macros.corpus.text import _TYPOGRAPHIC, Normalised, fold, normalise, split_paragraphs


def test_paragraphs_are_numbered_blocks_with_their_first_line():
    text = "Title\n\nFirst para\ncontinues.\n \t\u00a0\nSecond.\n\n\n"
    paragraphs = split_paragraphs(text)
    assert [(p.number, p.text, p.line) for p in paragraphs] == [
        (1, "Title", 1), (2, "First para\ncontinues.", 3), (3, "Second.", 6)]


def test_normalise_folds_whitespace_and_typography_and_keeps_origins():
    raw = "“Shal,\u00a0 ket!” – it’s…"
    norm = normalise(raw)
    assert norm.text == "\"Shal, ket!\" - it's..."
    start = norm.text.index("it's")
    assert raw[slice(*norm.raw_span(start, start + 4))] == "it’s"
    assert fold("  a\n\tb ") == "a b"


def _reference_normalise(raw):
    """The first, character-by-character version, kept as the specification of normalise()."""
    chars, origin = [], []
    for index, char in enumerate(raw):
        if char.isspace() or char in "\u200b\ufeff":
            if chars and chars[-1] == " ":
                continue
            char = " "
        for folded in _TYPOGRAPHIC.get(char, char):
            chars.append(folded)
            origin.append(index)
    return Normalised("".join(chars), tuple(origin))


def test_normalise_and_fold_agree_with_the_reference_on_random_text():
    alphabet = ["a", "b", "Z", "1", ".", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2009", "\u3000", "\x1c",
                "\x85", "\u2028", "\u200b", "\ufeff", *_TYPOGRAPHIC]
    rng = random.Random(20220105)
    samples = ["", " ", "\n", "\u200b", "…"]
    samples += ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(5000)]
    for raw in samples:
        expected = _reference_normalise(raw)
        assert normalise(raw) == expected, repr(raw)
        assert fold(raw) == expected.text.strip(), repr(raw)
