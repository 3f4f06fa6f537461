"""English and French wire patterns: Reuters datelines, long role phrases, particles in
names, anonymous sources, and the writer's tail after a reported clause."""

from __future__ import annotations

from tests.annotations.nlp.helpers import no_quote_containing, quote_containing, run


def test_reuters_dateline_with_day_is_not_the_speaker():
    first = run("LONDON, March 4 (Reuters) - OPEC+ said on Monday it would raise output from April.", "en")
    assert quote_containing(first, "raise output").speaker == "OPEC+"
    second = run("TOKYO, Oct 2 (Reuters) - G7+ said it would meet again in spring.", "en")
    assert quote_containing(second, "meet again").speaker == "G7+"


def test_weekday_after_said_is_not_part_of_the_claim():
    result = run("BERLIN, May 9 (Reuters) - Lufthansa said on Friday it would cut 4,000 jobs by 2030.", "en")
    assert quote_containing(result, "cut 4,000 jobs").text == "it would cut 4,000 jobs by 2030"


def test_long_role_and_name_after_the_quote():
    text = (
        '"We are ready to help our neighbours," Qatari Foreign Affairs Minister Sheikh '
        "Mohammed bin Abdulrahman told reporters in Doha."
    )
    result = run(text, "en")
    assert quote_containing(result, "ready to help").speaker == "Mohammed bin Abdulrahman"


def test_lower_case_particle_and_surname_after_the_model_span():
    text = (
        "À Brasilia, le président brésilien Luiz Inácio Lula da Silva a jugé que les "
        "négociations avançaient bien."
    )
    result = run(text, "fr")
    assert [name for name, _n in result.persons()] == ["Luiz Inácio Lula da Silva"]
    assert quote_containing(result, "négociations avançaient").speaker == "Luiz Inácio Lula da Silva"


def test_writers_tail_after_the_reported_clause_is_cut():
    text = (
        "The central bank said it would keep rates on hold until the autumn, sending "
        "the currency to a two-year low.\n\n"
        "Opposition leader Mark Dunmore said his party would vote against the plan, "
        'calling it "a tax on families".\n\n'
        "The mayor insisted that the stadium would open on time, despite protests by "
        "residents over the noise."
    )
    result = run(text, "en")
    assert quote_containing(result, "keep rates on hold").text.endswith("until the autumn")
    assert quote_containing(result, "vote against").text == "his party would vote against the plan"
    assert quote_containing(result, "stadium would open").text.endswith("on time")


def test_one_or_several_unnamed_sources_are_no_source():
    en = run("The strike could last until March, according to one minister.", "en")
    no_quote_containing(en, "strike could last")
    fr = run(
        "Selon plusieurs élus de la majorité, le texte pourrait être retiré. Un cadre du "
        "parti assure, sous couvert d’anonymat, que la décision est déjà prise.",
        "fr",
    )
    no_quote_containing(fr, "texte pourrait")
    no_quote_containing(fr, "décision est déjà prise")
    named = run("Selon un communiqué du ministère, la ville est tombée dans la nuit.", "fr")
    assert quote_containing(named, "ville est tombée").speaker


def test_the_word_before_a_particle_names_the_same_person():
    text = (
        "Le président brésilien Luiz Inácio Lula da Silva est arrivé lundi à Rome. "
        "Lula a ensuite rencontré le pape."
    )
    assert run(text, "fr").persons() == [("Luiz Inácio Lula da Silva", 2)]


def test_pronoun_after_a_name_apposed_between_commas_before_the_verb():
    text = (
        "L'Élysée a indiqué de son côté qu'Emmanuel Macron s'était entretenu par téléphone avec le "
        "président iranien. À Téhéran, le porte-parole de la diplomatie iranienne, Esmaïl Baghaï, "
        "a dénoncé une « politique de pression ». « Les Européens n'ont aucune base "
        "juridique », a-t-il affirmé lors de son point de presse."
    )
    assert quote_containing(run(text, "fr"), "base juridique").speaker == "Esmaïl Baghaï"


def test_subject_inside_the_quote_is_not_the_speaker():
    text = (
        "Les pêcheurs bretons restent en colère. « Nous ne céderons rien sur les quotas », "
        "a prévenu leur porte-parole, Yannick Le Goff."
    )
    assert quote_containing(run(text, "fr"), "ne céderons rien").speaker == "Yannick Le Goff"


def test_that_clause_after_a_radio_name_the_tagger_took_for_a_verb():
    text = (
        "La ministre du Travail, Astrid Panosyan, a répété mardi matin sur France Inter que la "
        "réforme entrerait en vigueur en septembre."
    )
    quote = quote_containing(run(text, "fr"), "réforme entrerait")
    assert quote.speaker == "Astrid Panosyan"


def test_the_role_noun_alone_means_the_person_named_with_it():
    text = (
        '"We are ready to help," Qatari Energy Minister Sheikh Saad al-Kaabi told reporters in Doha.\n\n'
        "Qatar's energy ministry said in a statement that the country would raise output.\n\n"
        '"We will keep our promises," the minister said.'
    )
    result = run(text, "en")
    assert quote_containing(result, "ready to help").speaker == "Saad al-Kaabi"
    assert quote_containing(result, "keep our promises").speaker == "Saad al-Kaabi"


def test_nationality_noun_as_subject_means_the_person_just_named():
    text = (
        "La directrice de l’OMC, Ngozi Okonjo-Iweala, a reçu la presse à Genève. "
        "La Nigériane estime que le commerce mondial résiste mieux que prévu."
    )
    assert quote_containing(run(text, "fr"), "commerce mondial").speaker == "Ngozi Okonjo-Iweala"


def test_subject_and_its_relative_clause_before_a_verb_is_no_reported_clause():
    text = (
        "Selon des diplomates européens, un accord pourrait intervenir avant la fin du mois.\n\n"
        "Ottawa, qui s'est retiré du traité de 2019, soutient la démarche britannique."
    )
    no_quote_containing(run(text, "fr"), "Ottawa")


def test_second_speech_verb_with_its_own_clause_after_et():
    text = (
        "La ministre néerlandaise Dilan Yeşilgöz a pris la parole mardi. Elle a estimé que le "
        "plan restait trop coûteux, et a promis que les petites communes seraient aidées."
    )
    result = run(text, "fr")
    assert quote_containing(result, "plan restait").text == "le plan restait trop coûteux"
    assert quote_containing(result, "petites communes").speaker == "Dilan Yeşilgöz"


def test_while_insisting_that_and_a_weekday_after_said():
    text = (
        "Brazilian Finance Minister Fernando Haddad said Thursday the government would cut "
        'spending "without touching social programs," while insisting that the deficit target '
        "would be met."
    )
    result = run(text, "en")
    first = quote_containing(result, "would cut spending")
    assert first.text.startswith("the government")
    assert "deficit target" not in first.text
    assert quote_containing(result, "deficit target").speaker == "Fernando Haddad"


def test_french_description_of_the_person_just_named():
    text = (
        "Le premier ministre néerlandais, Dick Schoof, a défendu son budget devant les députés. "
        "« Nous devons faire des choix », a lancé le libéral. Pour la cheffe des Verts, Mirjam "
        "Bikker, membre de l’opposition, le texte est injuste. L’ancienne députée estime que "
        "les plus pauvres paieront la facture."
    )
    result = run(text, "fr")
    assert quote_containing(result, "faire des choix").speaker == "Dick Schoof"
    assert quote_containing(result, "plus pauvres").speaker == "Mirjam Bikker"


def test_commissioner_with_apposed_name_is_a_person():
    text = (
        "À Bruxelles, la Commission européenne suit le dossier de près, l'ouverture à la "
        "concurrence devant s'accélérer. Le commissaire aux Transports, Apostolos Tzitzikostas, "
        "a rappelé que les États membres devaient respecter le calendrier fixé."
    )
    result = run(text, "fr")
    assert "Apostolos Tzitzikostas" in dict(result.persons())
    assert quote_containing(result, "États membres").speaker == "Apostolos Tzitzikostas"


def test_view_holder_after_pour_is_the_pronouns_person():
    text = (
        "La présidente des Verts, Sarah Schlitz, a dénoncé un budget injuste. Pour le chef du "
        "CD&V, Sammy Mahdi, membre de la majorité, le budget est équilibré. « Personne ne sera "
        "oublié », assure-t-il."
    )
    assert quote_containing(run(text, "fr"), "Personne ne sera").speaker == "Sammy Mahdi"


def test_subject_after_a_place_phrase_and_a_participle_apposition():
    text = (
        "Au Ghana, le président John Dramani Mahama, chargé d'une médiation, juge que le "
        "dialogue reste possible."
    )
    assert quote_containing(run(text, "fr"), "dialogue reste").speaker == "John Dramani Mahama"


def test_french_occasion_adjunct_after_the_reported_clause_is_cut():
    text = (
        "La ministre des Armées, Catherine Vautrin, a affirmé jeudi que les livraisons "
        "reprendraient en janvier, au lendemain d'une réunion avec les industriels."
    )
    quote = quote_containing(run(text, "fr"), "livraisons")
    assert quote.text == "les livraisons reprendraient en janvier"


def test_according_to_unnamed_figures_is_no_quote():
    text = "Fishermen expect the ban to cost them $40 million a year, according to industry estimates."
    no_quote_containing(run(text, "en"), "cost them")


def test_known_first_name_and_surname_the_model_missed():
    text = (
        "À Paris, l'Élysée a salué l'élection du nouveau chancelier. Emmanuel Macron s'est dit "
        "« impatient » de travailler avec lui."
    )
    assert "Emmanuel Macron" in dict(run(text, "fr").persons())


def test_colon_quote_after_a_pour_holder():
    text = (
        "Le gouvernement a réagi sur X. Pour la présidente des Écologistes, Marine Tondelier, "
        "le constat est clair\u00a0: «\u00a0Le gouvernement a perdu le contrôle.\u00a0»"
    )
    assert quote_containing(run(text, "fr"), "perdu le contrôle").speaker == "Marine Tondelier"


def test_hyphenated_description_of_the_person_named():
    text = (
        "Le Bundestag a élu Friedrich Merz mardi.\n\n"
        "«\u00a0Je mesure la responsabilité qui est la mienne\u00a0», a déclaré le "
        "chrétien-démocrate de 69 ans."
    )
    assert quote_containing(run(text, "fr"), "responsabilité").speaker == "Friedrich Merz"


def test_name_closing_the_sentence_after_an_inverted_cue_is_the_pronouns_person():
    text = (
        "Son porte-parole, Dmitri Peskov, a indiqué avoir transmis une liste. "
        "«\u00a0Nous avons des preuves, et nous les montrerons\u00a0», a déclaré de son côté la "
        "porte-parole de la diplomatie russe, Maria Zakharova. Elle a ajouté que Washington "
        "devait réagir."
    )
    assert quote_containing(run(text, "fr"), "Washington").speaker == "Maria Zakharova"


def test_a_description_that_names_a_company_is_not_the_last_person():
    text = (
        "Le secrétaire d'État, Marco Rubio, a appelé à la retenue. Selon l'opérateur ukrainien "
        "Ukrenergo, plus de 200 000 foyers étaient privés d'électricité."
    )
    quote = quote_containing(run(text, "fr"), "foyers")
    assert quote.speaker != "Marco Rubio"
    assert "Ukrenergo" in quote.speaker


def test_author_of_a_study_or_poll_is_the_source():
    fr = run("D'après une étude de l'Insee publiée en juin, le chômage a reculé de 0,3 point.", "fr")
    assert quote_containing(fr, "chômage").speaker == "Insee"
    en = run("Turnout fell to 52%, according to a survey by Ipsos released on Monday.", "en")
    assert quote_containing(en, "Turnout").speaker == "Ipsos"


def test_trailing_inverted_cue_after_a_clause_with_a_compound_tense():
    text = (
        "Les délais d'attente ont encore augmenté. L'Allemagne et la Belgique ont déjà adopté "
        "des mécanismes de régulation, rappelle le ministère."
    )
    quote = quote_containing(run(text, "fr"), "mécanismes de régulation")
    assert quote.speaker == "ministère"


def test_after_clause_following_the_reported_clause_is_the_writers():
    text = (
        "Belgian Prime Minister Bart De Wever said on Monday he would call a confidence vote, "
        "after the Socialist party pulled out of the coalition over pension cuts.\n\n"
        "The company said prices would fall sharply, after rising for months."
    )
    result = run(text, "en")
    assert quote_containing(result, "confidence vote").text == "he would call a confidence vote"
    assert quote_containing(result, "prices would fall").text.endswith("after rising for months")
