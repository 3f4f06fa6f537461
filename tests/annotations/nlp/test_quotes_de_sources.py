"""German source phrases ("laut", "zufolge", "nach Angaben"), text only."""

from __future__ import annotations

from annotations.nlp.lexicon import DE_SPEECH_NOUNS, DE_SPEECH_VERBS

# the words at which `_source_phrase` looks for a source phrase; when it finds none (or one
# that names nobody), `_sentence_cues` goes on to the verb cues, which must find nothing here
SOURCE_WORDS = "laut gemäß zufolge nach eigenen eigener seinen ihren wonach demnach".split()


def test_source_words_are_neither_speech_verbs_nor_speech_nouns():
    assert not [w for w in SOURCE_WORDS if w in DE_SPEECH_VERBS]
    assert not [n for n in DE_SPEECH_NOUNS if n.lower() in SOURCE_WORDS]
