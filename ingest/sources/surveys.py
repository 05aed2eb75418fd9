"""Satisfaction and NPS survey answers: Google Forms (the Forms download and its Sheets copy),
Typeform and Tally, French or English (../shared/FORMATS-after-sale.md section 2).

A survey's headers are its questions' own text, so the score columns are found by what the
question asks, not by a fixed name: "Quelle est la probabilité que vous recommandiez…" / "How
likely are you to recommend…" is the recommendation (NPS) question, a question about
"satisfaction" / "satisfied" the satisfaction (CSAT) one, and a question asking why, or for a
comment or a suggestion, the comment. The score's scale belongs to the question: it is settled
when the answers are read (ingest/aftersale.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.parse import normalise_header
from ingest.sources.base import Source, fingerprint, mapping_by_name

FIXED = {
    "feedback_id": ("submission id", "response id", "respondent id", "token", "id"),
    "feedback_date": ("horodateur", "horodatage", "timestamp", "submit date utc", "submitted at",
                      "date de soumission", "date de reponse", "date"),
    "email": ("adresse e mail", "email address", "adresse email", "e mail", "email", "courriel",
              "votre e mail", "votre adresse e mail", "your email"),
    "order_id": ("n de commande", "numero de commande", "n commande", "order id", "order number",
                 "order", "commande", "votre numero de commande", "your order number"),
    "customer_id": ("n client", "numero client", "customer id", "customer number"),
}
# What each question asks, as words of its normalised text.
QUESTIONS = (
    ("nps_score", r"\brecommand|\brecommend|^nps$|\bnps\b"),
    ("csat_score", r"\bsatisf|^csat$"),
    ("comment", r"\bpourquoi\b|\bwhy\b|\bcommentaire|\bcomment\b|\bcomments\b|\bremarque"
                r"|\bsuggestion|\bameliorer\b|\bimprove\b|\bbetter\b|\bmieux\b|\bexplication\b"),
)
SCORE_QUESTIONS = tuple(name for name, _ in QUESTIONS[:2])


def question_columns(headers: list[str], taken: set[str]) -> dict[str, str]:
    """field -> the first free column whose question asks for it."""
    found: dict[str, str] = {}
    for name, pattern in QUESTIONS:
        for header in headers:
            if header not in taken and re.search(pattern, normalise_header(header)):
                found[name] = header
                taken.add(header)
                break
    return found


@dataclass(frozen=True)
class SurveyColumns:
    """A survey's mapping: its fixed columns by name, then its questions by what they ask; an
    e-mail, order or customer number asked as a question ("Votre adresse e-mail") by its words.
    Frozen: previews are cached by pickling."""

    def __call__(self, headers: list[str]) -> dict[str, str]:
        mapping = mapping_by_name(headers, FIXED)
        if "feedback_id" not in mapping and "#" in [h.strip() for h in headers]:  # Typeform
            mapping["feedback_id"] = next(h for h in headers if h.strip() == "#")
        for name, pattern in (("email", r"\be ?mail\b|\bcourriel\b"),
                              ("order_id", r"\bcommande\b|\border\b")):
            if name not in mapping:
                asked = [h for h in headers if h not in mapping.values()
                         and re.search(pattern, normalise_header(h))
                         and not any(re.search(p, normalise_header(h)) for _, p in QUESTIONS)]
                if asked:
                    mapping[name] = asked[0]
        return mapping | question_columns(headers, set(mapping.values()))


def asks_for_a_score(headers: set[str]) -> bool:
    return any(re.search(pattern, header) for header in headers
               for _, pattern in QUESTIONS[:2])


def detect_forms(headers: set[str]) -> float:
    """A response sheet (its first column the answer's time) with a score question; a form
    without one is refused as no survey by not_sales.py."""
    if headers & {"horodateur", "horodatage", "timestamp"} and asks_for_a_score(headers):
        return 0.95
    return 0.0


def detect_typeform(headers: set[str]) -> float:
    return fingerprint(headers, ("submit date utc",), ("network id",))


def detect_tally(headers: set[str]) -> float:
    return fingerprint(headers, ("submission id",), ("submitted at",))


def _survey(name: str, fr: str, en: str, detect, date_order: str | None) -> Source:
    return Source(name=name, label_fr=fr, label_en=en, detect=detect, mapping=SurveyColumns(),
                  date_order=date_order, after_sale="survey")


SOURCES = (
    _survey("google_forms", "Google Forms — réponses à une enquête",
            "Google Forms — survey answers", detect_forms, None),
    _survey("typeform", "Typeform — réponses à une enquête", "Typeform — survey answers",
            detect_typeform, "ymd"),
    _survey("tally", "Tally — réponses à une enquête", "Tally — survey answers", detect_tally,
            None),
)
