"""German quotes: cues, speakers and indirect speech by rules over tokens.

Indirect speech in German news is marked by a speech verb with a comma clause
("sagte, Russland brauche …", "erklärte, dass …"), by trailing cues ("…, so Peskow",
"…, sagte X"), by source phrases ("Laut X", "X zufolge", "Nach Angaben von X") and by
the Konjunktiv I, which keeps reporting the last speaker in sentences without a cue.

The modules, each depending only on those listed before it: `tokens` (word classes),
`konjunktiv` (the mood of reported speech), `phrases` (noun phrases), `speakers` (who a
phrase stands for), `subjects` (the speaker of a cue verb), `cues` (cue words and the cues
of direct quotes), `clauses` (where a reported clause starts and ends), `sources` ("laut",
"zufolge", "nach Angaben") and `indirect` (the sentence-by-sentence pass).
"""

from .cues import _cue_triggers, after_cue, colon_cue
from .indirect import FOLLOW_ON_SENTENCES, german_indirect
from .konjunktiv import is_konjunktiv
from .phrases import np_forward
from .speakers import speaker_from_np

__all__ = [
    "FOLLOW_ON_SENTENCES",
    "_cue_triggers",
    "after_cue",
    "colon_cue",
    "german_indirect",
    "is_konjunktiv",
    "np_forward",
    "speaker_from_np",
]
