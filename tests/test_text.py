from macros.text import fold, normalise, split_paragraphs


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
