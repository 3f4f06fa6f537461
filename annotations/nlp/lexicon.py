"""Word lists for the rule layers (German, English, French) and the data files beside them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@lru_cache(maxsize=8)
def data_words(name: str) -> frozenset[str]:
    """Words of a data file, one per line, '#' lines ignored."""
    path = DATA / name
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name -> "f" or "m" for names a pronoun can be checked against."""
    genders: dict[str, str] = {}
    for line in (DATA / "first_names_gender.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            gender, *names = line.split()
            genders.update(dict.fromkeys(names, gender))
    return genders


def first_name_gender(name: str) -> str | None:
    """ "f" or "m" when the first word of a person's name is a first name of known gender."""
    return first_name_genders().get(name.split()[0]) if name else None


# ---------------------------------------------------------------- German
# Finite forms and participles of verbs that introduce reported speech. A separable
# verb ("teilte … mit") counts only with its particle, see DE_SPEECH_PARTICLE.
DE_SPEECH_VERBS = _words(
    """
    sagte sagten sagt sagen gesagt sage
    warf warfen wirft
    erklärte erklärten erklärt erklären erkläre
    betonte betonten betont betonen
    warnte warnten warnt warnen gewarnt
    meinte meinten meint meinen gemeint
    berichtete berichteten berichtet berichten
    behauptete behaupteten behauptet behaupten
    bestätigte bestätigten bestätigt bestätigen
    versicherte versicherten versichert versichern
    unterstrich unterstrichen unterstreicht
    kritisierte kritisierten kritisiert
    argumentierte argumentierten argumentiert
    erläuterte erläuterten erläutert
    bekräftigte bekräftigten bekräftigt
    verkündete verkündeten verkündet
    antwortete antworteten antwortet geantwortet
    entgegnete entgegneten entgegnet
    ergänzte ergänzten ergänzt
    schrieb schrieben schreibt geschrieben
    glaubt glaubte glaubten glauben
    hofft hoffte hofften hoffen
    fürchtet fürchtete fürchteten fürchten befürchtet befürchtete befürchten
    vermutet vermutete vermuteten
    schätzt schätzte schätzten schätzen
    spekuliert spekulierte spekulierten spekuliert
    kommentierte kommentierten kommentiert
    beklagte beklagten beklagt
    mahnte mahnten mahnt gemahnt
    mitteilte mitteilten bekanntgab bekanntgaben hinzufügte ankündigte ankündigten einräumte
    angab angaben hinwies klarstellte feststellte hervorhob erklärt berichtete
    räumte räumt räumten eingeräumt
    fügte fügt fügten hinzugefügt
    teilte teilt teilten mitgeteilt
    kündigte kündigt kündigten angekündigt
    gab gibt gaben angegeben bekanntgegeben
    wies weist wiesen hingewiesen
    verwies verweist verwiesen
    stellte stellt stellten klargestellt festgestellt
    hob hebt hoben hervorgehoben
    machte macht machten
    zeigte zeigt zeigten
    geht ging gehen gingen
    erinnerte erinnert erinnerten
    ist war sind waren
    hieß heißt
    verlautete verlautet
    deutete deutet deuteten andeutete
    legte legt legten festlegte begründete begründet begründeten vertrat vertritt vertreten gehe
    angenommen vermutet festgehalten vermelden vermeldet meldete meldet melden ergab ergaben ergeben
    twitterte gestand gestanden gesteht
    ließ ließen lässt
    forderte forderten fordert fordern verlangte verlangten verlangt verlangen appellierte bat baten
    versprach versprachen verspricht versprochen beteuerte beteuerten beteuert
    prognostizierte prognostizierten prognostiziert bilanzierte bilanziert resümierte resümiert
    drohte drohten droht wandte wandten
    """
)
# verbs of demand: reported speech only with a dass-clause ("forderte, dass …")
DE_DASS_ONLY = _words(
    """forderte forderten fordert fordern verlangte verlangten verlangt verlangen appellierte bat baten
    angenommen festgehalten ergab ergaben ergeben vermutet"""
)
# verbs that need a particle or a complement to mean "say" (gab … an/bekannt/zu,
# zeigte sich überzeugt, ist überzeugt); without it they are not cues
DE_SPEECH_PARTICLE = {
    "räumte": {"ein"},
    "räumt": {"ein"},
    "räumten": {"ein"},
    "fügte": {"hinzu"},
    "fügt": {"hinzu"},
    "fügten": {"hinzu"},
    "teilte": {"mit"},
    "teilt": {"mit"},
    "teilten": {"mit"},
    "kündigte": {"an"},
    "kündigt": {"an"},
    "kündigten": {"an"},
    "gab": {"an", "bekannt", "zu"},
    "gibt": {"an", "bekannt", "zu"},
    "gaben": {"an", "bekannt", "zu"},
    "wies": {"hin"},
    "weist": {"hin"},
    "wiesen": {"hin", "daraufhin"},
    "stellte": {"klar", "fest"},
    "stellt": {"klar", "fest"},
    "stellten": {"klar", "fest"},
    "hob": {"hervor"},
    "hebt": {"hervor"},
    "hoben": {"hervor"},
    "machte": {"deutlich", "klar"},
    "macht": {"deutlich", "klar"},
    "machten": {"deutlich", "klar"},
    "zeigte": {"überzeugt", "zuversichtlich", "besorgt", "optimistisch", "erleichtert", "enttäuscht"},
    "zeigt": {"überzeugt", "zuversichtlich", "besorgt", "optimistisch", "erleichtert", "enttäuscht"},
    "zeigten": {"überzeugt", "zuversichtlich", "besorgt", "optimistisch", "erleichtert", "enttäuscht"},
    "geht": {"aus"},
    "ging": {"aus"},
    "gehen": {"aus"},
    "gingen": {"aus"},
    "ist": {"überzeugt", "zuversichtlich", "sicher", "meinung", "ansicht", "auffassung"},
    "war": {"überzeugt", "zuversichtlich", "sicher", "meinung", "ansicht", "auffassung"},
    "sind": {"überzeugt", "zuversichtlich", "sicher", "meinung", "ansicht", "auffassung"},
    "waren": {"überzeugt", "zuversichtlich", "sicher", "meinung", "ansicht", "auffassung"},
    "gestand": {"ein"},
    "gestanden": {"ein"},
    "gesteht": {"ein"},
    "ließ": {"verbreiten", "mitteilen", "wissen", "erklären", "verlauten"},
    "ließen": {"verbreiten", "mitteilen", "wissen", "erklären", "verlauten"},
    "lässt": {"verbreiten", "mitteilen", "wissen", "erklären", "verlauten"},
    "deutete": {"an"},
    "deutet": {"an"},
    "deuteten": {"an"},
    "legte": {"fest"},
    "legt": {"fest"},
    "legten": {"fest"},
    "begründete": {"damit"},
    "begründet": {"damit"},
    "begründeten": {"damit"},
    "vertrat": {"ansicht", "meinung", "auffassung", "standpunkt", "position"},
    "vertritt": {"ansicht", "meinung", "auffassung", "standpunkt", "position"},
    "vertreten": {"ansicht", "meinung", "auffassung", "standpunkt", "position"},
    "gehe": {"aus"},
    "wandte": {"ein"},
    "wandten": {"ein"},
    "warf": {"vor"},
    "warfen": {"vor"},
    "wirft": {"vor"},
    "erinnerte": {"daran"},
    "erinnert": {"daran"},
    "erinnerten": {"daran"},
}
# verbs that follow the speaker after a quote or clause: „…“, sagte X / …, so X
# ("…, Japan, droht eine Rezession": "drohen" follows a clause only as "threaten to happen")
DE_TRAILING_CUES = DE_SPEECH_VERBS - {
    "ist",
    "war",
    "sind",
    "waren",
    "geht",
    "ging",
    "gehen",
    "gingen",
    "droht",
    "drohte",
    "drohten",
}
DE_COLON_VERBS = DE_SPEECH_VERBS | _words(
    "zitiert zitierte fragte fragt rief ruft forderte fordert appellierte äußerte äußert äußerten"
)
DE_PRONOUNS = _words("er sie Er Sie")
DE_SUBJECT_PRONOUNS = _words("er sie man es wir ich")
DE_DETERMINERS = _words(
    """der die das den dem des ein eine einer einen einem eines kein keine
    sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres unser unsere
    dieser diese dieses diesem jener jene"""
)
DE_PREPOSITIONS = _words(
    """am an auf aus bei beim durch für gegen hinter im in mit nach neben ohne seit trotz über um
    unter vom von vor während wegen zu zum zur zwischen gegenüber angesichts laut"""
)
# capitalised at a sentence start, these are never the head of a speaker phrase
DE_FUNCTION_WORDS = _words(
    """auch aber nachdem sicher bis da denn doch so wie wenn als weil ob dass nun dann zudem dabei
    damit daher deshalb außerdem jedoch allerdings trotzdem bereits schon noch nur erst sowohl weder
    entweder zwar inzwischen später heute gestern morgen hier dort es man dies diese dieser dieses
    welche alle beide viele einige mehrere andere während nach vor seit ebenfalls zuvor zuletzt
    danach dazu darin darauf davon deswegen dennoch insgesamt zunächst vielmehr sondern oder und
    mit ohne für gegen um unter über bei zum zur vom beim am im ins aus durch in an auf von zu
    neben hinter trotz wegen angesichts gegenüber unterdessen indes indessen derweil offiziell
    ursprünglich kürzlich jüngst bislang bisher damals anschließend schließlich daraufhin
    stattdessen hingegen dagegen zugleich gleichzeitig immerhin zumindest weiterhin vorerst
    ferner überdies jetzt rund etwa knapp fast nahezu"""
)
DE_NP_LINKS = _words("von vom der des aus in im und")
# nouns that carry a claim into a dass-clause: "vertritt die Ansicht, dass …"
DE_SPEECH_NOUNS = _words(
    """Ansicht Meinung Standpunkt Auffassung Überzeugung Einschätzung Erklärung Hinweis Behauptung
    Warnung Befürchtung Angaben Aussage Mitteilung Argument Vorwurf Rede Hinweise Ergebnis Annahme
    Vorgabe Schluss"""
)
# clause introducers after a cue that are dropped from the quote text
DE_COMPLEMENTIZERS = _words("dass daß")
# nouns that name no source: "Berichten zufolge", "nach Informationen"
DE_UNNAMED_SOURCES = _words(
    """Berichten Medienberichten Berichte Informationen Angaben Schätzungen Gerüchten Beobachtern
    Experten Kreisen Insidern Umfragen Meldungen Spekulationen"""
)
DE_ROLE_SUFFIXES = (
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "minister",
    "ministerin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "vorsitzende",
    "vorsitzender",
    "sekretär",
    "sekretärin",
    "botschafter",
    "botschafterin",
    "bürgermeister",
    "bürgermeisterin",
    "experte",
    "expertin",
    "analyst",
    "analystin",
    "abgeordnete",
    "abgeordneter",
    "senator",
    "senatorin",
    "gouverneur",
    "gouverneurin",
    "direktor",
    "direktorin",
    "professor",
    "professorin",
    "politiker",
    "politikerin",
    "general",
    "kommandeur",
    "trainer",
    "trainerin",
    "leiter",
    "leiterin",
    "führer",
    "führerin",
    "anwalt",
    "anwältin",
    "premier",
    "premierminister",
    "premierministerin",
    "könig",
    "königin",
    "papst",
    "prinz",
    "prinzessin",
    "kandidat",
    "kandidatin",
    "beauftragte",
    "beauftragter",
    "generalsekretär",
    "machthaber",
    "diktator",
    "autor",
    "autorin",
    "journalist",
    "journalistin",
    "forscher",
    "forscherin",
    "wissenschaftler",
    "wissenschaftlerin",
    "ökonom",
    "ökonomin",
    "staatsanwalt",
    "richter",
    "richterin",
    "aktivist",
    "aktivistin",
    "funktionär",
    # court reports: "Die Zeugin Anna Roth", "Verteidiger Jan Kühn"
    "zeugin",
    "verteidiger",
    "verteidigerin",
    "angeklagte",
    "angeklagter",
    "kläger",
    "klägerin",
    "ermittler",
    "ermittlerin",
    "gutachter",
    "gutachterin",
    # boards, sport, business: "Sportvorstand Anna Roth", "Kapitän Jan Kühn", "Inhaber Ali Kaya"
    "vorstand",
    "vorständin",
    "kapitän",
    "kapitänin",
    "torhüter",
    "torhüterin",
    "stürmer",
    "stürmerin",
    "inhaber",
    "inhaberin",
    # "ihr Amtskollege Wang Yi", "seinen Parteikollegen Jan Roth"
    "kollege",
    "kollegin",
    "kollegen",
)
# whole role words whose ending alone would also match things ("Fahrzeuge")
DE_ROLE_EXACT = _words("zeuge augenzeuge")
DE_ROLE_WORDS = _words("Dr. Prof. Herr Frau Sir Lord Bischof Kardinal Scheich Emir Sultan Kaiser")
# heads of institutional speakers: Kreml, Ministerium, Polizei …
DE_INSTITUTION_SUFFIXES = (
    "ministerium",
    "amt",
    "behörde",
    "regierung",
    "polizei",
    "staatsanwaltschaft",
    "kreml",
    "armee",
    "militär",
    "generalstab",
    "kommission",
    "partei",
    "gericht",
    "gerichtshof",
    "verband",
    "agentur",
    "konzern",
    "unternehmen",
    "gewerkschaft",
    "rat",
    "parlament",
    "ministerin",
    "verwaltung",
    "präsidium",
    "botschaft",
    "streitkräfte",
    "nachrichtenagentur",
    "zeitung",
    "sender",
    "fernsehsender",
    "institut",
    "organisation",
    "bank",
    "union",
    "bund",
    "kanzleramt",
    "pentagon",
    "ministerien",
    "führung",
    "opposition",
    "koalition",
)
DE_NON_NAMES = _words(
    """Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni
    Juli August September Oktober November Dezember Jahr Jahres Woche Tag Tage Uhr Prozent Euro
    Dollar Millionen Milliarden Die Der Das Ein Eine Im In Am Auf Für Mit Nach Vor Bei Und Auch
    Er Sie Es Wir Ich Man Doch Aber Laut So Wie Als Nun Dies Diese Dieser Zudem Dabei Damit Daher
    Mehr Zum Zur Vom Beim Heute Gestern Nachrichtenagentur Agentur Zeitung Regierung
    Westen Osten Norden Süden
    League Liga Bundesliga Cup Pokal Open Masters Championship"""
)
# Konjunktiv I forms of strong and irregular verbs the data file (derived from a corpus
# where they are rare) may miss
DE_KONJ_IRREGULAR = _words(
    """sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe sehe stehe gehe
    komme lasse halte trage falle laufe nehme spreche treffe helfe werfe fahre schlage erhalte verliere
    stoße finde befinde lese esse rate fange wachse gelte sterbe empfehle breche vergesse messe trete
    liege sitze tue brauche bleibe handle entspreche verstoße beginne gewinne"""
)
DE_KONJ_II = _words(
    """wäre wären hätte hätten würde würden läge lägen bliebe blieben gäbe gäben käme kämen stünde
    stünden besäße gelänge"""
)
DE_VERB_PREFIXES = (
    "zurück",
    "heraus",
    "hinaus",
    "voran",
    "weiter",
    "statt",
    "vorbei",
    "ver",
    "be",
    "ent",
    "er",
    "zer",
    "ge",
    "an",
    "auf",
    "aus",
    "ein",
    "mit",
    "nach",
    "vor",
    "zu",
    "ab",
    "hin",
    "her",
    "über",
    "unter",
    "durch",
    "um",
    "dar",
    "fest",
    "fort",
    "los",
    "frei",
    "wieder",
)
DE_NOT_KONJ = _words(
    """eine keine seine ihre meine deine unsere eure diese jene jede welche manche solche alle beide
    viele einige wenige andere ohne gerne heute bitte ende hilfe liebe mitte reihe
    lage seite zeile runde grenze menge sache strafe woche gerade lediglich
    nahe ebenfalls lange deutsche große neue alte erste letzte zweite dritte beste weitere gleiche
    ganze eigene halbe hohe ehemalige jeweilige bisherige derzeitige heutige gestrige künftige
    mehrere wenige sonstige übrige obere untere innere äußere rechte linke"""
)

# ---------------------------------------------------------------- English
EN_SPEECH_LEMMAS = _words(
    """say tell add stress warn insist argue claim note acknowledge announce confirm explain write
    state report predict admit reply respond emphasize emphasise reiterate assert maintain contend
    suggest caution concede declare allege tweet post testify estimate believe think fear hope
    complain observe remark point indicate vow pledge promise signal assure reassure remind inform
    hint boast lament speculate reckon underline underscore counter recall feel"""
)
EN_PRONOUNS = _words("he she He She they They")
EN_UNNAMED_SOURCES = _words("reports report sources source officials witnesses media analysts observers")

# ---------------------------------------------------------------- French
FR_SPEECH_LEMMAS = _words(
    """dire déclarer affirmer estimer ajouter annoncer assurer souligner indiquer expliquer préciser
    répondre prévenir avertir juger confirmer rappeler insister martelé marteler reconnaître
    admettre promettre écrire considérer soutenir répéter avancer lancer noter observer regretter
    dénoncer craindre espérer"""
)
FR_PRONOUNS = _words("il elle Il Elle")

# role words that stand for a person already named with a synonym role
ROLE_SYNONYMS = {
    "chef de l'état": "président",
    "chef de l’état": "président",
    "head of state": "president",
    "staatschef": "präsident",
    "staatsoberhaupt": "präsident",
    "regierungschef": "kanzler",
    # German role pairs tried when the role itself names nobody ("Verteidiger X … der Anwalt")
    "anwalt": "verteidiger",
    "anwältin": "verteidigerin",
    "verteidiger": "anwalt",
    "verteidigerin": "anwältin",
}
