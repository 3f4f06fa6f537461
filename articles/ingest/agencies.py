"""News agencies by the names they go by in datelines, credit lines and copyright notices."""

from __future__ import annotations

import re

# Agencies as they appear in datelines and copyright lines, with the name the archive uses.
AGENCIES: dict[str, str] = {
    "dpa": "dpa",
    "dpa-afx": "dpa-AFX",
    "dpa-infocom": "dpa",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "kna": "KNA",
    "epd": "epd",
    "apa": "APA",
    "sda": "SDA",
    "keystone-sda": "Keystone-SDA",
    "ansa": "ANSA",
    "efe": "EFE",
    "belga": "Belga",
    "pap": "PAP",
    "tass": "TASS",
    "interfax": "Interfax",
    "xinhua": "Xinhua",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "ukrinform": "Ukrinform",
    "dts": "dts",
    "deutsche presse-agentur": "dpa",
    "deutsche presse agentur": "dpa",
}
AGENCY_ALTERNATION = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))

# Lines that only credit agencies: "(dpa)", "dpa/AFP", "Mit Material von dpa und AFP",
# "Quelle: Reuters", "avec AFP", "With reporting by Reuters". The first agency is the source.
AGENCY_CREDIT = re.compile(
    r"(?:\(?\s*|mit material (?:von|der|des)\s+(?:nachrichtenagenturen?\s+)?|quelle\s*:\s*|avec\s+"
    r"|(?:with (?:additional )?reporting (?:by|from)|additional reporting by)\s+)"
    rf"(?P<agency>{AGENCY_ALTERNATION})\b(?:\s*(?:[/,]|und|and|et|&)\s*[\w-]{{1,20}})*\s*\)?\.?",
    re.IGNORECASE,
)
