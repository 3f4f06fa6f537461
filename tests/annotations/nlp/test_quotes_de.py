"""German quotes: direct in every mark style, indirect speech, cues and speakers."""

from __future__ import annotations

from tests.annotations.nlp.helpers import no_quote_containing, quote_containing, run


def test_direct_quote_with_trailing_cue_resolves_surname_to_full_name():
    text = (
        "Regierungssprecherin Anna Berghoff äußerte sich am Montag.\n\n"
        "„Wir werden die Gespräche fortsetzen, sobald alle Seiten bereit sind“, sagte Berghoff in Bonn."
    )
    quote = quote_containing(run(text, "de"), "Wir werden die Gespräche")
    assert quote.direct
    assert quote.cue == "sagte"
    assert quote.speaker == "Anna Berghoff"
    assert text[quote.speaker_start : quote.speaker_end] == "Berghoff"
    assert quote.text.endswith("bereit sind")  # marks and the style comma are not part of it


def test_colon_before_quote_and_guillemets():
    text = (
        "Bei einer Pressekonferenz sagte Minister Jonas Falk: "
        "»Diese Entscheidung ist endgültig und gilt ab sofort.«"
    )
    quote = quote_containing(run(text, "de"), "Diese Entscheidung")
    assert quote.direct
    assert quote.speaker == "Jonas Falk"
    assert quote.text.endswith("ab sofort.")


def test_swiss_guillemets_and_single_guillemets():
    text = "Die Ministerin Carla Brunner sagte: «Wir stehen zu unseren Zusagen gegenüber allen Partnern.»"
    assert quote_containing(run(text, "de"), "Wir stehen zu").speaker == "Carla Brunner"
    text = "Der Sprecher Paul Maurer sagte: ›Das Verfahren läuft noch einige Wochen weiter.‹"
    assert quote_containing(run(text, "de"), "Das Verfahren läuft").speaker == "Paul Maurer"


def test_split_quote_gives_one_entry_per_segment_with_the_same_speaker():
    text = (
        "„Der erste Schritt ist getan“, sagte Außenministerin Petra Lindner, „aber der Weg bleibt noch weit.“"
    )
    result = run(text, "de")
    first = quote_containing(result, "erste Schritt")
    second = quote_containing(result, "der Weg bleibt")
    assert first.speaker == second.speaker == "Petra Lindner"
    assert first.start < second.start


def test_quote_over_two_paragraphs():
    text = (
        "Präsident Marek Nowak sagte: „Wir brauchen mehr Flugabwehr, und zwar schnell.\n\n"
        "„Jeder Tag ohne Schutz kostet Menschenleben in unseren Städten.“"
    )
    result = run(text, "de")
    first = quote_containing(result, "mehr Flugabwehr")
    second = quote_containing(result, "Jeder Tag ohne Schutz")
    assert first.speaker == second.speaker == "Marek Nowak"


def test_scare_quotes_and_short_terms_are_not_quotes():
    text = (
        "Der Kreml spricht weiter von einer „besonderen Operation“. Die Fregatte „Nordstern“ lief aus. "
        "Russland baue die Beziehungen auch in „heiklen“ Bereichen aus, sagte Kremlsprecher Ilja Sorin."
    )
    result = run(text, "de")
    no_quote_containing(result, "Nordstern")
    assert not [q for q in result.quotes if q.direct]
    # the scare-quoted word stays inside the indirect quote around it
    quote = quote_containing(result, "Russland baue")
    assert not quote.direct and "„heiklen“" in quote.text
    assert quote.speaker == "Ilja Sorin"


def test_konjunktiv_after_speech_verb_and_follow_on_sentence():
    text = (
        "Der Sprecher Tobias Hein sagte, die Regierung prüfe alle Optionen. "
        "Eine Entscheidung falle frühestens im Herbst. Danach begann die Sitzung."
    )
    result = run(text, "de")
    first = quote_containing(result, "die Regierung prüfe")
    assert not first.direct and first.cue == "sagte" and first.speaker == "Tobias Hein"
    assert first.text == "die Regierung prüfe alle Optionen"
    follow = quote_containing(result, "Eine Entscheidung falle")
    assert follow.speaker == "Tobias Hein" and follow.cue is None
    no_quote_containing(result, "begann die Sitzung")


def test_dass_clause_drops_the_conjunction_and_pronoun_resolves():
    text = (
        "Die Kanzlerin Maria Stein traf am Dienstag Vertreter der Industrie. "
        "Sie betonte, dass die Hilfen weiterlaufen."
    )
    quote = quote_containing(run(text, "de"), "Hilfen weiterlaufen")
    assert quote.text == "die Hilfen weiterlaufen"
    assert quote.speaker == "Maria Stein"
    assert quote.cue == "betonte"


def test_separable_cue_verbs():
    text = "Der Minister Lukas Brandt fügte hinzu, man werde die Zahlungen nicht kürzen."
    quote = quote_containing(run(text, "de"), "Zahlungen nicht kürzen")
    assert quote.speaker == "Lukas Brandt"


def test_so_laut_zufolge_and_nach_angaben():
    text = (
        "Die Lage an der Grenze bleibe angespannt, so Generalin Sofia Weber.\n\n"
        "Laut dem Verteidigungsministerium sollen zwei weitere Systeme geliefert werden.\n\n"
        "Dem Generalstab zufolge landete das Geschoss im Meer.\n\n"
        "Nach Angaben der Polizei wurden drei Menschen leicht verletzt."
    )
    result = run(text, "de")
    assert quote_containing(result, "Die Lage an der Grenze").speaker == "Sofia Weber"
    laut = quote_containing(result, "sollen zwei weitere Systeme")
    assert laut.text.startswith("sollen") and "Verteidigungsministerium" in laut.speaker
    zufolge = quote_containing(result, "landete das Geschoss")
    assert zufolge.text.startswith("landete") and "Generalstab" in zufolge.speaker
    angaben = quote_containing(result, "drei Menschen")
    assert "Polizei" in angaben.speaker


def test_institution_and_country_speakers_as_written():
    text = (
        "Das Außenministerium in Peking erklärte, eine Lösung sei nur im Dialog möglich. "
        "Moskau erklärte, man werde nicht tatenlos zusehen."
    )
    result = run(text, "de")
    assert quote_containing(result, "eine Lösung").speaker == "Außenministerium in Peking"
    assert quote_containing(result, "man werde").speaker == "Moskau"


def test_hard_negatives():
    text = (
        "Berichten zufolge kämpfen dort ausländische Soldaten. "
        "China rief alle Seiten zur Zurückhaltung auf. "
        "Der Premier Ivan Petrov wies Vorwürfe zurück, seine Regierung steuere auf einen neuen Kurs zu. "
        "Die Ministerin sprach von einem historischen Tag. "
        "Die Regierung forderte Russland auf, die Angriffe sofort einzustellen."
    )
    assert run(text, "de").quotes == []


def test_reportative_sollen():
    # after a report it goes on with that source; on its own it is a claim nobody is named for
    text = (
        "Das Militär erklärte, der Angriff sei abgewehrt worden. "
        "Bei dem Angriff sollen mindestens zehn Menschen verletzt worden sein."
    )
    assert quote_containing(run(text, "de"), "zehn Menschen").direct is False
    text = "Bei dem Angriff sollen mindestens zehn Menschen verletzt worden sein."
    assert run(text, "de").quotes == []
    assert run("Bis 2030 sollen dort 5000 Soldaten stationiert sein.", "de").quotes == []


def test_wie_x_mitteilte_at_either_end_of_the_sentence():
    text = (
        "Wie die Polizei mitteilte, wurden bei dem Unfall drei Menschen verletzt. "
        "Die Straße bleibt bis Montag gesperrt, wie das Verkehrsministerium am Abend mitteilte."
    )
    result = run(text, "de")
    assert "Polizei" in quote_containing(result, "drei Menschen").speaker
    assert "Verkehrsministerium" in quote_containing(result, "Straße bleibt").speaker


def test_subject_with_apposition_and_fronted_object():
    text = (
        "Lena Vogt, die Bürgermeisterin der Stadt, sagte dazu, die Lage sei unter Kontrolle. "
        "Der Zeitung sagte Vogt, man habe genug Helfer."
    )
    result = run(text, "de")
    assert quote_containing(result, "Lage sei unter Kontrolle").speaker == "Lena Vogt"
    assert quote_containing(result, "genug Helfer").speaker == "Lena Vogt"


def test_own_statements_and_perfect_tense_cue():
    text = (
        "Die Truppen konnten eigenen Angaben zufolge 500 Zivilisten retten. "
        "Es drohe ein neues Wettrüsten, hatte die Kanzlerin Maria Stein bei ihrem Besuch gesagt."
    )
    result = run(text, "de")
    assert "Truppen" in quote_containing(result, "500 Zivilisten").speaker
    perfect = quote_containing(result, "neues Wettrüsten")
    assert perfect.text == "Es drohe ein neues Wettrüsten" and perfect.speaker == "Maria Stein"


def test_das_sagte_x_attributes_the_sentence_before():
    text = (
        "„Wir haben keine andere Wahl als weiterzumachen.“ Das sagte Ministerin Carla Brunner am Montag.\n\n"
        "Der Flughafen bleibt bis Freitag geschlossen. Dies teilte die Betreibergesellschaft mit."
    )
    result = run(text, "de")
    assert quote_containing(result, "keine andere Wahl").speaker == "Carla Brunner"
    closed = quote_containing(result, "Flughafen bleibt")
    assert not closed.direct and "Betreibergesellschaft" in closed.speaker
    no_quote_containing(result, "Das sagte")


def test_speaker_is_the_head_noun_not_its_genitive():
    text = "Ein Reporter des Fernsehsenders NTV berichtete, dass die Lage in den Vororten ruhig sei."
    assert (
        quote_containing(run(text, "de"), "die Lage in den Vororten").speaker
        == "Reporter des Fernsehsenders NTV"
    )


def test_object_between_auxiliary_and_participle_is_not_the_speaker():
    text = (
        "Die zentrale Wahlkommission hatte den Standpunkt vertreten, das Gericht sei dafür nicht zuständig."
    )
    assert quote_containing(run(text, "de"), "das Gericht sei").speaker == "zentrale Wahlkommission"
    text = (
        "Museumsdirektor Thomas Metz hat anlässlich der Eröffnung erklärt: "
        "„Die Ausstellung zeigt ein spannendes Stück Geschichte.“"
    )
    assert quote_containing(run(text, "de"), "Die Ausstellung zeigt").speaker == "Thomas Metz"


def test_fronted_adverb_or_als_phrase_leaves_the_subject_after_the_verb():
    text = "Unterdessen verlangen die Grünen, dass sich der Ausschuss mit dem Thema befassen solle."
    assert quote_containing(run(text, "de"), "der Ausschuss").speaker == "Grünen"
    text = (
        "Als Grund für die Kündigung des Vertrages gab die Sprachschule an, "
        "die Partei habe sich nicht zu erkennen gegeben."
    )
    assert quote_containing(run(text, "de"), "die Partei habe").speaker == "Sprachschule"
    # "Als X sagte, …" is a subordinate clause: X is its subject
    text = "Als Kanzlerin Maria Stein am Montag sagte, die Lage sei ernst, wurde es still im Saal."
    assert quote_containing(run(text, "de"), "die Lage sei ernst").speaker == "Maria Stein"


def test_laut_with_a_name_in_apposition_gives_the_person_and_the_rest_of_the_sentence():
    text = "Laut dem Bürgermeister von Charkiw, Ihor Terechow, wurden dabei drei Menschen verletzt."
    quote = quote_containing(run(text, "de"), "drei Menschen")
    assert quote.speaker == "Ihor Terechow"
    assert quote.text == "wurden dabei drei Menschen verletzt"


def test_speaker_with_a_hyphen_cut_compound():
    text = "Mehrere Zivilisten seien in den Rücken geschossen worden, so Kongress- und Verteidigungskreise."
    assert (
        quote_containing(run(text, "de"), "Mehrere Zivilisten").speaker == "Kongress- und Verteidigungskreise"
    )


def test_laut_source_stops_after_an_acronym_genitive():
    text = "Das neue Zentrum dient laut einer Pressemitteilung des BMI der Verbesserung der Abwehr."
    assert quote_containing(run(text, "de"), "Das neue Zentrum").speaker == "Pressemitteilung des BMI"


def test_coordinated_colon_cue_in_a_long_sentence_keeps_the_sentence_subject():
    text = (
        "Die Forscherin Sabine Kemper vom Institut für Kernphysik in Heidelberg, die an der Auswertung "
        "der Daten beteiligt ist, die nach dem Vorbeiflug der Sonde im kommenden Jahr überprüft werden "
        "sollen, sagte: „Da gibt es zwei Arten von Partikeln, die vom Mond kommen“, und fügt hinzu: "
        "„Wir denken, die sauberen Partikel kommen von der Oberfläche.“"
    )
    assert quote_containing(run(text, "de"), "Wir denken").speaker == "Sabine Kemper"


def test_dative_object_before_the_verb_is_not_the_speaker():
    text = (
        "Nachdem die Anwältin der Frau dem Richter mitgeteilt hatte, dass der Mann gesucht werde, "
        "geschah nichts."
    )
    assert quote_containing(run(text, "de"), "der Mann gesucht").speaker == "Anwältin der Frau"


def test_unknown_name_in_apposition_before_the_verb_is_the_speaker():
    text = (
        "Der Korrespondent in Mexiko-Stadt, Will Grant, berichtete, dass die Erde minutenlang "
        "gewackelt habe. "
        "Viele Menschen seien in Panik auf die Straße gelaufen."
    )
    result = run(text, "de")
    assert quote_containing(result, "die Erde minutenlang").speaker == "Will Grant"
    assert quote_containing(result, "Viele Menschen").speaker == "Will Grant"


def test_passive_cue_takes_the_agent_or_the_document_not_the_grammatical_subject():
    text = (
        "In einer Stellungnahme des Ministeriums wird die Entscheidung damit begründet, "
        "dass das Land von der Fischerei abhängig sei."
    )
    assert quote_containing(run(text, "de"), "von der Fischerei").speaker == "Stellungnahme des Ministeriums"
    text = "Vom Ministerium wurde am Montag mitgeteilt, dass die Grenze geschlossen bleibe."
    assert quote_containing(run(text, "de"), "die Grenze").speaker == "Ministerium"
    text = "Am Montag wurde die Entscheidung damit begründet, dass die Kassen leer seien."
    assert quote_containing(run(text, "de"), "die Kassen").speaker is None


def test_copula_cues_need_their_own_adjective_and_a_subject():
    assert (
        quote_containing(
            run("Die Ministerin ist überzeugt, dass die Reform gelingen werde.", "de"), "die Reform"
        ).speaker
        == "Ministerin"
    )
    no_quote_containing(
        run("Sicher ist bisher nur, dass im Krieg große Mengen Kraftstoff in den Boden gelangt sind.", "de"),
        "Kraftstoff",
    )
    no_quote_containing(
        run(
            "Ein Institut, das Gebäude, die nicht erdbebensicher sind, ohne Prüfung abgenommen hat, schloss.",
            "de",
        ),
        "ohne Prüfung",
    )


def test_speech_verbs_in_frames_that_report_nothing():
    assert quote_containing(
        run("Die Polizei meldete, der Täter sei gefasst worden.", "de"), "der Täter"
    ).speaker == ("Polizei")
    no_quote_containing(
        run("Jetzt meldete er sich bei seinem Bruder in den USA, er hatte Sehnsucht nach ihm.", "de"),
        "Sehnsucht",
    )
    no_quote_containing(
        run(
            "Der Rechnungshof erklärte die Ausschreibung für fehlerhaft, der Auftrag wurde neu vergeben.",
            "de",
        ),
        "neu vergeben",
    )


def test_an_indicative_denn_clause_is_the_writers_not_the_report():
    quote = quote_containing(
        run(
            "Er hofft, dass für sein Dorf etwas abfällt, denn bisher gibt es nicht einmal ein Telefon.", "de"
        ),
        "für sein Dorf",
    )
    assert quote.text == "für sein Dorf etwas abfällt"
    quote = quote_containing(run("Sie sagte, sie komme nicht, denn sie sei krank.", "de"), "sie komme")
    assert quote.text == "sie komme nicht, denn sie sei krank"


def test_zitiert_names_the_quoted_person_not_the_paper():
    text = (
        "Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „Der Mann ist weitergegangen.“"
    )
    assert quote_containing(run(text, "de"), "Der Mann").speaker == "Augenzeugen"
    text = (
        "Der Vorsitzende Konrad Freiberg wird in einer Presseerklärung mit den Worten zitiert: "
        "„Was wir brauchen, ist mehr Personal.“"
    )
    assert quote_containing(run(text, "de"), "Was wir brauchen").speaker == "Konrad Freiberg"


def test_trailing_so_with_a_naming_verb_is_a_name_not_a_quote():
    no_quote_containing(
        run("„Wikiasari“, so heißt ein geplantes Projekt von Jimmy Wales.", "de"), "Wikiasari"
    )
    no_quote_containing(run("„Wikiasari“, so nennt sich das Projekt von Jimmy Wales.", "de"), "Wikiasari")
    text = "„Er ist die eiserne Hand“, so charakterisierte ihn der Gewerkschafter Bernard Aubin."
    assert quote_containing(run(text, "de"), "eiserne Hand").speaker == "Bernard Aubin"


def test_particle_cue_after_an_apposition_with_commas():
    text = (
        "Regierungschef Hashim Thaçi geht nach einem Treffen mit dem Leiter der Mission, Joachim Rücker, "
        "davon aus, dass viele Staaten das Land anerkennen würden."
    )
    quote = quote_containing(run(text, "de"), "viele Staaten")
    assert quote.speaker == "Hashim Thaçi"
    assert quote.text == "viele Staaten das Land anerkennen würden"


def test_report_in_a_relative_clause_ends_where_the_main_clause_resumes():
    text = (
        "Für Kanzlerin Maria Stein, die sagt, Europa stehe vor einer historischen Prüfung, "
        "bietet der Gipfel eine Bühne für neue Zusagen."
    )
    quote = quote_containing(run(text, "de"), "Europa stehe")
    assert quote.text == "Europa stehe vor einer historischen Prüfung"
    assert quote.speaker == "Maria Stein"


def test_bare_institution_noun_resolves_to_the_institution_named_before():
    text = (
        "Das Verteidigungsministerium in Berlin wies die Kritik zurück. Die Durchfahrt sei "
        "im Einklang mit dem Seerecht erfolgt, hieß es aus dem Ministerium."
    )
    assert quote_containing(run(text, "de"), "Die Durchfahrt").speaker == "Verteidigungsministerium in Berlin"
    # nothing named before: the noun stays as written
    text = "Die Durchfahrt sei im Einklang mit dem Seerecht erfolgt, hieß es aus dem Ministerium."
    assert quote_containing(run(text, "de"), "Die Durchfahrt").speaker == "Ministerium"


def test_report_opening_with_a_preposition_and_article_is_not_a_relative_clause():
    text = "Gouverneur Gabino Rivas sagte, in der Ortschaft sei niemand verletzt worden."
    quote = quote_containing(run(text, "de"), "in der Ortschaft")
    assert quote.text == "in der Ortschaft sei niemand verletzt worden"
    assert quote.speaker == "Gabino Rivas"
    text = "Ministerin Carla Brunner betonte, unter den neuen Bewerbern seien viele Fachkräfte."
    assert quote_containing(run(text, "de"), "unter den neuen Bewerbern").speaker == "Carla Brunner"
    # a pronoun that is never an article, or a determiner-less phrase, opens a relative clause
    text = "Falk kritisierte die Berichte, bei denen viele Angaben fehlten."
    no_quote_containing(run(text, "de"), "viele Angaben")
    text = "Falk kritisierte den Bericht, in dem 185 Länder aufgelistet sind."
    no_quote_containing(run(text, "de"), "185 Länder")


def test_long_adverbial_between_cue_and_reported_clause():
    text = (
        "Der Außenminister Karim Haddad sagte am Montag nach einem Treffen mit Vermittlern aus Jordanien "
        "und Oman in Kairo, beide Seiten müssten schmerzhafte Zugeständnisse machen."
    )
    quote = quote_containing(run(text, "de"), "beide Seiten müssten")
    assert quote.speaker == "Karim Haddad" and quote.text.endswith("Zugeständnisse machen")
    # the same distance without a report mood is not a report
    text = (
        "Der Außenminister Karim Haddad sagte am Montag nach einem Treffen mit Vermittlern aus Jordanien "
        "und Oman in Kairo, die Lage bleibt schwierig."
    )
    assert run(text, "de").quotes == []


def test_infinitive_after_a_noun_is_its_content_not_a_report():
    text = "Auch Estland meldet seit Wochen mehr Versuche, die Grenze zu Russland illegal zu überqueren."
    assert run(text, "de").quotes == []
    text = "Die Regierung kritisierte am Montag den Plan, die Hilfen zu kürzen."
    assert run(text, "de").quotes == []
    # an announcement with its particle still reports what was announced
    text = "Der Minister Jan Kowalski kündigte an, die Steuern im kommenden Jahr deutlich zu senken."
    assert quote_containing(run(text, "de"), "Steuern im kommenden Jahr").speaker == "Jan Kowalski"


def test_institution_named_with_fuer_keeps_its_field():
    text = (
        "Nach Angaben des Bundesamts für Verfassungsschutz hat die Zahl der Angriffe deutlich zugenommen. "
        "Das Institut für Weltwirtschaft erklärte, die Konjunktur erhole sich nur langsam."
    )
    result = run(text, "de")
    angaben = quote_containing(result, "Zahl der Angriffe")
    assert angaben.speaker == "Bundesamts für Verfassungsschutz"
    assert angaben.text.startswith("hat die Zahl")
    assert quote_containing(result, "Konjunktur").speaker == "Institut für Weltwirtschaft"


def test_bracketed_short_form_or_party_is_not_the_speaker():
    text = (
        "Der Verband der Automobilindustrie (VDA) teilte mit, Strafzölle seien der falsche Weg. "
        "Die Ministerin Karin Albers (SPD) betonte, die Hilfen kämen rechtzeitig."
    )
    result = run(text, "de")
    assert quote_containing(result, "Strafzölle").speaker == "Verband der Automobilindustrie"
    assert quote_containing(result, "Hilfen kämen").speaker == "Karin Albers"


def test_report_ending_in_a_quoted_term_keeps_the_closing_mark():
    text = (
        "Die Botschaft teilte mit, man behalte sich Gegenmaßnahmen vor. "
        "Die Ausweisung werde „nicht unbeantwortet bleiben“."
    )
    quote = quote_containing(run(text, "de"), "Die Ausweisung")
    assert quote.text == "Die Ausweisung werde „nicht unbeantwortet bleiben“"


def test_pronoun_after_fuer_x_ist_means_x():
    text = (
        "Die Präsidentin Lena Krüger verwies darauf, dass die Lage ernst sei.\n\n"
        "Für den Sicherheitsforscher Jonas Brenner ist der Fall kein Einzelfall. "
        "„Die Angriffe folgen einem Muster“, sagte er im Gespräch."
    )
    assert quote_containing(run(text, "de"), "einem Muster").speaker == "Jonas Brenner"


def test_claim_without_a_named_source_and_its_next_sentence_quote_nobody():
    text = (
        "Die Hamas erklärte, sie sei zu einem Abkommen bereit. "
        "Der Entwurf sieht Berichten zufolge eine Pause von sechs Wochen vor. "
        "In dieser Zeit sollen Dutzende Geiseln freikommen.\n\n"
        "Der Minister Jan Hahn sagte, man prüfe alles. "
        "Medienberichten zufolge sei sein Stellvertreter bereits zurückgetreten."
    )
    result = run(text, "de")
    no_quote_containing(result, "Dutzende Geiseln")
    no_quote_containing(result, "Stellvertreter")
    assert quote_containing(result, "prüfe alles").speaker == "Jan Hahn"


def test_konjunktiv_after_a_demonstrative_pronoun():
    text = (
        "Der Experte Ulf Laessing sagte im Radio: „Frankreich hat in der Region jeden Kredit verspielt.“ "
        "Die Juntas setzten nun auf Moskau, doch auch das werde die Lage kaum verbessern. "
        "Der Minister Jan Hahn sagte, man prüfe alles. Das sei aber kein Grund zur Sorge."
    )
    result = run(text, "de")
    assert quote_containing(result, "auch das werde").speaker == "Ulf Laessing"
    assert quote_containing(result, "Das sei aber").speaker == "Jan Hahn"


def test_role_noun_resolves_when_the_model_finds_the_same_name():
    text = (
        "Präsident Recep Tayyip Erdoğan sagte der Zeitung „Hürriyet“: „Wir haben unsere Erwartungen klar "
        "formuliert. Nun ist Schweden am Zug.“ Man werde sich von niemandem unter Druck setzen lassen, "
        "so der Präsident weiter."
    )
    quote = quote_containing(run(text, "de"), "unter Druck setzen")
    assert quote.speaker == "Recep Tayyip Erdoğan"


def test_trailing_cue_with_a_surname_that_starts_with_particles():
    text = (
        "Kommissionspräsidentin Ursula von der Leyen zeigte sich enttäuscht. "
        "Die Ukraine brauche Planungssicherheit, sagte von der Leyen nach dem Treffen."
    )
    quote = quote_containing(run(text, "de"), "Planungssicherheit")
    assert quote.speaker == "Ursula von der Leyen"


def test_colon_quote_after_a_sentence_that_opens_with_the_person():
    text = (
        "Der Minister Jan Hahn sprach am Montag.\n\n"
        "Der ungarische Ministerpräsident Viktor Orbán hat neue Hilfen blockiert. "
        "Orbán vor Beginn der Beratungen: „Wir werden keinem Paket zustimmen, solange unsere Gelder "
        "nicht freigegeben sind.“\n\n"
        "Die Ministerin Karin Albers wandte sich mit eindringlichen Worten an die Parteien: "
        "„Die Zeit läuft uns davon, jeden Tag sterben Menschen.“"
    )
    result = run(text, "de")
    assert quote_containing(result, "keinem Paket").speaker == "Viktor Orbán"
    assert quote_containing(result, "Zeit läuft").speaker == "Karin Albers"


def test_direct_quote_with_heisst_es_takes_its_source():
    text = (
        "„Die Präsenz fremder Truppen verletzt unsere Souveränität“, heißt es in einer Erklärung "
        "der Junta, die am Sonntag verlesen wurde.\n\n"
        "„Wir sind bereit zu Gesprächen mit allen Seiten“, hieß es aus dem Außenministerium in Paris."
    )
    result = run(text, "de")
    assert "Junta" in quote_containing(result, "fremder Truppen").speaker
    assert quote_containing(result, "bereit zu Gesprächen").speaker == "Außenministerium in Paris"


def test_english_institution_names_with_lower_case_connectors():
    text = (
        "Laut dem Militärexperten Gustav Gressel vom European Council on Foreign Relations kommen "
        "die Flugzeuge spät.\n\n"
        "Das International Institute for Strategic Studies erklärte, die Zahl der Panzer sinke."
    )
    result = run(text, "de")
    assert quote_containing(result, "Flugzeuge spät").text == "kommen die Flugzeuge spät"
    quote = quote_containing(result, "Zahl der Panzer")
    assert quote.speaker == "International Institute for Strategic Studies"


def test_possessive_source_means_the_subject_before():
    text = (
        "In Kiew meldete die Luftwaffe am Morgen erneut massive Angriffe. "
        "Nach ihren Angaben wurden in der Nacht 40 Drohnen abgefeuert.\n\n"
        "Die Anwältin Gülsen Celebi gab an, dass ihre Mandantin Angst hatte. "
        "Zuerst habe sie nicht damit gerechnet. "
        "Nach ihren Informationen habe sich der Mann im Ausland aufgehalten."
    )
    result = run(text, "de")
    drones = quote_containing(result, "40 Drohnen")
    assert drones.speaker == "Luftwaffe" and drones.text.startswith("wurden")
    assert quote_containing(result, "im Ausland").speaker == "Gülsen Celebi"


def test_report_goes_on_after_a_semicolon_in_konjunktiv():
    text = (
        "Der Sprecher Jan Hahn sagte, in der Nacht seien 40 Drohnen abgefeuert worden; "
        "die meisten seien abgeschossen worden. "
        "Die Ministerin Karin Albers sagte, der Kanal sei gesperrt; die Schiffe warten vor Anker."
    )
    result = run(text, "de")
    assert quote_containing(result, "40 Drohnen").text.endswith("die meisten seien abgeschossen worden")
    assert quote_containing(result, "Kanal sei gesperrt").text == "der Kanal sei gesperrt"


def test_indefinite_or_possessive_role_is_not_the_named_person():
    text = (
        "Regierungssprecher Steffen Hebestreit äußerte sich am Montag in Berlin.\n\n"
        "Ein Regierungssprecher sagte in London, man beobachte die Lage genau. "
        "Die Ministerin sei zutiefst besorgt über die Entwicklung, sagte ihr Sprecher."
    )
    result = run(text, "de")
    assert quote_containing(result, "beobachte die Lage").speaker == "Regierungssprecher"
    assert quote_containing(result, "zutiefst besorgt").speaker == "Sprecher"


def test_colon_quote_after_aeusserte_sich_or_an_apposed_name():
    text = (
        "Die Regierung versuchte zu beruhigen. Ähnlich äußerte sich der Minister Jan Hahn: "
        "„Wir haben die Lage im Griff.“\n\n"
        "Der Regierungssprecher, Steffen Seibert, versuchte mit den Worten zu beruhigen: "
        "„Der Fonds ist funktionstüchtig und handlungsfähig.“"
    )
    result = run(text, "de")
    assert quote_containing(result, "Lage im Griff").speaker == "Jan Hahn"
    assert quote_containing(result, "Fonds ist").speaker == "Steffen Seibert"


def test_uncued_quote_after_a_sentence_belongs_to_its_subject():
    text = (
        "Der Minister Jan Hahn sagte, man prüfe alle Optionen.\n\n"
        "Die Ministerin Karin Albers zeigte sich besorgt. "
        "„Die Lage ist ernst, wir müssen jetzt handeln und helfen.“\n\n"
        "Die Entscheidung war am Montag gefallen. „Wir wollen die Werke enger verzahnen und stärken.“"
    )
    result = run(text, "de")
    assert quote_containing(result, "Lage ist ernst").speaker == "Karin Albers"
    # a subject that cannot speak leaves the last speaker in place
    assert quote_containing(result, "enger verzahnen").speaker == "Karin Albers"
    # after a report the reporter goes on, not the report's subject
    text = (
        "Der Generalsekretär Jens Stoltenberg rief zu Gesprächen auf. Schweden habe seine "
        "Verpflichtungen erfüllt, erklärte er. „Es ist Zeit, die Ratifizierung jetzt abzuschließen.“"
    )
    assert quote_containing(run(text, "de"), "Ratifizierung").speaker == "Jens Stoltenberg"


def test_quote_closed_by_a_perfect_tense_cue():
    text = (
        "Vor kurzem war die Entscheidung gefallen. „Wir wollen unsere Werke enger verzahnen“, "
        "hatte VW-Chef Martin Winterkorn in einem Interview erklärt."
    )
    quote = quote_containing(run(text, "de"), "Werke enger")
    assert quote.speaker == "Martin Winterkorn" and quote.cue == "erklärt"


def test_trailing_cue_followed_by_a_relative_clause():
    text = (
        "Die Lage sei unter Kontrolle, sagte Hans Becker, der die Feuerwehr in der Stadt leitet. "
        "Der Damm halte, sagte Lena Wagner, die am Abend vor Ort war."
    )
    result = run(text, "de")
    becker = quote_containing(result, "unter Kontrolle")
    assert becker.text == "Die Lage sei unter Kontrolle" and becker.speaker == "Hans Becker"
    assert quote_containing(result, "Damm halte").speaker == "Lena Wagner"
    no_quote_containing(result, "Feuerwehr")


def test_colon_quote_after_a_sentence_with_one_person_as_subject():
    text = (
        "Die Zeugin Anna Roth berichtete, das Wasser sei schnell gestiegen.\n\n"
        "Die Forderung nach einem Rücktritt wies Bürgermeister Paul Krämer zurück: "
        "„Ich bleibe im Amt, bis die Krise vorbei ist.“"
    )
    assert quote_containing(run(text, "de"), "Ich bleibe im Amt").speaker == "Paul Krämer"


def test_zufolge_source_with_a_relative_clause():
    text = "Dem Landrat zufolge, der am Abend vor Ort war, sind mehr als 200 Häuser beschädigt."
    quote = quote_containing(run(text, "de"), "200 Häuser")
    assert quote.text == "sind mehr als 200 Häuser beschädigt" and quote.speaker == "Landrat"


def test_reported_cue_inside_a_report_closed_by_its_own_cue():
    text = "Die Kanzlerin habe ihm gesagt, dass sie die Pläne unterstütze, berichtete Jan Hahn."
    quote = quote_containing(run(text, "de"), "Pläne unterstütze")
    assert quote.speaker == "Jan Hahn"
    assert quote.text == "Die Kanzlerin habe ihm gesagt, dass sie die Pläne unterstütze"


def test_mit_diesen_worten_names_the_speaker_of_the_quote_before():
    text = (
        "Der Sprecher Jan Hahn sagte, man arbeite rund um die Uhr.\n\n"
        "„Was sollen wir denn noch alles tun?“ Mit diesen Worten wandte sich die Bürgerin Eva Klein "
        "an die Politiker."
    )
    result = run(text, "de")
    assert quote_containing(result, "noch alles tun").speaker == "Eva Klein"
    no_quote_containing(result, "Mit diesen Worten")


def test_zeigte_sich_besorgt_dass_reports_a_view():
    text = (
        "Die Ministerin Karin Albers zeigte sich besorgt, dass die Hilfen nicht rechtzeitig ankämen. "
        "Der Minister Jan Hahn zeigte sich besorgt über die Lage."
    )
    result = run(text, "de")
    assert quote_containing(result, "Hilfen nicht rechtzeitig").speaker == "Karin Albers"
    no_quote_containing(result, "über die Lage")


def test_nach_angaben_with_a_possessive_genitive():
    text = (
        "Die Außenbeauftragte Kaja Kallas rief zur Mäßigung auf. "
        "Nach Angaben ihres Sprechers telefonierte sie mit beiden Präsidenten."
    )
    quote = quote_containing(run(text, "de"), "telefonierte sie")
    assert quote.text.startswith("telefonierte") and quote.speaker == "Sprechers"


def test_name_in_apposition_before_the_verb_is_not_a_trailing_cue():
    text = "Israels Botschafter in Berlin, Ron Prosor, warnte vor einem Lieferstopp."
    assert run(text, "de").quotes == []


def test_pronoun_gender_from_role_nouns():
    text = (
        "Die Außenministerin Anna Berg traf am Montag den Präsidenten Jan Hahn in Wien. "
        "Sie sagte anschließend, die Gespräche seien gut verlaufen.\n\n"
        "Der Minister Paul Krämer empfing die Botschafterin Eva Klein. "
        "Er betonte, man wolle enger zusammenarbeiten."
    )
    result = run(text, "de")
    assert quote_containing(result, "gut verlaufen").speaker == "Anna Berg"
    assert quote_containing(result, "enger zusammenarbeiten").speaker == "Paul Krämer"
    text = (
        "Die Agrarministerin Beate Huber sprach am Montag. Die Abgeordnete Anna Kern sagte, "
        "sie sehe Lücken. Die Kommission müsse nachverhandeln, forderte sie."
    )
    assert quote_containing(run(text, "de"), "nachverhandeln").speaker == "Anna Kern"


def test_more_speech_verbs():
    text = (
        "Der Minister Jan Hahn versprach, die Hilfen würden schnell ausgezahlt. "
        "Die Ministerin Karin Albers wandte ein, man habe kaum Spielraum. "
        "Hahn prognostizierte, die Wirtschaft werde im Herbst wachsen. "
        "Albers bilanzierte, das Treffen sei ein Erfolg gewesen.\n\n"
        "Der drittgrößten Volkswirtschaft der Erde, Japan, droht eine erneute Rezession."
    )
    result = run(text, "de")
    assert quote_containing(result, "Hilfen würden").speaker == "Jan Hahn"
    assert quote_containing(result, "kaum Spielraum").speaker == "Karin Albers"
    assert quote_containing(result, "im Herbst wachsen").speaker == "Jan Hahn"
    assert quote_containing(result, "ein Erfolg").speaker == "Karin Albers"
    no_quote_containing(result, "Volkswirtschaft")


def test_quote_followed_by_a_dash_and_so():
    text = "„Wir sind sehr enttäuscht“ – so fasste die Diplomatin Sarah Lind die Stimmung zusammen."
    assert quote_containing(run(text, "de"), "enttäuscht").speaker == "Sarah Lind"


def test_follow_on_sentence_with_muessten_reports_the_last_speaker():
    text = (
        "Das Außenministerium in Riga wies zwei Attachés aus. Sie hätten Dokumente gefälscht, "
        "erklärte das Ministerium. Die beiden Attachés müssten das Land binnen zwei Tagen verlassen."
    )
    quote = quote_containing(run(text, "de"), "müssten das Land")
    assert not quote.direct
    assert quote.speaker == "Außenministerium in Riga"


def test_muessten_after_a_reason_clause_is_the_writers_conclusion():
    text = (
        "Die Kasse habe zu spät gezahlt, sagte Richterin Ute Kramer. "
        "Da die Kasse inzwischen insolvent ist, müsste nun der Verband für die Kosten aufkommen."
    )
    no_quote_containing(run(text, "de"), "müsste nun")


def test_colon_report_far_from_the_last_quote_keeps_the_subject_before_the_colon():
    text = (
        "Trainerin Eva Lindner muss umplanen. Der Klub finde rasch Ersatz, sagte Lindner. "
        "Bei den Fans sorgt der Wechsel für Ärger. Viele Anhänger kritisierten den Zeitpunkt. "
        "Der Sprecher der Fanclubs, Tim Kowalski, blieb gelassen: Wer so viel Geld biete, dem "
        "könne man einen Spieler kaum verweigern."
    )
    quote = quote_containing(run(text, "de"), "Wer so viel Geld biete")
    assert quote.speaker == "Tim Kowalski"


def test_konjunktiv_cue_inside_a_report_closed_by_a_trailing_cue():
    text = (
        "Trainerin Eva Lindner muss umplanen. Sie gehe davon aus, dass der Klub rasch "
        "einen Ersatz finde, sagte Lindner nach dem Training."
    )
    quote = quote_containing(run(text, "de"), "der Klub rasch")
    assert quote.text == "Sie gehe davon aus, dass der Klub rasch einen Ersatz finde"
    assert quote.cue == "sagte"
    assert quote.speaker == "Eva Lindner"


def test_sie_skips_a_man_for_a_woman_known_by_her_first_name():
    # German word order leaves "Olaf Scholz" as likely a subject as von der Leyen
    text = "Ursula von der Leyen traf am Montag Olaf Scholz. Sie sagte, die EU sei bereit."
    assert quote_containing(run(text, "de"), "die EU sei bereit").speaker == "Ursula von der Leyen"
