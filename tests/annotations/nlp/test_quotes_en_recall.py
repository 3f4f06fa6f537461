"""English attributions without quotation marks: more cues, fewer false sources."""

from __future__ import annotations

from tests.annotations.nlp.helpers import no_quote_containing, quote_containing, run


def test_vowed_pledged_and_promised_that_report_a_clause():
    text = (
        "Prime Minister Anna Berg vowed that the new tax would never apply to pensioners. "
        "Finance Minister Olav Lind pledged that the budget would be balanced by 2027."
    )
    result = run(text, "en")
    assert quote_containing(result, "the new tax would never apply").speaker == "Anna Berg"
    assert quote_containing(result, "the budget would be balanced").speaker == "Olav Lind"


def test_quoted_as_saying_gives_the_subject_of_quoted():
    text = (
        "Acting regional governor Ilya Vetrogon was quoted by the news agency Interfax as saying "
        "that about 5,000 people had left the border villages."
    )
    quote = quote_containing(run(text, "en"), "5,000 people had left")
    assert quote.speaker and "Vetrogon" in quote.speaker


def test_a_name_in_apposition_to_a_role_subject_speaks_even_unrecognised():
    text = (
        "The employers' federation criticised the plan. Its president, Brontë Vale-Hughes, "
        "told the radio station that firms would stop hiring apprentices."
    )
    quote = quote_containing(run(text, "en"), "firms would stop hiring")
    assert quote.speaker == "Brontë Vale-Hughes"


def test_the_clause_after_the_cue_wins_over_a_misparsed_one_before():
    text = (
        "In an interview with the paper Bild am Sonntag, Karl Brenner said the coalition "
        "had lost its majority."
    )
    result = run(text, "en")
    quote = quote_containing(result, "the coalition had lost its majority")
    assert quote.speaker == "Karl Brenner"
    no_quote_containing(result, "In an interview")


def test_a_belief_inside_a_trailing_cue_belongs_to_the_trailing_speaker():
    text = (
        "Foreign Minister Jana Novak met her counterpart on Monday. "
        "Brussels believes the sanctions are starting to bite, Novak told reporters."
    )
    quote = quote_containing(run(text, "en"), "the sanctions are starting to bite")
    assert quote.speaker == "Jana Novak"
    assert quote.text.startswith("Brussels believes")


def test_an_as_clause_with_another_report_ends_the_claim():
    text = (
        "Energy Minister Tomas Ekberg said on Monday that power prices would fall this winter, "
        "as grid operators warned that supplies remained tight."
    )
    quote = quote_containing(run(text, "en"), "power prices would fall")
    assert quote.text == "power prices would fall this winter"


def test_declined_to_say_whether_is_not_a_quote():
    text = "Government spokesman Erik Dahl declined to say whether the minister would resign."
    no_quote_containing(run(text, "en"), "the minister would resign")


def test_a_spokesperson_for_a_named_body_gives_the_body():
    text = (
        "A spokesperson for the World Health Organization said the outbreak was under control. "
        "A senior official said the figures were incomplete."
    )
    result = run(text, "en")
    assert "World Health Organization" in quote_containing(result, "the outbreak was under control").speaker
    no_quote_containing(result, "the figures were incomplete")


def test_a_campaign_or_office_of_a_person_is_the_speaker_not_the_person():
    text = (
        "Governor Ron Tate spoke in Denver. The Tate campaign said in a statement that the polls were wrong."
    )
    quote = quote_containing(run(text, "en"), "the polls were wrong")
    assert quote.speaker == "Tate campaign"


def test_unnamed_plural_subjects_with_a_capitalised_adjective_are_not_sources():
    text = (
        "Republican strategists privately concede that the senator is trailing. "
        "Many European governments have argued that the rules are too strict."
    )
    result = run(text, "en")
    no_quote_containing(result, "the senator is trailing")
    no_quote_containing(result, "the rules are too strict")


def test_according_to_figures_or_data_is_not_a_source_and_an_unnamed_one_keeps_no_name():
    text = (
        "More than 3 million ballots have been cast, according to data compiled by the "
        "state election office. According to aides, Mayor Lena Fox will visit Detroit, "
        "Flint and Lansing."
    )
    result = run(text, "en")
    no_quote_containing(result, "ballots have been cast")
    no_quote_containing(result, "Lansing")


def test_two_reports_in_one_sentence_give_two_quotes():
    text = (
        "Army spokesman Karl Obst said the bridge had been retaken, while the rebel commander "
        "Idris Mahamat said his fighters still held the east bank."
    )
    result = run(text, "en")
    first = quote_containing(result, "the bridge had been retaken")
    assert first.text == "the bridge had been retaken" and first.speaker == "Karl Obst"
    assert quote_containing(result, "still held the east bank").speaker == "Idris Mahamat"


def test_according_to_between_commas_inside_the_claim():
    text = "The agreement, according to Trade Minister Lena Ortiz, would cut tariffs on steel by half."
    quote = quote_containing(run(text, "en"), "would cut tariffs on steel")
    assert quote.speaker == "Lena Ortiz"


def test_expressed_confidence_made_the_case_and_is_convinced_that():
    text = (
        "Prime Minister Jonas Berg expressed confidence that the coalition would survive. "
        "Defence Minister Petra Holm made the case that allies must spend more on air defence. "
        "Economy Minister Ivo Rask is convinced that the recession is over."
    )
    result = run(text, "en")
    assert quote_containing(result, "the coalition would survive").speaker == "Jonas Berg"
    assert quote_containing(result, "allies must spend more").speaker == "Petra Holm"
    assert quote_containing(result, "the recession is over").speaker == "Ivo Rask"


def test_an_unnamed_first_report_does_not_hide_a_named_second_one():
    text = "Legislators said they would investigate, while the Pentagon said it had done nothing wrong."
    result = run(text, "en")
    no_quote_containing(result, "they would investigate")
    assert quote_containing(result, "it had done nothing wrong").speaker == "Pentagon"


def test_plural_bodies_without_a_country_are_unnamed_with_one_they_are_a_source():
    text = (
        "Western governments have long argued that the embargo is working. "
        "Norwegian police said the ship had been boarded."
    )
    result = run(text, "en")
    no_quote_containing(result, "the embargo is working")
    assert quote_containing(result, "the ship had been boarded").speaker == "Norwegian police"


def test_a_headline_without_a_stop_is_not_part_of_the_speaker():
    text = "Coast guard boards tanker\n\nSwedish authorities said the tanker had lost its anchor."
    quote = quote_containing(run(text, "en"), "the tanker had lost its anchor")
    assert quote.speaker == "Swedish authorities"


def test_a_cue_set_off_by_commas_inside_the_claim():
    text = (
        "Opposition leader Marta Silva spoke in Lisbon. The reforms, Silva argued, had "
        "failed to reduce waiting lists in public hospitals."
    )
    quote = quote_containing(run(text, "en"), "failed to reduce waiting lists")
    assert quote.speaker == "Marta Silva" and quote.direct is False


def test_the_owner_before_apostrophe_s_is_not_the_subject_and_the_role_resolves():
    text = (
        "Farouk's lawyer Nadia Kessler told reporters the court had no jurisdiction over "
        "her client. He would appeal to the supreme court, the lawyer said."
    )
    result = run(text, "en")
    assert quote_containing(result, "the court had no jurisdiction").speaker == "Nadia Kessler"
    assert quote_containing(result, "He would appeal").speaker == "Nadia Kessler"


def test_an_as_clause_of_the_writer_after_the_claim_is_cut():
    text = (
        "The World Food Programme warned on Monday that two million people faced hunger, "
        "as the rains failed for a third year."
    )
    quote = quote_containing(run(text, "en"), "two million people faced hunger")
    assert quote.text == "two million people faced hunger"


def test_a_cue_with_a_clause_without_that_beats_a_trailing_according_to():
    text = (
        "Foreign Secretary David Lammy, speaking by phone with his counterpart on Friday, said "
        "Britain would send more mine-clearing equipment, according to the Foreign Office."
    )
    quote = quote_containing(run(text, "en"), "Britain would send more")
    assert quote.speaker == "David Lammy"
    assert quote.text.startswith("Britain would send")
