"""French quotes: « … » with no-break spaces, a déclaré, selon, que-clauses."""

from __future__ import annotations

from tests.annotations.nlp.helpers import no_quote_containing, quote_containing, run


def test_guillemets_with_nbsp_and_role_resolved_to_the_named_person():
    text = (
        "Le président Emmanuel Durand a reçu les dirigeants lundi.\n\n"
        "«\u00a0Aucune option ne peut être écartée si nous voulons la paix\u00a0», "
        "a déclaré le chef de l’État."
    )
    quote = quote_containing(run(text, "fr"), "Aucune option")
    assert quote.direct
    assert quote.text == "Aucune option ne peut être écartée si nous voulons la paix"
    assert quote.speaker == "Emmanuel Durand"


def test_colon_quote_and_que_clause():
    text = (
        "Le porte-parole Jean Morel a déclaré\u00a0: "
        "«\u00a0Ce serait un pas très dangereux pour tous.\u00a0» "
        "Il a ajouté que la France livrerait de nouveaux missiles."
    )
    result = run(text, "fr")
    assert quote_containing(result, "pas très dangereux").speaker == "Jean Morel"
    indirect = quote_containing(result, "la France livrerait")
    assert not indirect.direct and indirect.text.startswith("la France")
    assert indirect.speaker == "Jean Morel"


def test_selon_with_apposed_name():
    text = "Selon le ministre des Affaires étrangères, Pierre Lagrange, Paris cherche à prolonger le conflit."
    quote = quote_containing(run(text, "fr"), "Paris cherche")
    assert quote.speaker == "Pierre Lagrange"


def test_infinitive_paraphrase_is_not_a_quote():
    text = "Le président Marc Vidal a refusé d’écarter l’envoi de troupes en Ukraine."
    assert run(text, "fr").quotes == []


def test_inverted_pronoun_and_selon_lui():
    text = (
        "Le ministre des Armées Paul Girard s’est rendu à Kiev mardi.\n\n"
        "« Nous continuerons à soutenir nos partenaires aussi longtemps qu’il le faudra », "
        "a-t-il déclaré.\n\n"
        "Selon lui, les livraisons d’obus vont doubler cette année."
    )
    result = run(text, "fr")
    assert quote_containing(result, "Nous continuerons").speaker == "Paul Girard"
    assert quote_containing(result, "livraisons d’obus").speaker == "Paul Girard"


def test_two_subjects_the_named_one_speaks():
    text = "La présidente de la Commission, Ursula Bergmann, a estimé que l’Europe devait produire davantage."
    assert quote_containing(run(text, "fr"), "l’Europe devait").speaker == "Ursula Bergmann"


def test_pronoun_after_a_name_in_apposition_to_the_subject():
    text = (
        "Le chancelier allemand Friedrich Merz a rejeté ces avertissements. "
        "Le ministre français des Affaires étrangères, Jean-Noël Barrot, a estimé que la Russie "
        "portait seule la responsabilité de l'escalade. "
        "« Nous restons aux côtés de l'Ukraine », a-t-il ajouté."
    )
    assert quote_containing(run(text, "fr"), "Nous restons").speaker == "Jean-Noël Barrot"


def test_d_apres_as_two_tokens_is_a_source_phrase():
    text = "D'après l'état-major ukrainien, les forces russes ont attaqué plusieurs villes pendant la nuit."
    quote = quote_containing(run(text, "fr"), "les forces russes")
    assert quote.cue == "D'après"
    assert quote.speaker == "état-major ukrainien"


def test_role_means_the_person_named_with_it_before_not_after():
    text = (
        "Le président français Emmanuel Macron a appelé mercredi à une trêve. "
        "Le chef de l'État a également estimé que la Russie devait retirer ses troupes. "
        "Selon l'Élysée, une rencontre avec le président ukrainien Volodymyr Zelensky est prévue. "
        "Le porte-parole du Kremlin, Dmitri Peskov, a rejeté cette proposition. "
        "« Ce n'est pas sérieux », a-t-il dit aux journalistes."
    )
    result = run(text, "fr")
    assert quote_containing(result, "la Russie devait").speaker == "Emmanuel Macron"
    assert quote_containing(result, "Ce n'est pas").speaker == "Dmitri Peskov"


def test_inverted_role_subject_with_the_name_in_apposition():
    text = (
        "«\u00a0La Moldavie n’est pas seule et elle ne le sera jamais\u00a0», a déclaré le chef de la "
        "diplomatie française, Jean-Noël Barrot, lors d’une conférence de presse.\n\n"
        "«\u00a0Nous ne laisserons pas le Liban redevenir un champ de bataille\u00a0», a indiqué la "
        "coordinatrice spéciale de l’ONU pour le Liban, Jeanine Hennis-Plasschaert."
    )
    result = run(text, "fr")
    assert quote_containing(result, "pas seule").speaker == "Jean-Noël Barrot"
    assert quote_containing(result, "champ de bataille").speaker == "Jeanine Hennis-Plasschaert"


def test_clause_then_inverted_cue_without_que():
    text = (
        "Les livraisons de gaz roumain reprendront dès lundi, a affirmé le ministre de l’Énergie, "
        "Dorin Munteanu.\n\n"
        "Le cessez-le-feu de novembre reste la seule base possible, estime le chef de la diplomatie "
        "libanaise, Youssef Haddad.\n\n"
        "Les négociations pourraient reprendre en juin, ont affirmé des responsables."
    )
    result = run(text, "fr")
    quote = quote_containing(result, "livraisons")
    assert quote.text == "Les livraisons de gaz roumain reprendront dès lundi"
    assert quote.speaker == "Dorin Munteanu"
    quote = quote_containing(result, "cessez-le-feu")
    assert quote.text == "Le cessez-le-feu de novembre reste la seule base possible"
    assert quote.speaker == "Youssef Haddad"
    no_quote_containing(result, "négociations")


def test_estime_after_a_quote_even_when_the_lemmatizer_misses_it():
    text = (
        "La Moldavie a signé un accord avec la Roumanie.\n\n"
        "«\u00a0Nous ne céderons pas au chantage énergétique\u00a0», estime le Premier ministre "
        "Alexandru Popescu, qui s’exprimait devant le Parlement."
    )
    assert quote_containing(run(text, "fr"), "chantage").speaker == "Alexandru Popescu"


def test_que_clause_runs_past_where_the_parser_closed_it():
    text = (
        "La Maison Blanche a affirmé que l’aide militaire américaine à l’armée libanaise dépendrait "
        "désormais de progrès mesurables sur le terrain."
    )
    quote = quote_containing(run(text, "fr"), "l’aide militaire")
    assert quote.text.endswith("sur le terrain")


def test_source_phrase_claim_joined_over_a_sentence_split_by_the_parser():
    text = (
        "«\u00a0Nous ne céderons pas au chantage énergétique\u00a0», estime le Premier ministre "
        "Alexandru Munteanu, qui s’exprimait devant le Parlement. Les livraisons de gaz roumain "
        "reprendront dès lundi, a affirmé le ministre de l’Énergie, Dorin Junghietu.\n\n"
        "D’après la commission électorale centrale, plus de 300\u00a0000 électeurs de la diaspora "
        "se sont déjà inscrits.\n\nPartager cet article"
    )
    quote = quote_containing(run(text, "fr"), "électeurs")
    assert quote.text.endswith("se sont déjà inscrits")
    assert quote.speaker == "commission électorale centrale"


def test_pronoun_after_a_role_noun_subject_and_after_an_inverted_subject():
    text = (
        "Son homologue allemand Johann Weber a indiqué que Berlin débloquerait 60 millions d’euros. "
        "«\u00a0Nous avons appris en Ukraine ce que coûte l’hésitation\u00a0», a-t-il ajouté.\n\n"
        "La présidente Maia Sandu a salué ce geste. Selon elle, Moscou finance des réseaux "
        "qui achètent des voix.\n\n"
        "Le président nigérian Bola Tinubu a lancé un appel à l’aide.\n\n"
        "La France fournira trois patrouilleurs supplémentaires, a précisé la ministre des Armées, "
        "Catherine Vautrin. Elle a ajouté que Paris ne comptait pas rouvrir de base militaire."
    )
    result = run(text, "fr")
    assert quote_containing(result, "Moscou finance").speaker == "Maia Sandu"
    assert quote_containing(result, "Paris ne comptait").speaker == "Catherine Vautrin"


def test_resume_t_elle_after_a_quote():
    text = (
        "L’ambassadeur américain à Tokyo, George Glass, a écrit sur X\u00a0: «\u00a0Un dialogue sincère "
        "sert la stabilité de toute la région.\u00a0»\n\n"
        "La ministre Claire Dubois s’est montrée plus prudente. «\u00a0Personne n’a intérêt à une "
        "collision en mer\u00a0», résume-t-elle."
    )
    assert quote_containing(run(text, "fr"), "Personne").speaker == "Claire Dubois"
    text = (
        "Le vice-ministre japonais Takehiro Funakoshi s’est montré prudent.\n\n"
        "«\u00a0Nous attendons de la Chine qu’elle cesse ses incursions\u00a0», a-t-il dit à la presse."
    )
    quote = quote_containing(run(text, "fr"), "Nous attendons")
    assert (quote.cue, quote.speaker) == ("dit", "Takehiro Funakoshi")


def test_fait_valoir_que_and_a_cue_the_tagger_took_for_a_noun():
    text = (
        "Le Premier ministre géorgien, Irakli Kobakhidzé, a rejeté ces critiques. Il a fait valoir que "
        "la loi s’inspirait de textes existant aux États-Unis.\n\n"
        "Washington suit ces discussions de près.\n\n"
        "L’analyste Bonnie Lin, du Center for Strategic and International Studies, juge que les deux "
        "capitales cherchent surtout à éviter un incident."
    )
    result = run(text, "fr")
    assert quote_containing(result, "la loi s’inspirait").speaker == "Irakli Kobakhidzé"
    quote = quote_containing(result, "deux capitales")
    assert quote.text == "les deux capitales cherchent surtout à éviter un incident"
    assert quote.speaker == "Bonnie Lin"


def test_any_incise_verb_with_its_subject_after_the_quote_and_retorque_que():
    text = (
        "La France accueille mardi une conférence sur le Soudan.\n\n"
        "«\u00a0Le monde ne peut pas détourner le regard\u00a0», a tranché le ministre des Affaires "
        "étrangères, Jean-Noël Barrot, en ouvrant les travaux.\n\n"
        "À Washington, la Maison Blanche a rétorqué que le Canada profitait depuis des décennies "
        "d’un accès privilégié au marché américain.\n\n"
        "Le Soudan du Sud voisin craint un afflux de combattants, selon des diplomates."
    )
    result = run(text, "fr")
    assert quote_containing(result, "détourner le regard").speaker == "Jean-Noël Barrot"
    assert quote_containing(result, "le Canada profitait").speaker == "Maison Blanche"
    no_quote_containing(result, "afflux")


def test_addressee_before_the_inverted_subject():
    text = (
        "Le Quai d’Orsay a indiqué que 800 millions d’euros avaient été recueillis.\n\n"
        "«\u00a0Chaque jour de retard coûte des vies\u00a0», a déclaré à l’AFP Tom Fletcher, le chef "
        "des affaires humanitaires de l’ONU."
    )
    assert quote_containing(run(text, "fr"), "Chaque jour").speaker == "Tom Fletcher"


def test_inverted_cue_channel_before_subject_and_a_subject_before_the_cue():
    text = (
        "KIEV, 14 janvier (AFP) - L’Ukraine a accusé mardi la Russie d’avoir mené une nouvelle vague "
        "de frappes.\n\n"
        "«\u00a0Plus de 40 missiles et 70 drones ont été lancés cette nuit\u00a0», a indiqué sur Telegram "
        "l’armée de l’air ukrainienne.\n\n"
        "Le Kremlin a démenti viser des cibles civiles. Les frappes visaient des installations "
        "militaires, a assuré son porte-parole, Dmitri Peskov.\n\n"
        "À Bruxelles, la haute représentante de l’UE, Kaja Kallas, a jugé ces attaques "
        "«\u00a0inacceptables\u00a0»."
    )
    result = run(text, "fr")
    assert quote_containing(result, "70 drones").speaker == "armée de l’air ukrainienne"
    assert quote_containing(result, "installations militaires").speaker == "Dmitri Peskov"
    no_quote_containing(result, "Bruxelles")


def test_a_relative_que_after_a_comma_is_not_a_reported_clause():
    text = (
        "CARACAS (AFP) - Le gouvernement vénézuélien a dénoncé dimanche la présence d’un navire de guerre "
        "américain au large de ses côtes, qu’il a qualifiée de «\u00a0provocation\u00a0»."
    )
    assert run(text, "fr").quotes == []


def test_ajoutant_que_after_a_quote_and_a_term_quoted_inside_the_clause():
    text = (
        "Le chef des conservateurs allemands, Friedrich Merz, a promis lundi un changement de cap.\n\n"
        "«\u00a0L’Allemagne doit redevenir un moteur de croissance pour toute l’Europe\u00a0», a-t-il "
        "déclaré lors d’une conférence de presse à Berlin, ajoutant que son gouvernement serait formé "
        "«\u00a0d’ici Pâques\u00a0»."
    )
    result = run(text, "fr")
    quote = quote_containing(result, "son gouvernement")
    assert not quote.direct and quote.speaker == "Friedrich Merz"
    assert quote.text.endswith("Pâques\u00a0»")
