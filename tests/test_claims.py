"""Verifying calls against the corpus: sources, passages, figures, claim records."""
import pytest

from macros.claims import Verifier, record
from macros.corpus import load_corpus
from tests.conftest import FIXTURES, parse

CORPUS, _ = load_corpus(FIXTURES / "mini" / "seeds")


def check(body, corpus=CORPUS):
    page, problems = parse(body)
    assert problems == []
    claims, problems = Verifier(corpus).verify("p.md", page.calls)
    return claims, [str(problem) for problem in problems]


def test_a_figure_records_its_value_kind_qualifier_and_date():
    claims, problems = check('{{ figure("alpha", "At least 238 people were killed", "238", kind="deaths", '
                             'qualifier="at least", date="2022-01") }}')
    assert problems == []
    assert claims[0].figure == {"kind": "deaths", "value": "238", "number": 238, "qualifier": "at least",
                                "date": "2022-01", "subject": "", "unit": ""}


@pytest.mark.parametrize("call, expected", [
    ('{{ cite("beta", "x") }}', "docs/p.md:1: unknown source 'beta' — known sources: alpha"),
    ('{{ cite("alpah", "x") }}', "docs/p.md:1: unknown source 'alpah' — did you mean 'alpha'?"),
    ('{{ quote("alpha", "At least 239 people") }}',
     "docs/p.md:1: passage not found in source 'alpha' — \"At least 239 people\" — closest passage, paragraph 3: "
     "\"At least 238 people\""),
    ('{{ cite("alpha", "appears twice.") }}',
     "docs/p.md:1: ambiguous passage in source 'alpha' — \"appears twice.\" — it occurs more than once "
     "(paragraph 4); quote more words so it is unique"),
    ('{{ cite("alpha", "on 6 January. The same sentence") }}',
     "docs/p.md:1: passage spans two paragraphs of source 'alpha' — \"on 6 January. The same sentence\" — it runs "
     "across paragraphs 3 and 4; a quote must lie within one paragraph — closest passage, paragraph 4: "
     "\"The same sentence\""),
    ('{{ figure("alpha", "about 2,000 troops", "2", kind="csto-troops", date="2022-01") }}',
     "docs/p.md:1: figure value is not in its passage — '2' — numbers in the passage: 2,000"),
    ('{{ figure("alpha", "about 2,000 troops", "2,000", kind="troops", qualifier="about", date="2022-01") }}',
     "docs/p.md:1: unknown figure kind 'troops' — known kinds: " ),
    ('{{ figure("alpha", "about 2,000 troops", "2,000", kind="csto-troops", qualifier="around", '
     'date="2022-01") }}',
     "docs/p.md:1: figure qualifier is not the words right before its value — 'around' — before 2,000 the passage "
     "reads \"about\""),
    ('{{ figure("alpha", "about 2,000 troops", "2,000", kind="csto-troops", qualifier="about", date="6 January") }}',
     "docs/p.md:1: figure date must be YYYY, YYYY-MM or YYYY-MM-DD — '6 January'"),
    ('{{ figure("alpha", "about 2,000 troops", "two thousand", kind="csto-troops", date="2022") }}',
     "docs/p.md:1: figure value must be a number as the source writes it — 'two thousand' — e.g. \"238\", "
     "\"2,000\", \"5000\""),
    ('{{ figure("alpha", "At least 238 people were killed", "238", kind="deaths", qualifier="least", '
     'date="2022-01") }}',
     "docs/p.md:1: figure qualifier does not say what kind of number it is — 'least' — a qualifier is one wording "
     "of macros/claims/qualifiers.yml"),
    ('{{ event("alpha", "about 2,000 troops arrived on 6 January", date="6 January", label="Troops arrive") }}',
     "docs/p.md:1: event date must be YYYY, YYYY-MM or YYYY-MM-DD — '6 January'"),
    ('{{ event("alpha", "about 2,000 troops arrived on 6 January", date="2022-02-30", label="Troops arrive") }}',
     "docs/p.md:1: event date must be YYYY, YYYY-MM or YYYY-MM-DD — '2022-02-30'"),
    ('{{ event("alpha", "about 2,000 troops arrived on 6 January", date="2022-01-06", label="' + "x" * 61 + '") }}',
     "docs/p.md:1: event label must be plain text of at most 60 characters"),
    ('{{ event("alpha", "about 2,000 troops arrived on 6 January", date="2022-01-06", label="<b>x</b>") }}',
     "docs/p.md:1: event label must be plain text of at most 60 characters"),
    ('{{ place("alpha", "was the cry on the square", name="Almaty") }}',
     "docs/p.md:1: place is not named in its passage — 'Almaty' — cite a passage that names the place"),
])
def test_rules(call, expected):
    claims, problems = check(call)
    assert claims == []
    assert len(problems) == 1 and problems[0].startswith(expected)


def test_claim_records_give_the_exact_source_characters_and_offsets():
    claims, _ = check('Text.{{ cite("alpha", "the reporter\'s notes") }}\n\n'
                      '{{ quote("alpha", "\\"Shal, ket!\\" … square") }}')
    claims[0].target = "p2-1"
    entry = record(claims[0])
    paragraph = CORPUS.get("alpha").paragraphs[1].text
    assert entry["passage"] == "the reporter’s notes"
    assert [paragraph[a:b] for a, b in entry["offsets"]] == ["the reporter’s notes"]
    assert (entry["page"], entry["anchor"], entry["paragraph"], entry["kind"], entry["markdown"]) == (
        "p/", "fnref:qq1", 2, "cite", "docs/p.md:1")
    assert record(claims[1])["passage"] == "“Shal, ket!” … square"


def test_a_figure_renders_its_qualifier_value_and_unit_before_the_marker():
    from macros.render.labels import figure_text
    from macros.render.markup import marker
    claims, problems = check('{{ figure("alpha", "about 2,000 troops", "2,000", kind="csto-troops", '
                             'qualifier="about", unit="troops", date="2022-01") }}')
    assert problems == []
    assert marker(claims[0], "en") == ('<span class="qq-figure" data-kind="csto-troops">about 2,000 troops</span>'
                                 '[^qq1]')
    assert figure_text({"qualifier": "", "value": "20", "number": 20, "unit": "%"}, "en") == "20%"


def test_a_passage_from_another_source_says_which():
    from macros.corpus import Corpus

    source = CORPUS.get("alpha")
    other = type(source)("beta", "beta.txt", "Nothing here.\n", source.meta, source.licence, False, None, 30)
    claims, problems = check('{{ cite("beta", "about 2,000 troops arrived") }}',
                             Corpus({"alpha": source, "beta": other}))
    assert problems == ["docs/p.md:1: passage not found in source 'beta' — \"about 2,000 troops arrived\" — it is in "
                        "source 'alpha', paragraph 3: cite that source"]


@pytest.mark.parametrize("qualifier, bound", [("", "exact"), ("more than", "lower"), ("at least", "lower"),
                                              ("estimated to be around", "approximate"), ("less than", "upper"),
                                              ("Over", "lower"), ("overall", None), ("over the airport", None),
                                              ("in fact, more than", None)])
def test_a_qualifier_says_what_kind_of_number_it_is_in_whole_words(qualifier, bound):
    from macros.claims import bound as bound_of

    assert bound_of(qualifier) == bound


def test_an_event_and_a_place_record_their_details():
    claims, problems = check('{{ event("alpha", "about 2,000 troops arrived on 6 January", date="2022-01-06", '
                             'label="Troops arrive") }} {{ place("alpha", "was the cry on the square", '
                             'name="square") }}')
    assert problems == []
    assert [claim.detail for claim in claims] == [{"date": "2022-01-06", "label": "Troops arrive"},
                                                   {"name": "square"}]


BETA = ("Demonstrations began on January 2nd, 2022. In 2019, the aging leader stepped down and many were arrested."
        "\n\n"
        "While the average monthly salary is around €500, the elite is rich. At least 2,238 people were killed.\n\n"
        "About 2,000 Russians who invaded (the same unit that invaded Crimea) left. Belarus (500 troops).\n\n"
        "Tokayev visited Ankara in May; Erdoğan paid a return visit in October. You may see it.\n")


def with_beta():
    from macros.corpus import Corpus

    alpha = CORPUS.get("alpha")
    beta = type(alpha)("beta", "beta.txt", BETA, alpha.meta, alpha.licence, False, None, 30)
    return Corpus({"alpha": alpha, "beta": beta})


ELISION_HINT = ("an elision may not drop a word that negates or limits what it leaves (not, no, never, cannot, little, "
                "few, refused … : macros/claims/negations.yml) or a word ending in n't; quote the words with the "
                "negation, or cite the parts on their own")
NEAR_HINT = ("within 8 words of it and nearer it than any other number of that sentence in the source: quote the "
             "words that say it, or choose another kind")
KIND_WORDS = "killed, died, dead, death toll, deaths, death of, lost their lives (macros/claims/figure_kinds.yml)"
QUALIFIER_HINT = ("the qualifier is the source's words right before the number (a currency symbol may stand between), "
                  "or none where it has none")
UNIT_HINT = ("the unit is the words right after the number or a currency symbol right before it, as the source writes "
             "them")
YEAR_HINT = ("a figure counts or measures something; a day beside its month (\"6 January\") and a year after a "
             "month or after 'in', 'since', 'until', 'till', 'during', 'before', 'after' or 'year' date it")


@pytest.mark.parametrize("call, expected", [
    ('{{ cite("alpha", "38 people were killed") }}',  # one character too late: "238" read as "38"
     "passage cut inside a word in source 'alpha' — \"38 people were killed\" — it starts or ends inside a word or a "
     "number; the whole words there, paragraph 3: \"238 people were killed\""),
    ('{{ figure("beta", "At least 2,238 people were killed", "238", kind="deaths", qualifier="at least", '
     'date="2022-01") }}',
     "figure value is not in its passage — '238' — numbers in the passage: 2,238"),
    ('{{ figure("beta", "January 2nd, 2022. In 2019, the aging leader stepped down and many were arrested", "2022", '
     'kind="detained", date="2022") }}',
     f"figure value is a day or year of a date in its passage — '2022' — \"January 2nd, 2022. In\": {YEAR_HINT}"),
    ('{{ figure("beta", "In 2019, the aging leader stepped down and many were arrested", "2019", kind="detained", '
     'date="2019") }}',
     f"figure value is a day or year of a date in its passage — '2019' — \"In 2019, the\": {YEAR_HINT}"),
    ('{{ figure("alpha", "about 2,000 troops arrived on 6 January", "6", kind="csto-troops", date="2022-01") }}',
     f"figure value is a day or year of a date in its passage — '6' — \"troops arrived on 6 January\": {YEAR_HINT}"),
    ('{{ figure("alpha", "At least 238 people were killed and about 2,000 troops", "2,000", kind="csto-troops", '
     'qualifier="at least", date="2022-01") }}',  # "at least" is the qualifier of another number
     "figure qualifier is not the words right before its value — 'at least' — before 2,000 the passage reads "
     f"\"were killed and about\": {QUALIFIER_HINT}"),
    ('{{ figure("alpha", "about 2,000 troops", "2,000", kind="csto-troops", date="2022-01") }}',
     f"figure qualifier is missing — '' — before 2,000 the passage reads \"about\": {QUALIFIER_HINT}"),
    ('{{ figure("alpha", "about 2,000 troops", "2,000", kind="csto-troops", qualifier="about", unit="000", '
     'date="2022-01") }}',
     "figure unit holds digits — '000' — write the whole number as the figure's value, and as unit only the words "
     "that name what it counts"),
    ('{{ figure("beta", "the average monthly salary is around €500", "500", kind="average-income", '
     'qualifier="around", unit="euros", date="2022-01") }}',  # a translation of the passage's own symbol
     f"figure unit is not the passage's own words by its value — 'euros' — the passage reads \"500\": {UNIT_HINT}"),
    ('{{ figure("alpha", "At least 238 people were killed and about 2,000 troops", "2,000", kind="csto-troops", '
     'qualifier="about", unit="people", date="2022-01") }}',
     f"figure unit is not the passage's own words by its value — 'people' — the passage reads \"2,000 troops\": "
     f"{UNIT_HINT}"),
    ('{{ figure("beta", "About 2,000 Russians who invaded", "2,000", kind="csto-troops", qualifier="about", '
     'subject="Belarus", date="2022-01") }}',
     "figure subject is not in its passage — 'Belarus' — the subject is words of the passage or, written 'Belarus', "
     "a country the passage names by one of its forms in macros/claims/countries.yml (Belarus, Belarusian, "
     "Belarusians): quote the words that name it, with an elided part (…) from the same paragraph if they stand "
     "apart"),
    ('{{ figure("beta", "About 2,000 Russians who invaded", "2,000", kind="csto-troops", qualifier="about", '
     'subject="russia", date="2022-01") }}',  # the map knows the country by its name
     "figure subject is not in its passage — 'russia' — the subject is words of the passage or, written 'Russia', "
     "a country the passage names by one of its forms in macros/claims/countries.yml (Russia, Russian, Russians): "
     "quote the words that name it, with an elided part (…) from the same paragraph if they stand apart"),
    ('{{ figure("beta", "About 2,000 Russians who invaded", "2,000", kind="deaths", qualifier="about", '
     'subject="Russia", date="2022-01") }}',  # troops filed as deaths
     "figure passage does not say what kind 'deaths' counts — \"About 2,000 Russians who invaded\" — the sentence that "
     f"gives the number must hold one of: {KIND_WORDS}, {NEAR_HINT}"),
    ('{{ figure("alpha", "were killed … about 2,000 troops", "2,000", kind="deaths", qualifier="about", '
     'date="2022-01") }}',  # the kind's word from an elided part
     "figure passage does not say what kind 'deaths' counts — \"about 2,000 troops\" — the sentence that gives the "
     f"number must hold one of: {KIND_WORDS}, {NEAR_HINT}"),
    ('{{ event("alpha", "about 2,000 troops arrived on 6 January", date="2022-01-02", label="Troops arrive") }}',
     "event date does not agree with its passage — '2022-01-02' — the passage states: 6 January; date the event by "
     "what its passage says"),
    ('{{ event("beta", "Tokayev visited Ankara in May", date="2022-06", label="A visit") }}',
     "event date does not agree with its passage — '2022-06' — the passage states: May; date the event by what its "
     "passage says"),
    ('{{ event("beta", "Demonstrations began on January 2nd, 2022", date="2021-01-02", label="Demonstrations") }}',
     "event year is not one its passage states — '2021-01-02' — the passage states: 2022; date the event by what "
     "its passage says"),
])
def test_a_figure_and_an_event_say_only_what_the_passage_says(call, expected):
    claims, problems = check(call, with_beta())
    assert (claims, problems) == ([], [f"docs/p.md:1: {expected}"])


@pytest.mark.parametrize("call", [
    '{{ figure("beta", "the average monthly salary is around €500", "500", kind="average-income", '
    'qualifier="Around", unit="€", subject="Monthly Salary", date="2022-01") }}',
    '{{ figure("beta", "About 2,000 Russians who invaded (the same unit that invaded Crimea)", "2,000", '
    'kind="csto-troops", qualifier="about", subject="Russia", date="2022-01") }}',
    '{{ figure("beta", "Belarus (500 troops)", "500", kind="csto-troops", subject="Belarus", unit="troops", '
    'date="2022-01-07") }}',
    '{{ event("beta", "Tokayev visited Ankara in May; Erdoğan paid a return visit in October. You may", '
    'date="2022-10", label="Erdoğan visits") }}',
    '{{ event("beta", "Tokayev visited Ankara in May", date="2022", label="A visit") }}',
    '{{ event("beta", "Demonstrations began on January 2nd, 2022", date="2022-01-02", label="Demonstrations") }}',
])
def test_what_the_passage_says_passes_whatever_its_case(call):
    claims, problems = check(call, with_beta())
    assert problems == [] and len(claims) == 1


GAMMA = ("Nationalists want to drive out anti-Russian NGOs, as Nazarbayev’s puppet said. It is the first time in its "
         "30-year history that the army moved. The army of 1989 was loyal. Some 2000 soldiers came.\n\n"
         "With over 2.7 million square kilometres it is vast. It is home to 19 million people.\n\n"
         "Belarus (500 troops), Tajikistan (200 troops).\n\n"
         "By one count more than 225 citizens have been killed. At least 238 people were killed.\n\n"
         "Incomes are less than £2,500 a year, or incomes of £2.500 as some write it.\n\n"
         "The regime spoke of “a band of international terrorists” in the capital.\n\n"
         "In 2019, the leader stepped down. A referendum in June was a sham.\n\n"
         "Russia and China watch. Approximately 20% of the population are ethnic Russians. Police detained 40 "
         "protesters in 2 towns. They did not leave the square, and the police didn’t go home.\n\n"
         "Elsewhere 90 citizens have been killed, and more than 700 demonstrators have been arrested. A mob over the "
         "airport has led to the death of 13 officers.\n\n"
         "Kazakhstan is home to 18 million people, and some 70,000 soldiers serve in its army. Approximately 15% of "
         "its population are ethnic Russians, although the Russian language is spoken more widely. The Russian "
         "contingent (estimated to be around 3000 troops) arrived.\n\n"
         "Turkey cannot be pleased. Parts of the police have already refused to attack the crowd. The autocrats "
         "have little interest in a precedent, and Moscow will hold.\n"
         "\nRussian troops arrived in Kazakhstan yesterday, 6 January. The statue was erected only 5 years ago. Two "
         "leaders visited this fall.\n")


def with_text(name: str, text: str, order: int):
    """The test corpus and one more source, `name`, with alpha's catalogue entry (dated 2022-01-07)."""
    from macros.corpus import Corpus

    corpus = with_beta()
    alpha = corpus.get("alpha")
    added = type(alpha)(name, f"{name}.txt", text, alpha.meta, alpha.licence, False, None, order)
    return Corpus({**corpus.sources, name: added})


def with_gamma():
    return with_text("gamma", GAMMA, 40)


YEAR_HINT = ("a day or month without a year is in its source's year, or the year before where it comes later in the "
             "year than the source's date")
LABEL_HINT = ("the timeline shows the label as a cited claim: each of its numbers and words is the passage's own "
              "(words compared by stem), a small word of macros/claims/label_words.yml, or a country the passage names "
              "by one of its forms in macros/claims/countries.yml")


@pytest.mark.parametrize("call, expected", [
    ('{{ quote("gamma", "drive out … Russian NGOs") }}',  # the elision drops only "anti-"
     "passage cut inside a word in source 'gamma' — \"drive out … Russian NGOs\" — it starts or ends inside a word "
     "or a number; the whole words there, paragraph 1: \"drive out … anti-Russian NGOs\""),
    ('{{ quote("gamma", "as Nazarbayev") }}',  # cut at the apostrophe of "Nazarbayev’s"
     "passage cut inside a word in source 'gamma' — \"as Nazarbayev\" — it starts or ends inside a word or a number; "
     "the whole words there, paragraph 1: \"as Nazarbayev’s\""),
    ('{{ figure("gamma", "the first time in its 30-year history that the army moved", "30", kind="armed-forces", '
     'date="2022-01") }}',
     "figure value is joined to a word in its passage — '30' — \"time in its 30-year history\": a number "
     "joined by a hyphen or an apostrophe is part of a word (\"30-year\"), not a count: cite a number that stands "
     "alone"),
    ('{{ figure("gamma", "The army of 1989 was loyal.", "1989", kind="armed-forces", date="2022-01") }}',
     "figure value reads as a year — '1989' — \"The army of 1989 was\": a number from 1800 to 2099 written without a "
     "separator is a year, unless the figure's unit or one of its kind's words comes right after it (\"2000 "
     "troops\")"),
    ('{{ figure("gamma", "incomes of £2.500 as some write it", "2.500", kind="average-income", unit="£", '
     'date="2022") }}',
     "figure value is ambiguous — '2.500' — a point before three digits may group thousands (2,500) or mark decimals "
     "(2.5): cite a number the source writes unambiguously"),
    ('{{ figure("gamma", "At least 238 people were killed.", "238", kind="population", qualifier="at least", '
     'date="2022-01") }}',  # "people" says nothing of a population
     "figure passage does not say what kind 'population' counts — \"At least 238 people were killed.\" — the sentence "
     f"that gives the number must hold one of: population, inhabitants, residents, home to "
     f"(macros/claims/figure_kinds.yml), {NEAR_HINT}"),
    ('{{ figure("gamma", "With over 2.7 million square kilometres it is vast. It is home to 19 million people", '
     '"2.7", kind="population", qualifier="over", unit="million", date="2022-01") }}',  # the word in another sentence
     "figure passage does not say what kind 'population' counts — \"With over 2.7 million square kilometres it is "
     "vast. It is home to 19 million people\" — the sentence that gives the number must hold one of: population, "
     f"inhabitants, residents, home to (macros/claims/figure_kinds.yml), {NEAR_HINT}"),
    ('{{ figure("gamma", "Belarus (500 troops), Tajikistan (200 troops)", "200", kind="csto-troops", '
     'subject="Belarus", date="2022-01") }}',  # Tajikistan's troops filed under Belarus
     "figure subject is not the country named nearest its value — 'Belarus' — nearest 200 the passage names "
     "Tajikistan: a country subject is the one its passage names nearest the number"),
    ('{{ figure("gamma", "Belarus … (200 troops)", "200", kind="csto-troops", subject="Belarus", '
     'date="2022-01") }}',  # the elision cuts off the country named right before the number
     "figure subject is not the country named nearest its value — 'Belarus' — nearest 200 the passage names "
     "Tajikistan: a country subject is the one its passage names nearest the number"),
    ('{{ figure("gamma", "more than 225 citizens have been killed. At least 238 people were killed.", "238", '
     'kind="deaths", qualifier="at least", subject="citizens", date="2022") }}',  # the 225's subject on the 238
     "figure subject does not stand by its value — 'citizens' — the subject is the passage's words in the sentence "
     "that gives 238, within 4 words of it and with no other number between (\"more than 225 citizens\"): words "
     "elsewhere may name what another number counts"),
    ('{{ figure("gamma", "Police detained 40 protesters in 2 towns.", "2", kind="detained", date="2022") }}',
     # "detained" is the 40's word, nearer 40 than 2
     "figure passage does not say what kind 'detained' counts — \"Police detained 40 protesters in 2 towns.\" — the "
     "sentence that gives the number must hold one of: arrested, arrests, detained, detention, detentions, detainees, "
     f"in custody (macros/claims/figure_kinds.yml), {NEAR_HINT}"),
    ('{{ figure("gamma", "citizens have been killed. At least 238", "238", kind="deaths", qualifier="at least", '
     'date="2022") }}',  # "killed" ends the sentence before: a sentence end stands between
     "figure passage does not say what kind 'deaths' counts — \"citizens have been killed. At least 238\" — the "
     f"sentence that gives the number must hold one of: {KIND_WORDS}, {NEAR_HINT}"),
    ('{{ figure("gamma", "citizens have been killed, and more than 700 demonstrators", "700", kind="deaths", '
     'qualifier="more than", date="2022") }}',  # "killed" is the 90's, which the passage leaves out
     "figure passage does not say what kind 'deaths' counts — \"citizens have been killed, and more than 700 "
     f"demonstrators\" — the sentence that gives the number must hold one of: {KIND_WORDS}, {NEAR_HINT}"),
    ('{{ figure("gamma", "mob over the airport has led to the death of 13 officers", "13", kind="security-deaths", '
     'qualifier="over the airport has led to the death of", date="2022") }}',  # words before it, holding "over"
     "figure qualifier does not say what kind of number it is — 'over the airport has led to the death of' — a "
     "qualifier is one wording of macros/claims/qualifiers.yml (a lower or upper bound, or an approximate number), "
     "the one the passage writes right before the number: give that wording alone, or add the source's wording "
     "there"),
    ('{{ figure("gamma", "The Russian contingent (estimated to be around 3000 troops)", "3000", kind="armed-forces", '
     'qualifier="estimated to be around", date="2022") }}',  # "Size of Kazakhstan’s armed forces"
     "figure passage does not name the country its kind counts — 'armed-forces' — kind 'armed-forces' (“Size of "
     f"Kazakhstan’s armed forces”) counts Kazakhstan's (macros/claims/figure_kinds.yml): quote the words that name "
     "it (Kazakhstan, Kazakh, Kazakhs, Kazakhstani, Kazakhstanis), with an elided part (…) from the same paragraph "
     "if they stand apart, or choose another kind"),
    ('{{ figure("gamma", "Kazakhstan … estimated to be around 3000 troops", "3000", kind="armed-forces", '
     'qualifier="estimated to be around", date="2022") }}',  # Kazakhstan elided in; its sentence names Russia
     "figure value stands nearest another country than its kind's — '3000' — nearest 3000 its sentence in the "
     "source names Russia; kind 'armed-forces' (“Size of Kazakhstan’s armed forces”) counts Kazakhstan's "
     "(macros/claims/figure_kinds.yml): cite a number the source gives as Kazakhstan's, or choose another kind"),
    ('{{ figure("gamma", "Kazakhstan … The Russian contingent (estimated to be around 3000 troops)", "3000", '
     'kind="armed-forces", qualifier="estimated to be around", subject="Russia", date="2022") }}',
     "figure subject is not the country its kind counts — 'Russia' — kind 'armed-forces' (“Size of Kazakhstan’s "
     "armed forces”) counts Kazakhstan's (macros/claims/figure_kinds.yml): give subject=\"Kazakhstan\" or none, or "
     "choose another kind"),
    ('{{ figure("gamma", "Police detained 40 protesters in 2 towns.", "40", kind="detained", subject="towns", '
     'date="2022") }}',  # three words away, but across the 2
     "figure subject does not stand by its value — 'towns' — the subject is the passage's words in the "
     "sentence that gives 40, within 4 words of it and with no other number between (\"more than 225 citizens\"): "
     "words elsewhere may name what another number counts"),
    ('{{ figure("gamma", "Russia and China watch. Approximately 20% of the population are ethnic Russians", "20", '
     'kind="ethnic-russians", qualifier="approximately", unit="%", subject="Russia", date="2022") }}',
     "figure subject is not named in its value's sentence — 'Russia' — the sentence that gives 20 names no country "
     "(its kind's own words aside): a country subject is named in the number's own sentence, in the passage or in "
     "the source's words of that sentence before it; where the sentence names none, give no subject"),
    ('{{ figure("gamma", "China watch … Approximately 20% of the population are ethnic Russians", "20", '
     'kind="ethnic-russians", qualifier="approximately", unit="%", subject="China", date="2022") }}',  # elided in
     "figure subject is not named in its value's sentence — 'China' — the sentence that gives 20 names no country "
     "(its kind's own words aside): a country subject is named in the number's own sentence, in the passage or in "
     "the source's words of that sentence before it; where the sentence names none, give no subject"),
    ('{{ figure("gamma", "225 citizens have been killed", "225", kind="deaths", subject="citizens", '
     'date="2022-01") }}',  # "more than 225" shown as an exact count
     "figure passage drops the source's qualifier — '225' — the source writes 'more than' right before 225: begin "
     "the passage there and give qualifier=\"more than\""),
    ('{{ figure("gamma", "than 225 citizens have been killed", "225", kind="deaths", subject="citizens", '
     'date="2022-01") }}',  # the passage starts inside the wording
     "figure passage drops the source's qualifier — '225' — the source writes 'more than' right before 225: begin "
     "the passage there and give qualifier=\"more than\""),
    ('{{ figure("gamma", "At least 238 people were killed.", "238", kind="deaths", qualifier="at least", '
     'date="2019-05") }}',  # a date from nowhere
     "figure date is not its passage's or its source's — '2019-05' — its passage states no day, month or year, and "
     "its source 'gamma' is dated 2022-01-07: give the source's date (or less of it), or quote a part of the "
     "paragraph that states the figure's date"),
    ('{{ event("gamma", "In 2019, the leader stepped down.", date="2019-01-05", label="The leader steps down") }}',
     "event month is neither its passage's nor its source's — '2019-01-05' — the passage names no day or month, and "
     "its source 'gamma' is dated 2022-01-07: give only the year, or quote the words that state the month"),
    ('{{ event("gamma", "A referendum in June was a sham.", date="2022-06-05", label="A referendum") }}',
     "event day is neither its passage's nor its source's — '2022-06-05' — the passage states: June, and its source "
     "'gamma' is dated 2022-01-07: give only the year and month, or quote the words that state the day"),
    ('{{ event("gamma", "A referendum in June was a sham.", date="2023-06", label="A referendum") }}',  # year after
     "event year is not its source's — '2023-06' — the passage states June but no year, and its source 'gamma' is "
     f"dated 2022-01-07: {YEAR_HINT}, so give 2022 or 2021, or quote the words that state the year"),
    ('{{ event("gamma", "Russian troops arrived in Kazakhstan yesterday, 6 January.", date="2023-01-06", '
     'label="Russian troops arrived") }}',  # 6 January is before the source's 7 January: its own year alone
     "event year is not its source's — '2023-01-06' — the passage states 6 January but no year, and its source "
     f"'gamma' is dated 2022-01-07: {YEAR_HINT}, so give 2022, or quote the words that state the year"),
    ('{{ figure("alpha", "about 2,000 troops arrived on 6 January", "2,000", kind="csto-troops", qualifier="about", '
     'date="2023-01-06") }}',
     "figure year is not its source's — '2023-01-06' — the passage states 6 January but no year, and its source "
     f"'alpha' is dated 2022-01-07: {YEAR_HINT}, so give 2022, or quote the words that state the year"),
    ('{{ event("gamma", "Some 2000 soldiers came.", date="0001", label="Soldiers came") }}',  # no date stated
     "event date is not its passage's or its source's — '0001' — its passage states no day, month or year, and its "
     "source 'gamma' is dated 2022-01-07: give the source's date (or less of it), or quote a part of the paragraph "
     "that states the event's date"),
    ('{{ event("gamma", "Two leaders visited this fall.", date="2020", label="Two leaders visited") }}',
     "event year is not the one its passage counts — '2020' — the passage gives no date but counts from its "
     "source's, and its source 'gamma' is dated 2022-01-07: give the year 2022 or 2021 alone, or the source's date "
     "(or less of it), or quote the words that state the date"),
    ('{{ event("gamma", "The statue was erected only 5 years ago.", date="2016-01", label="Statue erected") }}',
     "event year is not the one its passage counts — '2016-01' — the passage gives no date but counts from its "
     "source's, and its source 'gamma' is dated 2022-01-07: give the year 2017 or 2016 alone, or the source's date "
     "(or less of it), or quote the words that state the date"),
    ('{{ event("gamma", "At least 238 people were killed.", date="2022-01-07", '
     'label="Ten killed as troops fire on Almaty crowd") }}',
     f"event label says what its passage does not — 'Ten killed as troops fire on Almaty crowd' — not in the "
     f"passage: Ten, troops, fire, Almaty, crowd; {LABEL_HINT}"),
    ('{{ event("gamma", "The regime spoke of “a band of international terrorists” in the capital.", date="2022", '
     'label="The regime orders troops to shoot terrorists dead") }}',  # lower-case verbs are words too
     "event label says what its passage does not — 'The regime orders troops to shoot terrorists dead' — not in the "
     f"passage: orders, troops, shoot, dead; {LABEL_HINT}"),
    ('{{ event("gamma", "Some 2000 soldiers came.", date="2022", label="Soldiers never came") }}',  # a negation
     f"event label says what its passage does not — 'Soldiers never came' — not in the passage: never; {LABEL_HINT}"),
    ('{{ event("gamma", "At least 238 people were killed.", date="2022-01-07", '
     'label="Tens of myriads of people were killed") }}',  # number words not in any list
     "event label says what its passage does not — 'Tens of myriads of people were killed' — not in the passage: "
     f"Tens, myriads; {LABEL_HINT}"),
    ('{{ event("gamma", "At least 238 people were killed.", date="2022-01-07", '
     'label="At least 238 police officers killed") }}',  # the passage's number, other people
     "event label says what its passage does not — 'At least 238 police officers killed' — not in the passage: "
     f"police, officers; {LABEL_HINT}"),
    ('{{ event("gamma", "In 2019, the leader stepped down.", date="2019", label="Putin steps down") }}',
     f"event label says what its passage does not — 'Putin steps down' — not in the passage: Putin; {LABEL_HINT}"),
    ('{{ event("gamma", "In 2019, the leader stepped down.", date="2019", label="The leader of Belarus steps down") }}',
     "event label says what its passage does not — 'The leader of Belarus steps down' — not in the passage: Belarus; "
     f"{LABEL_HINT}"),
    ('{{ event("gamma", "At least 238 people were killed.", date="2022-01-07", label="2,000 killed") }}',
     f"event label says what its passage does not — '2,000 killed' — not in the passage: 2,000; {LABEL_HINT}"),
    ('{{ quote("gamma", "Police detained 40 protesters … leave the square") }}',  # the elision drops "not"
     "elision leaves out a negation — \"Police detained 40 protesters … leave the square\" — the source's words left "
     f"out there: \"in 2 towns. They did not\", with not: {ELISION_HINT}"),
    ('{{ quote("gamma", "and the police … go home") }}',
     "elision leaves out a negation — \"and the police … go home\" — the source's words left out there: \"didn’t\", "
     f"with didn’t: {ELISION_HINT}"),
    ('{{ blockquote("gamma", "The regime spoke of “a band … terrorists") }}',  # the closing mark left out
     "block quote of words its source quotes from someone else — \"The regime spoke of “a band … terrorists\" — the "
     "source puts these words in quotation marks, and blockquote() signs them as the source's own: use quote() in a "
     "sentence that names who said them"),
    ('{{ blockquote("gamma", "Turkey … be pleased.") }}',  # negating words beyond not, no, never
     f"elision leaves out a negation — \"Turkey … be pleased.\" — the source's words left out there: \"cannot\", "
     f"with cannot: {ELISION_HINT}"),
    ('{{ quote("gamma", "Parts of the police have already … to attack the crowd") }}',  # a verb of refusal, by stem
     "elision leaves out a negation — \"Parts of the police have already … to attack the crowd\" — the source's words "
     f"left out there: \"refused\", with refused: {ELISION_HINT}"),
    ('{{ blockquote("gamma", "The autocrats have … interest in a precedent") }}',  # a limiting word
     "elision leaves out a negation — \"The autocrats have … interest in a precedent\" — the source's words left out "
     f"there: \"little\", with little: {ELISION_HINT}"),
    ('{{ blockquote("gamma", "a band of international terrorists") }}',  # the regime's words, signed as the source's
     "block quote of words its source quotes from someone else — \"a band of international terrorists\" — the "
     "source puts these words in quotation marks, and blockquote() signs them as the source's own: use quote() in a "
     "sentence that names who said them"),
    ('{{ blockquote("gamma", "The regime spoke of … a band of international terrorists") }}',  # marks elided
     "block quote of words its source quotes from someone else — \"The regime spoke of … a band of international "
     "terrorists\" — the source puts these words in quotation marks, and blockquote() signs them as the source's "
     "own: use quote() in a sentence that names who said them"),
])
def test_a_figure_an_event_and_a_block_quote_show_nothing_their_passage_does_not(call, expected):
    claims, problems = check(call, with_gamma())
    assert (claims, problems) == ([], [f"docs/p.md:1: {expected}"])


@pytest.mark.parametrize("call", [
    '{{ figure("gamma", "Some 2000 soldiers came.", "2000", kind="csto-troops", qualifier="some", date="2022") }}',
    '{{ figure("gamma", "Belarus (500 troops), Tajikistan (200 troops)", "200", kind="csto-troops", '
    'subject="Tajikistan", date="2022-01") }}',
    '{{ figure("gamma", "more than 225 citizens have been killed", "225", kind="deaths", qualifier="more than", '
    'date="2022") }}',
    '{{ figure("gamma", "more than 225 citizens have been killed", "225", kind="deaths", qualifier="more than", '
    'subject="citizens", date="2022") }}',
    '{{ figure("gamma", "Kazakhstan … Approximately 15% of its population are ethnic Russians", "15", '
    'kind="ethnic-russians", qualifier="approximately", unit="%", date="2022") }}',  # "the Russian language" aside
    '{{ figure("gamma", "Kazakhstan is home to 18 million people, and some 70,000 soldiers", "70,000", '
    'kind="armed-forces", qualifier="some", date="2022") }}',
    '{{ figure("gamma", "Police detained 40 protesters in 2 towns.", "40", kind="detained", subject="protesters", '
    'date="2022") }}',
    '{{ figure("gamma", "Kazakhstan is home to 18 million people", "18", kind="population", unit="million", '
    'date="2022-01-07") }}',
    '{{ figure("gamma", "Elsewhere 90 citizens have been killed", "90", kind="deaths", date="2022") }}',
    '{{ figure("gamma", "mob over the airport has led to the death of 13 officers", "13", kind="security-deaths", '
    'date="2022") }}',
    '{{ figure("gamma", "more than 700 demonstrators have been arrested", "700", kind="detained", '
    'qualifier="more than", date="2022") }}',
    '{{ event("gamma", "In 2019, the leader stepped down.", date="2019", label="The leader steps down") }}',
    '{{ event("gamma", "A referendum in June was a sham.", date="2022-06", label="A referendum in June") }}',
    '{{ event("gamma", "A referendum in June was a sham.", date="2021-06", label="A referendum in June") }}',
    '{{ event("gamma", "At least 238 people were killed.", date="2022-01-07", label="At least 238 killed") }}',
    '{{ event("gamma", "Belarus (500 troops), Tajikistan (200 troops).", date="2022", label="Belarusian troops") }}',
    '{{ event("gamma", "as Nazarbayev’s puppet said", date="2022", label="Nazarbayev’s puppet said") }}',
    '{{ event("gamma", "Some 2000 soldiers came.", date="2022", label="The soldiers came") }}',
    '{{ event("gamma", "Some 2000 soldiers came.", date="2022-01-07", label="The soldiers came") }}',
    '{{ event("gamma", "The statue was erected only 5 years ago.", date="2016", label="Statue erected") }}',
    '{{ event("gamma", "Two leaders visited this fall.", date="2021", label="Two leaders visited") }}',
    '{{ event("gamma", "Russian troops arrived in Kazakhstan yesterday, 6 January.", date="2022-01-06", '
    'label="Russian troops arrived in Kazakhstan") }}',
    '{{ quote("gamma", "Police detained 40 protesters … They did not leave the square") }}',
    '{{ quote("gamma", "Turkey cannot be pleased. Parts of the police … refused to attack the crowd") }}',
    '{{ quote("gamma", "The autocrats have little interest … Moscow will hold") }}',
    '{{ blockquote("gamma", "The regime spoke of “a band of international terrorists” in the capital.") }}',
    '{{ blockquote("gamma", "The regime spoke of “a band … terrorists” in the capital.") }}',  # the marks shown
    '{{ blockquote("gamma", "The regime spoke of “a band … international … terrorists” in the capital.") }}',
])
def test_what_the_passage_or_its_source_says_passes(call):
    claims, problems = check(call, with_gamma())
    assert problems == [] and len(claims) == 1


def test_a_kind_whose_label_names_a_country_counts_that_countrys_number():
    """figure_kinds.yml: a label that names a country ("Size of Kazakhstan’s armed forces") lists it as `country`,
    which the figure rules then hold its figures to; a form inside the kind's own words names what it counts."""
    import re

    from macros.claims import FIGURE_KINDS
    from macros.claims.subjects import COUNTRIES
    from macros.claims.wording import has_words, lowered

    for kind, about in FIGURE_KINDS.items():
        label = re.sub(r"'s\b", "", lowered(about["label"]))
        own = {word for words in about["words"] + about.get("also", []) for word in lowered(words).split()}
        named = {country for country, forms in COUNTRIES.items()
                 if any(form.casefold() not in own and has_words([label], form) for form in forms)}
        assert named == ({about["country"]} if "country" in about else set()), kind


def test_figures_of_one_kind_share_one_unit():
    from macros.claims.units import unit_problems

    claims, problems = check('{{ figure("beta", "the average monthly salary is around €500", "500", '
                             'kind="average-income", qualifier="around", unit="€", date="2022-01") }} '
                             '{{ figure("gamma", "Incomes are less than £2,500 a year", "2,500", '
                             'kind="average-income", '
                             'qualifier="less than", unit="£", date="2022") }}', with_gamma())
    assert problems == [] and len(claims) == 2
    assert [str(problem) for problem in unit_problems(claims)] == [
        "docs/p.md:1: figures of kind 'average-income' do not share one unit — '£' — docs/p.md:1 gives it the unit "
        "'€'; /figures/ draws a kind's figures on one scale: give the same unit, or cite a figure in that unit"]


def test_a_figure_shows_the_macros_casing_and_a_currency_symbol_before_its_value():
    from macros.render.labels import figure_text
    claims, _ = check('{{ figure("beta", "the average monthly salary is around €500", "500", kind="average-income", '
                      'qualifier="Around", unit="€", subject="Monthly Salary", date="2022-01") }}', with_beta())
    assert figure_text(claims[0].figure, "en") == "Around €500"
    assert claims[0].figure["subject"] == "Monthly Salary"
    over = {"qualifier": "over", "value": "2.7", "number": 2.7, "unit": "million square kilometres"}
    assert figure_text(over, "en") == "over 2.7 million square kilometres"


def test_a_place_is_named_in_whole_words():
    _, problems = check('{{ place("alpha", "was the cry on the square", name="quare") }}')
    assert problems == ["docs/p.md:1: place is not named in its passage — 'quare' — cite a passage that names the "
                        "place"]


def test_the_citations_of_a_run_read_at_most_the_read_limit(monkeypatch):
    import macros.claims

    monkeypatch.setattr(macros.claims, "READ_LIMIT", 1_000)  # two searches of alpha's paragraphs go past it
    page, _ = parse("".join(f'Said.{{{{ cite("alpha", "At least 238 people") }}}}\n' for _ in range(5)))
    verifier = Verifier(CORPUS)
    claims, problems = verifier.verify("p.md", page.calls)
    assert len(claims) == 1 and problems == [] and verifier.meter.read > 1_000
    assert [str(problem) for problem in verifier.unchecked_problems()] == [
        "docs/p.md:2: the citations read more than 1,000 characters of the sources — this and 3 more citations "
        "not checked — each citation may read its whole source several times: cite fewer or shorter sources, or "
        "ask a maintainer to raise the limit"]


def test_the_failed_citations_of_a_page_are_reported_up_to_a_limit_then_counted():
    claims, problems = check("".join(f'Said.{{{{ cite("alpha", "At least {n} people") }}}}\n' for n in range(40)))
    assert len(problems) == 31 and problems[-1] == ("docs/p.md:31: and more problems of the same page — 10 "
                                                    "citations after this line not checked — fix these first")


def test_the_site_holds_at_most_a_limit_of_citations(monkeypatch):
    import macros.claims

    monkeypatch.setattr(macros.claims, "MAX_CITATIONS", 2)
    page, _ = parse("".join(f'Said.{{{{ cite("alpha", "At least 238 people") }}}}\n' for _ in range(5)))
    verifier = Verifier(CORPUS)
    claims, problems = verifier.verify("p.md", page.calls)
    assert len(claims) == 2 and problems == []
    assert [str(problem) for problem in verifier.unchecked_problems()] == [
        "docs/p.md:3: more than 2 citations on the site — this and 2 more citations not checked — ask a maintainer "
        "to raise the limit"]


def test_overlapping_passages_are_cut_into_marks_once_for_all_their_citations():
    from macros.render.sourceplan import plan_sources

    calls = ['{{ cite("alpha", "At least 238 people") }}', '{{ cite("alpha", "238 people were killed") }}',
             '{{ cite("alpha", "At least … were killed") }}'] * 1_000  # 3,000 citations of one paragraph
    claims, problems = check("".join(f"Said.{call}\n" for call in calls))
    shown = plan_sources(CORPUS, claims)["alpha"].paragraphs[2]
    assert problems == [] and [(h.start, h.end, len(h.claims)) for h in shown.highlights] == [
        (0, 8, 2_000), (8, 9, 1_000), (9, 19, 2_000), (19, 20, 1_000), (20, 31, 2_000)]  # "At least 238 people …"
    assert [shown.marks_of(claim) for claim in claims[:3]] == [["p3-1", "p3-2", "p3-3"], ["p3-3", "p3-4", "p3-5"],
                                                               ["p3-1", "p3-5"]]


@pytest.mark.parametrize("date, source, refused", [
    ("2022", "2022", False), ("2022-01", "2022-01-07", False), ("2022-01-07", "2022-01-07", False),
    ("2022-01", "2022", True),  # a month the source does not give: "As of January" would be the editors' guess
    ("2022-01-08", "2022-01-07", True), ("2021", "2022-01-07", True),
])
def test_a_figure_whose_passage_states_no_date_takes_its_sources_date_or_less(date, source, refused):
    from macros.claims.dates import date_problems
    from macros.pages.body import Call

    call = Call("docs/p.md", 3, "figure", {"date": date})
    found = [str(problem) for problem in date_problems(call, "figure", date, ["No day or month here."], source, "x")]
    assert found == ([f"docs/p.md:3: figure date is not its passage's or its source's — '{date}' — its passage "
                      f"states no day, month or year, and its source 'x' is dated {source}: give the source's date "
                      "(or less of it), or quote a part of the paragraph that states the figure's date"]
                     if refused else [])


DELTA = ("On 5 January the Kazakhstan president asked for help. Russian troops arrived in Kazakhstan on 6 January.\n\n"
         "It ran from the violent end of the Ceausescus in Romania in 1989 to the tottering government of Alexander "
         "Lukashenko in Belarus.\n\n"
         "The capital moved from Almaty to Astana in 1997. Lukashenko ruled. He confronted his own people in August "
         "2020.\n")
CLAUSE_HINT = ("a clause is a sentence or a part of one between semicolons, and a date on one side of a 'from … to …' "
               "range dates that side alone")


def with_delta():
    from macros.corpus import Corpus

    corpus = with_beta()
    alpha = corpus.get("alpha")
    delta = type(alpha)("delta", "delta.txt", DELTA, alpha.meta, alpha.licence, False, None, 50)
    return Corpus({**corpus.sources, "delta": delta})


@pytest.mark.parametrize("call, expected", [
    ('{{ event("delta", "On 5 January the Kazakhstan president asked for help. Russian troops arrived in Kazakhstan '
     'on 6 January.", date="2022-01-05", label="Russian troops arrive in Kazakhstan") }}',  # the other day's troops
     "event date is not the one its label's words stand by — '2022-01-05' — the clause 'Russian troops arrived in "
     "Kazakhstan on 6 January' holds 4 of the label's 4 words (Russian, troops, arrive, Kazakhstan); the clause that "
     "states 2022-01-05, 'On 5 January the Kazakhstan president asked for help', holds 1 of the label's 4 words "
     f"(Kazakhstan): date the event by the clause that holds most of its label's words ({CLAUSE_HINT})"),
    ('{{ event("beta", "Tokayev visited Ankara in May; Erdoğan paid a return visit in October.", date="2022-05", '
     'label="Erdoğan paid a return visit") }}',  # a semicolon ends a clause
     "event date is not the one its label's words stand by — '2022-05' — the clause 'Erdoğan paid a return visit in "
     "October' holds 4 of the label's 4 words (Erdoğan, paid, return, visit); the clause that states 2022-05, "
     "'Tokayev visited Ankara in May', holds 1 of the label's 4 words (visit): date the event by the clause that "
     f"holds most of its label's words ({CLAUSE_HINT})"),
    ('{{ event("delta", "from the violent end of the Ceausescus in Romania in 1989 to the tottering government of '
     'Alexander Lukashenko in Belarus", date="1989", label="Tottering government of Lukashenko in Belarus") }}',
     "event label's words are not in its date's clause — 'from the violent end of the Ceausescus in Romania in 1989' "
     "— the passage dates these words by 1989, and they hold none of the label's 4 words (Tottering, government, "
     f"Lukashenko, Belarus): most of a label's words stand in its date's clause ({CLAUSE_HINT}); label the event "
     "with the words its date dates, or date it by the words its label uses"),
    ('{{ event("delta", "in Romania in 1989 to the tottering government of Alexander Lukashenko in Belarus", '
     'date="1989", label="Tottering government of Lukashenko in Belarus") }}',  # "from" left out: the source has it
     "event label's words are not in its date's clause — 'in Romania in 1989' — the passage dates these words by "
     "1989, and they hold none of the label's 4 words (Tottering, government, Lukashenko, Belarus): most of a "
     f"label's words stand in its date's clause ({CLAUSE_HINT}); label the event with the words its date dates, or "
     "date it by the words its label uses"),
])
def test_an_events_date_dates_the_clause_of_its_labels_words(call, expected):
    claims, problems = check(call, with_delta())
    assert (claims, problems) == ([], [f"docs/p.md:1: {expected}"])


@pytest.mark.parametrize("passage, date, label", [
    ("On 5 January the Kazakhstan president asked for help. Russian troops arrived in Kazakhstan on 6 January.",
     "2022-01-06", "Russian troops arrive in Kazakhstan"),
    ("On 5 January the Kazakhstan president asked for help. Russian troops arrived in Kazakhstan on 6 January.",
     "2022-01-05", "The Kazakhstan president asked for help"),
    ("from the violent end of the Ceausescus in Romania in 1989 to the tottering government", "1989",
     "Violent end of the Ceausescus in Romania"),
    ("The capital moved from Almaty to Astana in 1997.", "1997", "The capital moved to Astana"),  # around the range
    ("Lukashenko ruled. He confronted his own people in August 2020.", "2020-08",  # a pronoun: most words are there
     "Lukashenko confronts his own people"),
])
def test_an_events_label_may_use_its_date_clause_and_the_words_around_it(passage, date, label):
    claims, problems = check(f'{{{{ event("delta", "{passage}", date="{date}", label="{label}") }}}}', with_delta())
    assert problems == [] and len(claims) == 1


EPSILON = ("When only last year Armenia sought help to counter Azerbaijan, the CSTO took 3 months to reply.\n\n"
           "Russian troops will most likely not be used to directly confront Kazakh protesters.\n\n"
           "Tokayev visited Ankara in May; Erdoğan paid a return visit in October. Ties with Turkey grew.\n\n"
           "In 2019, the aging Nazarbayev formally stepped down in favour of Tokayev.\n\n"
           "The regime declared that the country was under attack from “a band of international terrorists”.\n\n"
           "Tokayev did not resign; the troops left the city.\n\n"
           "Friday 07 January 2022 21:30 GMT. Russian troops arrived in Kazakhstan yesterday, 6 January.\n\n"
           "The statue of the “leader of the nation” was pulled down by protesters. A Russian official, Zhilin, "
           "was deported back into the clutches of the Kremlin. Some 2000 soldiers came.\n")


def with_epsilon():
    return with_text("epsilon", EPSILON, 60)


ORDER_HINT = ("a label keeps its passage's order, so that it never swaps who did what to whom (\"Armenia sought help "
              "to counter Azerbaijan\" is not \"Azerbaijan sought help to counter Armenia\"); it may end on a place or "
              "a person named elsewhere in the passage, led by a small word (\"… in Belarus\")")
NEGATION_HINT = "a label keeps every negation of the clauses of its passage that it draws on, and adds none"
COUNT_HINT = ("as a day, year or time (or it is a number from 1800 to 2099, which reads as a year): a label's number "
              "counts what its passage counts (\"238 killed\"), and the timeline shows the event's date itself")


@pytest.mark.parametrize("passage, date, label, expected", [
    ("When only last year Armenia sought help to counter Azerbaijan", "2021", "Azerbaijan sought help to counter Armenia",
     "event label's words are not in its passage's order — 'Azerbaijan sought help to counter Armenia' — the passage "
     f"has them in the order: Armenia, sought, help, counter, Azerbaijan; {ORDER_HINT}"),
    ("When only last year Armenia sought help to counter Azerbaijan", "2021", "Azerbaijan sought help",
     "event label's words are not in its passage's order — 'Azerbaijan sought help' — the passage has them in the "
     f"order: sought, help, Azerbaijan; {ORDER_HINT}"),
    ("Russian troops will most likely not be used to directly confront Kazakh protesters", "2022",
     "Russian troops used to confront Kazakh protesters",
     "event label does not keep its passage's negation — 'Russian troops used to confront Kazakh protesters' — the "
     f"clauses it draws on say 'not': {NEGATION_HINT}"),
    ("Tokayev did not resign; the troops left the city.", "2022", "Not the troops left the city",  # "not" of another
     f"event label does not keep its passage's negation — 'Not the troops left the city' — the label adds 'not': "
     f"{NEGATION_HINT}"),
    ("Tokayev visited Ankara in May; Erdoğan paid a return visit in October. Ties with Turkey grew.", "2022-10",
     "Tokayev paid a return visit to Turkey",  # Erdoğan's return visit, Tokayev from May's clause
     "event label takes words from the clause of another date — 'Tokayev paid a return visit to Turkey' — the clause "
     "'Tokayev visited Ankara in May' states another date than 2022-10 and alone holds the label's Tokayev: a date "
     f"dates only its own clause ({CLAUSE_HINT}); label the event with the words its date dates"),
    ("In 2019, the aging Nazarbayev formally stepped down", "2019", "Nazarbayev formally stepped up",
     f"event label says what its passage does not — 'Nazarbayev formally stepped up' — not in the passage: up; "
     f"{LABEL_HINT}"),
    ("The regime declared that the country was under attack from “a band of international terrorists”.", "2022",
     "Country under attack from international terrorists",  # the regime's words as the event
     "event label gives words its source quotes as the event — 'Country under attack from international "
     "terrorists' — the passage has international, terrorists only inside quotation marks: they are someone's "
     "words, which the source reports; take into the label the word of saying that reports them, as the passage "
     "writes it (macros/claims/speech_words.yml: declared, ordered, said, …), or label the event with the source's "
     "own words"),
    ("Friday 07 January 2022 21:30 GMT. Russian troops arrived in Kazakhstan yesterday, 6 January.", "2022-01-06",
     "6 Russian troops arrived in Kazakhstan",  # the day as a count
     f"event label's number is not a count of its passage — '6 Russian troops arrived in Kazakhstan' — the passage "
     f"writes 6 {COUNT_HINT}"),
    ("Friday 07 January 2022 21:30 GMT", "2022-01-07", "Friday 21 January 2022",  # the hour as a day
     f"event label's number is not a count of its passage — 'Friday 21 January 2022' — the passage writes 21, 2022 "
     f"{COUNT_HINT}"),
    ("Some 2000 soldiers came.", "2022", "Some 2000 soldiers came",  # a count that reads as a year on the rail
     f"event label's number is not a count of its passage — 'Some 2000 soldiers came' — the passage writes 2000 "
     f"{COUNT_HINT}"),
])
def test_an_events_label_reads_as_its_passage(passage, date, label, expected):
    claims, problems = check(f'{{{{ event("epsilon", "{passage}", date="{date}", label="{label}") }}}}',
                             with_epsilon())
    assert (claims, problems) == ([], [f"docs/p.md:1: {expected}"])


QUOTED_ELSEWHERE = {"«": "»", "„": "“", "‘": "’", "「": "」", '"': '"'}  # Unicode's marks, as every rule reads them


@pytest.mark.parametrize("opening, closing", QUOTED_ELSEWHERE.items())
def test_an_events_label_reads_words_quoted_in_any_of_unicodes_marks_as_quoted(opening, closing):
    """The labels read quotation marks as the quotation rules do (macros/quotation_marks.py): one list of marks."""
    text = f"The regime declared that the country was under attack from {opening}a band of terrorists{closing}.\n"
    passage = text.strip().replace('"', '\\"')
    claims, problems = check(f'{{{{ event("zeta", "{passage}", date="2022", label="Country attacked by a band of '
                             'terrorists") }}', with_text("zeta", text, 60))
    assert [problem.split(" — ")[0] for problem in problems] == \
        ["docs/p.md:1: event label gives words its source quotes as the event"]


@pytest.mark.parametrize("passage, date, label", [
    ("When only last year Armenia sought help to counter Azerbaijan", "2021", "Armenia sought help"),
    ("Russian troops will most likely not be used to directly confront Kazakh protesters", "2022",
     "Russian troops not used to confront protesters"),
    ("In 2019, the aging Nazarbayev formally stepped down in favour of Tokayev.", "2019",
     "Nazarbayev steps down for Tokayev"),
    ("The regime declared that the country was under attack from “a band of international terrorists”.", "2022",
     "Regime declared country under attack from terrorists"),  # whose words they are
    ("Tokayev visited Ankara in May; Erdoğan paid a return visit in October. Ties with Turkey grew.", "2022-10",
     "Erdoğan paid a return visit to Turkey"),  # a closing place from elsewhere in the passage
    ("The statue of the “leader of the nation” was pulled down by protesters.", "2022",
     "Statue pulled down by protesters"),
    ("A Russian official, Zhilin, was deported back into the clutches of the Kremlin.", "2022",
     "Zhilin deported back to Russia"),
    ("When only last year Armenia sought help to counter Azerbaijan, the CSTO took 3 months to reply.", "2021",
     "The CSTO took 3 months to reply"),  # a count
])
def test_an_events_label_in_its_passages_order_negation_and_voice_passes(passage, date, label):
    claims, problems = check(f'{{{{ event("epsilon", "{passage}", date="{date}", label="{label}") }}}}',
                             with_epsilon())
    assert problems == [] and len(claims) == 1
