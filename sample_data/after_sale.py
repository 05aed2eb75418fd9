"""The demo shop's after-sale files, drawn from its customers and orders (sample_data/generate.py)
with a link to loyalty built in, so the app's after-sales figures can be checked against it.

- ``enquete_satisfaction.csv``: the answers to an NPS survey sent by Google Forms after a first
  web order of 2025-2026 (the Sheets copy, French): the e-mail and "Quelle est la probabilité que
  vous recommandiez…" 0-10, with a reason. A quarter of the people asked answer. Built-in link:
  a respondent who buys again after answering is a promoter with probability 0.6 and a
  detractor with 0.15; one who does not, 0.3 and 0.4.
- ``sav.csv``: the hand-kept after-sales sheet "Date ; Client ; Motif ; Statut ; Résolu le"
  (Windows-1252, ';', dd/mm/yyyy), the client written as an e-mail or as the order number. About
  3 % of web orders bring a ticket. Built-in link: a ticket is left open with probability 0.25
  when its customer buys nothing after it, 0.04 when they buy again.
- ``avis_verifies.csv``: an Avis Vérifiés export of reviews of web orders, linked by the order
  number, stars from 1 to 5, higher from customers who buy again after their review.

The outcome ("buys again after": a valid order on a later day than the answer, ticket or review)
comes from the sales the generator already made; only the scores and statuses are drawn from it,
with their own random stream, so the sales files stay byte for byte what they were.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261116
SURVEY_NAME = "enquete_satisfaction.csv"
TICKETS_NAME = "sav.csv"
REVIEWS_NAME = "avis_verifies.csv"
FILES = (REVIEWS_NAME, SURVEY_NAME, TICKETS_NAME)
SURVEY_FROM, SURVEY_TO = pd.Timestamp("2025-01-01"), pd.Timestamp("2026-10-31")
RESPONSE_RATE = 0.25
NPS_QUESTION = ("Quelle est la probabilité que vous recommandiez la Savonnerie du Marais à un ami "
                "ou un collègue ?")
# P(promoter, passive, detractor) for a respondent who buys again after answering, and not.
CLASS_SHARE = {True: [0.6, 0.25, 0.15], False: [0.3, 0.3, 0.4]}
CLASS_SCORES = [np.array([9, 10]), np.array([7, 8]), np.arange(0, 7)]
REASONS = {
    0: ["Des savons parfaits, je recommande.", "Accueil adorable et produits de qualité.", ""],
    1: ["Bien, mais la livraison est un peu chère.", "Bons produits.", ""],
    2: ["Livraison trop lente.", "Colis arrivé abîmé.", "Trop cher pour ce que c'est.", ""],
}
TICKET_SHARE = 0.03
P_OPEN = {True: 0.04, False: 0.25}  # a ticket left open, by whether the customer buys again
TICKET_REASONS = ["Colis abîmé", "Retard de livraison", "Erreur de produit",
                  "Question sur un produit", "Demande de remboursement"]
REVIEW_SHARE = 0.08
STARS = np.array([5, 4, 3, 2, 1])
STAR_SHARE = {True: [0.6, 0.3, 0.07, 0.02, 0.01], False: [0.35, 0.3, 0.15, 0.1, 0.1]}
REVIEW_TEXTS = {5: "Parfait, comme toujours.", 4: "Très bien.", 3: "Correct sans plus.",
                2: "Déçue par l'odeur.", 1: "Produit arrivé cassé."}


def write(out_dir: Path, orders: pd.DataFrame, who: pd.DataFrame, ident: pd.DataFrame,
          end: pd.Timestamp) -> dict[str, int]:
    """Write the three files into ``out_dir``; return their true figures."""
    rng = np.random.default_rng(SEED)
    valid = orders[orders["status"].isin(["paid", "partially_refunded"]) & (orders["buyer"] >= 0)]
    web = valid[~valid["boutique"] & who["has_email"].to_numpy()[valid["buyer"]]]
    last_day = valid.groupby("buyer")["ordered_at"].max().dt.normalize()
    survey, survey_figures = survey_answers(rng, web, ident, last_day)
    tickets, ticket_figures = ticket_rows(rng, web, ident, last_day, end)
    reviews, review_figures = review_rows(rng, web, ident, last_day, end)
    (out_dir / SURVEY_NAME).write_bytes(
        survey.to_csv(index=False, lineterminator="\r\n").encode("utf-8"))
    (out_dir / TICKETS_NAME).write_bytes(
        tickets.to_csv(index=False, sep=";", lineterminator="\r\n").encode("cp1252"))
    (out_dir / REVIEWS_NAME).write_bytes(
        reviews.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig"))
    return survey_figures | ticket_figures | review_figures


def again_after(buyers: pd.Series, day: pd.Series, last_day: pd.Series) -> np.ndarray:
    """Whether each buyer has a valid order on a later day than ``day``."""
    return (last_day.reindex(buyers).to_numpy() > day.dt.normalize().to_numpy())


def survey_answers(rng: np.random.Generator, web: pd.DataFrame, ident: pd.DataFrame,
                   last_day: pd.Series) -> tuple[pd.DataFrame, dict[str, int]]:
    asked = web[web["ordered_at"].between(SURVEY_FROM, SURVEY_TO)].drop_duplicates("buyer")
    answers = asked[rng.random(len(asked)) < RESPONSE_RATE].reset_index(drop=True)
    answered_at = (answers["ordered_at"].dt.normalize()
                   + pd.to_timedelta(rng.integers(2, 9, len(answers)), unit="D")
                   + pd.to_timedelta(rng.integers(8 * 3600, 22 * 3600, len(answers)), unit="s"))
    again = again_after(answers["buyer"], answered_at, last_day)
    uniform = rng.random(len(answers))
    shares = np.where(again[:, None], CLASS_SHARE[True], CLASS_SHARE[False]).cumsum(axis=1)
    klass = (uniform[:, None] > shares).sum(axis=1)
    pick = rng.random(len(answers))
    score = np.select([klass == k for k in range(3)],
                      [scores[(pick * len(scores)).astype(int)] for scores in CLASS_SCORES])
    reason_pick = rng.random(len(answers))
    reason = np.select([klass == k for k in range(3)],
                       [np.array(REASONS[k], dtype=object)[(reason_pick * len(REASONS[k]))
                                                           .astype(int)] for k in range(3)])
    table = pd.DataFrame({
        "Horodateur": answered_at.dt.strftime("%d/%m/%Y %H:%M:%S"),
        "Adresse e-mail": ident["email"].to_numpy()[answers["buyer"]],
        NPS_QUESTION: score,
        "Pourquoi cette note ?": reason,
    })
    figures = {"survey_answers": len(answers)}
    for k, name in enumerate(("promoters", "passives", "detractors")):
        figures[name] = int((klass == k).sum())
        figures[f"{name}_again"] = int((again & (klass == k)).sum())
    return table, figures


def ticket_rows(rng: np.random.Generator, web: pd.DataFrame, ident: pd.DataFrame,
                last_day: pd.Series, end: pd.Timestamp) -> tuple[pd.DataFrame, dict[str, int]]:
    chosen = web[rng.random(len(web)) < TICKET_SHARE].reset_index(drop=True)
    opened = (chosen["ordered_at"].dt.normalize()
              + pd.to_timedelta(rng.integers(1, 11, len(chosen)), unit="D"))
    kept = (opened <= end).to_numpy()
    chosen, opened = chosen[kept].reset_index(drop=True), opened[kept].reset_index(drop=True)
    again = again_after(chosen["buyer"], opened, last_day)
    is_open = rng.random(len(chosen)) < np.where(again, P_OPEN[True], P_OPEN[False])
    resolved = opened + pd.to_timedelta(rng.integers(1, 7, len(chosen)), unit="D")
    is_open |= (resolved > end).to_numpy()
    by_email = rng.random(len(chosen)) < 0.7
    status = np.where(is_open, np.where(rng.random(len(chosen)) < 0.5, "En cours", "En attente"),
                      np.where(rng.random(len(chosen)) < 0.7, "Résolu", "Clos"))
    table = pd.DataFrame({
        "Date": opened.dt.strftime("%d/%m/%Y"),
        "Client": np.where(by_email, ident["email"].to_numpy()[chosen["buyer"]],
                           chosen["order_no"].to_numpy()),
        "Motif": np.array(TICKET_REASONS)[rng.integers(0, len(TICKET_REASONS), len(chosen))],
        "Statut": status,
        "Résolu le": resolved.dt.strftime("%d/%m/%Y").where(~is_open, ""),
    })
    return table, {
        "tickets": len(chosen), "tickets_open": int(is_open.sum()),
        "tickets_open_again": int((is_open & again).sum()),
        "tickets_resolved_again": int((~is_open & again).sum()),
    }


def review_rows(rng: np.random.Generator, web: pd.DataFrame, ident: pd.DataFrame,
                last_day: pd.Series, end: pd.Timestamp) -> tuple[pd.DataFrame, dict[str, int]]:
    chosen = web[rng.random(len(web)) < REVIEW_SHARE].reset_index(drop=True)
    reviewed = (chosen["ordered_at"].dt.normalize()
                + pd.to_timedelta(rng.integers(5, 21, len(chosen)), unit="D")
                + pd.to_timedelta(rng.integers(8 * 3600, 23 * 3600, len(chosen)), unit="s"))
    kept = (reviewed <= end).to_numpy()
    chosen, reviewed = chosen[kept].reset_index(drop=True), reviewed[kept].reset_index(drop=True)
    again = again_after(chosen["buyer"], reviewed, last_day)
    shares = np.where(again[:, None], STAR_SHARE[True], STAR_SHARE[False]).cumsum(axis=1)
    stars = STARS[(rng.random(len(chosen))[:, None] > shares).sum(axis=1)]
    person = ident.iloc[chosen["buyer"]].reset_index(drop=True)
    table = pd.DataFrame({
        "id_review": "AV-" + pd.Series(np.arange(1, len(chosen) + 1)).astype(str).str.zfill(5),
        "order_ref": chosen["order_no"],
        "review_date": reviewed.dt.strftime("%d/%m/%Y %H:%M"),
        "rate": stars,
        "review": pd.Series(stars).map(REVIEW_TEXTS),
        "firstname": person["first_name"],
        "lastname": person["last_name"].str[0] + ".",
        "order_date": chosen["ordered_at"].dt.strftime("%d/%m/%Y"),
    })
    return table, {"reviews": len(chosen), "review_stars_sum": int(stars.sum())}
