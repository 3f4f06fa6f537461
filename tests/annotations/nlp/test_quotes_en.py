"""English quotes: curly and straight marks, split quotes, said (that), according to."""

from __future__ import annotations

from tests.annotations.nlp.helpers import no_quote_containing, quote_containing, run


def test_straight_quote_then_cue_and_pronoun_speaker():
    text = (
        "Foreign Secretary Helen Carter met her counterparts in Oslo on Monday.\n\n"
        '"We will not accept any delay in the delivery of aid," she said.'
    )
    quote = quote_containing(run(text, "en"), "We will not accept")
    assert quote.direct and quote.speaker == "Helen Carter"
    assert quote.text.endswith("aid")  # the style comma is dropped


def test_curly_quotes_with_colon():
    text = (
        "At a news conference, Prime Minister David Morgan said: "
        "“The talks were useful. More will follow soon.”"
    )
    quote = quote_containing(run(text, "en"), "The talks were useful")
    assert quote.speaker == "David Morgan"
    assert quote.text.endswith("soon.")


def test_split_quote_and_surname_resolution():
    text = (
        "Secretary-General Maria Lopes spoke to reporters on Friday.\n\n"
        '"Diplomacy has bought us some time," Lopes said, "but that time is running out."'
    )
    result = run(text, "en")
    first = quote_containing(result, "Diplomacy has bought")
    second = quote_containing(result, "time is running out")
    assert first.speaker == second.speaker == "Maria Lopes"


def test_said_that_and_clause_then_cue():
    text = (
        "Defense Minister Thomas Reed said on Tuesday that the new brigade would be ready by March. "
        "The exercise had gone well, Reed told reporters."
    )
    result = run(text, "en")
    that = quote_containing(result, "new brigade")
    assert that.text.startswith("the new brigade") and that.speaker == "Thomas Reed"
    before = quote_containing(result, "exercise had gone well")
    assert before.speaker == "Thomas Reed"


def test_according_to_before_and_after():
    text = (
        "Shipping revenues have fallen by almost half since the attacks began, "
        "according to the Canal Authority. "
        "According to the Finnish police, the anchor was dragged for miles."
    )
    result = run(text, "en")
    after = quote_containing(result, "Shipping revenues")
    assert "according" not in after.text and "Canal Authority" in after.speaker
    before = quote_containing(result, "the anchor was dragged")
    assert "Finnish police" in before.speaker


def test_paraphrases_and_scare_quotes_are_not_quotes():
    text = (
        "Senator Laura Hill urged allies to act. She accused the government of ignoring the warnings. "
        'The president called the incident a wake-up call. Click "Accept all" to continue.'
    )
    result = run(text, "en")
    assert result.quotes == []
    no_quote_containing(result, "Accept all")


def test_lowercase_institution_speaker_is_kept():
    text = (
        "Foreign Minister Olga Petrova met her counterpart on Monday.\n\n"
        '"This is a dangerous moment," the ministry said.\n\n'
        "The foreign ministry said in a statement that the meeting had been useful."
    )
    result = run(text, "en")
    assert quote_containing(result, "dangerous moment").speaker == "ministry"
    assert "ministry" in quote_containing(result, "meeting had been useful").speaker


def test_he_added_that_and_told_a_briefing_that():
    text = (
        "Spokesman Li Wen spoke in Beijing on Friday. He added that the talks would continue. "
        "Li told a regular news briefing that Manila had ignored repeated warnings."
    )
    result = run(text, "en")
    assert quote_containing(result, "talks would continue").speaker == "Li Wen"
    assert quote_containing(result, "Manila had ignored").speaker == "Li Wen"


def test_trailing_said_with_the_speaker_in_apposition():
    text = "Three people were injured in Kharkiv, the city's mayor, Ihor Terekhov, said on Telegram."
    quote = quote_containing(run(text, "en"), "Three people")
    assert quote.speaker == "Ihor Terekhov"
    assert quote.text == "Three people were injured in Kharkiv"


def test_unnamed_plural_sources_are_not_quotes_and_datelines_are_dropped():
    result = run("The two countries agreed on Friday to deepen military cooperation, officials said.", "en")
    no_quote_containing(result, "deepen military")
    text = "WASHINGTON — The talks will resume next week in Geneva, Secretary of State Marco Rubio said."
    quote = quote_containing(run(text, "en"), "The talks will resume")
    assert quote.text == "The talks will resume next week in Geneva"
    assert quote.speaker == "Marco Rubio"


def test_a_dateline_before_an_institution_subject_is_not_the_speaker():
    text = (
        "MUSCAT, Oman (AP) — Oman said Sunday it was ready to host a new round of talks.\n\n"
        "LONDON — Downing Street said on Tuesday that British jets would begin patrols next month."
    )
    result = run(text, "en")
    assert quote_containing(result, "ready to host").speaker == "Oman"
    assert quote_containing(result, "British jets").speaker == "Downing Street"


def test_subject_the_parser_attached_to_the_previous_paragraph():
    text = (
        "“Every grain ship that reaches Odesa safely is a defeat for the Kremlin,” Sybiha wrote on X.\n\n"
        "Representative Carla Hughes of Georgia, a senior Republican on the House Armed Services "
        "Committee, said the United States should offer intelligence support to the mission."
    )
    quote = quote_containing(run(text, "en"), "intelligence support")
    assert quote.speaker == "Carla Hughes"


def test_colon_quote_after_a_person_subject_without_speech_verb():
    text = (
        "Defence minister Paul Reed visited the base on Monday.\n\n"
        "Romanian President Nicușor Dan, whose country will host the aircraft, struck a cautious note: "
        "“Our airspace is not a stage for rivalry. We accept this mission because it protects our coast.”"
    )
    assert quote_containing(run(text, "en"), "Our airspace").speaker == "Nicușor Dan"


def test_no_subject_is_taken_from_a_paragraph_the_parser_joined():
    text = (
        "His French counterpart, Sébastien Lecornu, warned that Europe could no longer rely on "
        "Washington alone. He called the mission a test of European resolve.\n\n"
        "Read more: Drone debris found again on the coast near Constanța\n\n"
        "Romanian President Nicușor Dan, whose country will host the aircraft, struck a cautious note: "
        "“Our airspace is not a stage for rivalry. We accept this mission because it protects our coast.”"
    )
    assert quote_containing(run(text, "en"), "Our airspace").speaker == "Nicușor Dan"


def test_a_participle_after_a_comma_is_not_an_inverted_cue():
    text = "German Chancellor Friedrich Merz has pressed for a negotiated solution, fearing retaliation."
    assert run(text, "en").quotes == []


def test_asked_after_a_quote_attributes_it():
    text = (
        "In a statement, the Eastern Theater Command said its forces had practised blockading ports.\n\n"
        "Chinese foreign ministry spokeswoman Mao Ning dismissed the remarks. “Who is provoking whom?” "
        "she asked. “Taiwan is part of China, and no amount of foreign weapons will change that.”"
    )
    result = run(text, "en")
    assert quote_containing(result, "Who is provoking").speaker == "Mao Ning"
    assert quote_containing(result, "no amount of foreign").speaker == "Mao Ning"


def test_a_possessive_name_is_not_the_subject_a_pronoun_points_to():
    text = (
        "Taiwanese President Lai Ching-te said the island would not respond in kind.\n\n"
        "Chinese foreign ministry spokeswoman Mao Ning dismissed Lai’s remarks. “Who is provoking "
        "whom?” she asked."
    )
    assert quote_containing(run(text, "en"), "Who is provoking").speaker == "Mao Ning"


def test_adding_that_and_a_second_act_end_the_first_claim():
    text = (
        "Lithuanian Defence Minister Dovilė Šakalienė said her country could not wait another six "
        "months, adding that Russian exercises near the border had grown larger every year.\n\n"
        "Foreign Minister Péter Szijjártó said Budapest would not take part in any new deployment "
        "and called the plan a waste of money."
    )
    result = run(text, "en")
    first = quote_containing(result, "could not wait")
    assert first.text == "her country could not wait another six months"
    second = quote_containing(result, "Russian exercises")
    assert second.text == "Russian exercises near the border had grown larger every year"
    assert first.speaker == second.speaker == "Dovilė Šakalienė"
    assert quote_containing(result, "Budapest").text == "Budapest would not take part in any new deployment"


def test_unnamed_groups_and_one_anonymous_source_are_not_quotes():
    text = (
        "Aid agencies fear the crisis could worsen a food emergency across the region.\n\n"
        "The sanctions package will be adopted by the end of the month, said a senior EU diplomat."
    )
    result = run(text, "en")
    no_quote_containing(result, "food emergency")
    no_quote_containing(result, "sanctions package")


def test_a_relative_clause_after_an_institution_subject_is_not_its_name():
    text = (
        "Neighbouring Nigeria, which chairs the West African bloc ECOWAS, warned that military "
        "intervention remained an option of last resort."
    )
    assert quote_containing(run(text, "en"), "military intervention").speaker == "Neighbouring Nigeria"


def test_speaker_of_a_broken_parse_a_name_before_the_cue_or_countries_opening_the_sentence():
    text = (
        "In a letter to EU leaders, seen by Euractiv, Commission President Ursula von der Leyen wrote "
        "that the frozen Russian assets offered the most credible way to fund Ukraine's defence.\n\n"
        "Mali and Burkina Faso, both also ruled by juntas, said in a joint statement that any "
        "intervention would be considered a declaration of war against them."
    )
    result = run(text, "en")
    assert quote_containing(result, "frozen Russian assets").speaker == "Ursula von der Leyen"
    assert quote_containing(result, "declaration of war").speaker == "Mali and Burkina Faso"


def test_a_national_role_phrase_resolves_to_the_person_named_with_that_adjective():
    text = (
        "Hungarian Prime Minister Viktor Orbán has repeatedly said that weapons deliveries only prolong "
        "the war. Slovak officials stayed silent. Speaking on state radio on Friday, the Hungarian leader "
        "said Budapest would not change its position."
    )
    assert quote_containing(run(text, "en"), "Budapest would not").speaker == "Viktor Orbán"


def test_a_long_dateline_is_not_part_of_a_claim_before_according_to():
    text = (
        "PORT MORESBY, Papua New Guinea (Reuters) - Pacific island leaders on Tuesday voiced concern "
        "over security agreements, according to a statement from the Pacific Islands Forum."
    )
    assert quote_containing(run(text, "en"), "voiced concern").text.startswith("Pacific island leaders")


def test_according_to_a_statement_from_x_is_x():
    text = (
        "Leaders voiced concern over the security deals, according to a statement from the "
        "Pacific Islands Forum."
    )
    assert quote_containing(run(text, "en"), "voiced concern").speaker == "Pacific Islands Forum"


def test_a_cue_with_a_that_clause_beats_a_trailing_according_to():
    text = (
        "Meanwhile, the Pentagon warned that it had run out of funds to replace weapons sent to Ukraine, "
        "according to a letter sent to Congress last week."
    )
    quote = quote_containing(run(text, "en"), "run out of funds")
    assert quote.text == "it had run out of funds to replace weapons sent to Ukraine"
    assert quote.speaker == "Pentagon"
