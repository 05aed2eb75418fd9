"""Deterministic demo shop: "Savonnerie du Marais", soaps and candles, web shop + boutique in Lyon.

Writes the two files a small French shop really has - the sales export of its till and web shop
(``ventes_boutique.csv``, one row per line item, Windows-1252, ``;``, decimal commas, title and
totals rows) and its hand-kept customer file (``clients.xlsx``, with Excel's damage) - and returns
the true figures, so every number the app shows on the demo can be checked against what the
generator knows. ``python -m sample_data.generate`` rewrites the files and the figures in README.md.

Customers follow a BG/NBD-like process (Fader, Hardie & Lee 2005, "Counting your customers the
easy way", Marketing Science 24(2), assumptions i-v): while alive a customer buys at a Poisson
rate lambda ~ Gamma(r, alpha) and drops out after each purchase with probability p ~ Beta(a, b).
Seasonality and the weekly pattern enter through a change of time scale: purchases are Poisson in
"demand time", the cumulative sum of the daily demand index, mapped back to calendar days.
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from sample_data import after_sale

SEED = 20261115
START = pd.Timestamp("2024-01-01")  # a Monday
END = pd.Timestamp("2026-11-15")  # a Sunday: the export covers 150 whole weeks
N_BUYERS = 3000
N_CONTACTS = 300  # newsletter sign-ups who never bought
FIXED_STAMP = pd.Timestamp("2026-11-16 08:00:00")  # workbook created/modified, zip entry times

SHOP = "Savonnerie du Marais"
CSV_NAME = "ventes_boutique.csv"
XLSX_NAME = "clients.xlsx"
README_START = "<!-- figures:start -->"
README_END = "<!-- figures:end -->"

CSV_HEADER = [
    "N° de commande", "Date", "Heure", "Canal", "Nom", "Prénom", "E-mail", "Téléphone",
    "Code postal", "Ville", "Article", "Référence", "Quantité", "Prix unitaire", "Montant TTC",
    "Remise", "Code promo", "Statut", "Montant remboursé",
]
# The web promo's codes: a customer's first web order, and the later ones.
WELCOME_CODE, THANKS_CODE = "BIENVENUE10", "MERCI10"
XLSX_HEADER = [
    "N° client", "Civilité", "Prénom", "Nom", "E-mail", "Téléphone", "Code postal", "Ville",
    "Date d'inscription", "Accepte les e-mails",
]
STATUS_FR = {
    "paid": "Payée", "refunded": "Remboursée", "partially_refunded": "Partiellement remboursée",
    "cancelled": "Annulée", "pending": "En attente",
}
NOTES = [
    "Fichier tenu à la main depuis l'ouverture de la boutique.",
    "Les inscrits du site et de la newsletter sont ajoutés chaque mois.",
    "Colonne « Accepte les e-mails » : oui / non, d'après le formulaire signé.",
    "À faire : relancer les inscrits de la newsletter avant Noël.",
]

# (SKU, article, price in cents, popularity, gift item)
CATALOGUE = [
    ("SAV-LAV-100", "Savon lavande", 650, 10.0, False),
    ("SAV-MIE-100", "Savon miel & avoine", 650, 7.0, False),
    ("SAV-ROS-100", "Savon rose de Damas", 720, 6.0, False),
    ("SAV-VER-100", "Savon verveine citronnée", 650, 6.0, False),
    ("SAV-CHE-100", "Savon au lait de chèvre", 750, 5.0, False),
    ("SAV-ALE-200", "Savon d'Alep", 890, 4.0, False),
    ("SAV-MAR-300", "Savon de Marseille cube 300 g", 590, 5.0, False),
    ("SAV-CHA-100", "Savon charbon & argile", 720, 3.5, False),
    ("SAV-ORA-100", "Savon fleur d'oranger", 690, 4.0, False),
    ("SAV-COE-080", "Savon cœur rose", 550, 3.0, True),
    ("SHP-ORT-080", "Shampoing solide ortie", 990, 4.0, False),
    ("SHP-APS-060", "Après-shampoing solide", 1050, 2.5, False),
    ("SOI-KAR-015", "Baume à lèvres karité", 550, 4.0, False),
    ("SOI-KAR-100", "Beurre de karité fouetté", 1490, 2.5, False),
    ("SOI-MON-050", "Huile sèche monoï", 1650, 2.0, False),
    ("BOU-FIG-180", "Bougie parfumée figue", 1800, 5.0, True),
    ("BOU-BOI-180", "Bougie parfumée feu de bois", 1800, 4.0, True),
    ("BOU-AMB-180", "Bougie parfumée ambre & vanille", 1950, 3.5, True),
    ("BOU-VOY-080", "Bougie de voyage", 950, 3.0, False),
    ("BOU-GRA-400", "Grande bougie trois mèches", 3400, 1.2, True),
    ("FON-CIR-006", "Fondants parfumés (6)", 850, 2.5, False),
    ("DIF-BAT-100", "Diffuseur à bâtonnets", 2490, 1.8, True),
    ("ACC-POR-OLI", "Porte-savon en bois d'olivier", 1200, 1.8, False),
    ("ACC-POC-LIN", "Pochette en lin", 450, 2.0, False),
    ("COF-DEC-001", "Coffret cadeau découverte", 3490, 2.0, True),
    ("COF-NOE-001", "Coffret de Noël", 4990, 1.0, True),
    ("CAR-CAD-025", "Carte cadeau 25 €", 2500, 0.8, True),
    ("CAR-CAD-050", "Carte cadeau 50 €", 5000, 0.4, True),
]
GIFT_CARDS = {"CAR-CAD-025", "CAR-CAD-050"}  # never discounted

FEMALE_FIRST = """Marie Camille Léa Chloé Manon Emma Inès Sarah Julie Laura Claire Sophie Nathalie
Isabelle Sylvie Catherine Valérie Christine Sandrine Stéphanie Céline Aurélie Émilie Élodie
Caroline Virginie Hélène Anne Agnès Béatrice Cécile Mélanie Anaïs Noémie Zoé Louise Jeanne Alice
Juliette Margaux Pauline Charlotte Lucie Mathilde Océane Maëlle Gaëlle Clémence Lætitia Françoise
Monique Martine Brigitte Geneviève Danièle Florence Laurence Amandine Solène Eugénie""".split()
MALE_FIRST = """Thomas Nicolas Julien Maxime Alexandre Antoine Pierre Jean Philippe Michel Alain
Patrick Christophe Stéphane Laurent Sébastien Frédéric Olivier Éric David Vincent François Jérôme
Guillaume Benoît Clément Hugo Lucas Louis Raphaël Gabriel Théo Mathis Loïc Joël Hervé Thierry
Bruno Jean-Pierre Bastien""".split()
LAST_NAMES = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont
Lambert Bonnet Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas
Perrin Morin Mathieu Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen
Boyer Denis Lemaire Duval Joly Roger Roche Roy Noël Meyer Lucas Meunier Pérez Marchand Dufour
Blanchard Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Renard Arnaud Rolland Caron
Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Lacroix Fabre Dupuis Olivier
Rodriguez Hubert Rivière Guillaume Berger Lecomte Ménard Fleury Deschamps Carpentier Maillard
Aubry Prévost Poirier Charpentier Huet Dupuy Carré Rémy Perrot Guyot Marty Bouvier Chabert Vial
Perret Girod Berthet Bonnard Ravier Teyssier Jacquemet Haddad Benali Ferreira Cohen Kaya
Da_Silva Le_Gall N'Diaye Bénard Crozet Pélissier Thévenet Gonnet""".split()
LAST_NAMES = [name.replace("_", " ") for name in LAST_NAMES]
EMAIL_DOMAINS = ["gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net", "wanadoo.fr",
                 "sfr.fr", "yahoo.fr", "outlook.fr", "icloud.com"]
EMAIL_DOMAIN_SHARE = [0.34, 0.16, 0.1, 0.1, 0.06, 0.06, 0.05, 0.05, 0.05, 0.03]

# (postcode, city, share among Lyon-area customers, share among customers elsewhere)
PLACES = [
    ("69001", "Lyon", 7, 0), ("69002", "Lyon", 7, 0), ("69003", "Lyon", 11, 0),
    ("69004", "Lyon", 9, 0), ("69005", "Lyon", 6, 0), ("69006", "Lyon", 9, 0),
    ("69007", "Lyon", 10, 0), ("69008", "Lyon", 6, 0), ("69009", "Lyon", 5, 0),
    ("69100", "Villeurbanne", 9, 0), ("69300", "Caluire-et-Cuire", 3, 0), ("69130", "Écully", 2, 0),
    ("69500", "Bron", 2, 0), ("69200", "Vénissieux", 2, 0), ("69600", "Oullins", 2, 0),
    ("69110", "Sainte-Foy-lès-Lyon", 2, 0), ("69160", "Tassin-la-Demi-Lune", 2, 0),
    ("69400", "Villefranche-sur-Saône", 2, 0), ("01000", "Bourg-en-Bresse", 1.5, 3),
    ("01700", "Miribel", 1.5, 1), ("01600", "Trévoux", 1, 1), ("38200", "Vienne", 1, 2),
    ("75011", "Paris", 0, 10), ("75015", "Paris", 0, 8), ("75018", "Paris", 0, 6),
    ("13006", "Marseille", 0, 6), ("33000", "Bordeaux", 0, 6), ("31000", "Toulouse", 0, 5),
    ("44000", "Nantes", 0, 5), ("67000", "Strasbourg", 0, 4), ("59000", "Lille", 0, 5),
    ("38000", "Grenoble", 0, 7), ("42000", "Saint-Étienne", 0, 6), ("06000", "Nice", 0, 4),
    ("74000", "Annecy", 0, 5), ("73000", "Chambéry", 0, 4), ("26000", "Valence", 0, 3),
    ("35000", "Rennes", 0, 3), ("34000", "Montpellier", 0, 4), ("21000", "Dijon", 0, 3),
    ("63000", "Clermont-Ferrand", 0, 3), ("07000", "Privas", 0, 1), ("03100", "Montluçon", 0, 1),
    ("05000", "Gap", 0, 1), ("29200", "Brest", 0, 2), ("64200", "Biarritz", 0, 1),
]

# French sales periods ("soldes", fixed by decree) and Mother's Day (last Sunday of May).
SOLDES = [("2024-01-10", "2024-02-06"), ("2024-06-26", "2024-07-23"),
          ("2025-01-08", "2025-02-04"), ("2025-06-25", "2025-07-22"),
          ("2026-01-07", "2026-02-03"), ("2026-06-24", "2026-07-21")]
MOTHERS_DAYS = ["2024-05-26", "2025-05-25", "2026-05-31"]
BOUTIQUE_CLOSED = {(1, 1), (5, 1), (12, 25)}  # month, day; and every Monday

WEB_WEEKDAY = np.array([1.0, 1.0, 0.95, 0.95, 0.9, 0.9, 1.25])  # Monday .. Sunday
BOUTIQUE_WEEKDAY = np.array([0.0, 0.7, 0.9, 0.8, 1.1, 2.2, 1.3])  # closed Mondays
BOUTIQUE_HOURS = np.array([[600, 1140]] * 6 + [[600, 780]])  # minutes: 10-19h, Sunday 10-13h
WEB_HOURS = np.array([0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1.1, 1.2, 1.2, 1.3, 1.3,
                      1.2, 1.2, 1.2, 1.3, 1.5, 1.8, 2.1, 2.2, 1.6, 0.8])

# Customer mix: affinity to the boutique (0 = web only) and share of customers.
BOUTIQUE_AFFINITY = np.array([0.0, 0.15, 0.5, 0.85, 1.0])
AFFINITY_SHARE = np.array([0.70, 0.09, 0.06, 0.06, 0.09])
# BG/NBD heterogeneity: lambda ~ Gamma(r, 1/alpha) per day, p ~ Beta(a, b).
R, ALPHA = 0.9, 165.0
A, B = 1.1, 1.9
MAX_PURCHASES = 80
BIG_SPENDERS = 25



def season_index(days: pd.DatetimeIndex) -> np.ndarray:
    """Relative demand per calendar day before the weekly pattern (1 = an ordinary day)."""
    md = days.month * 100 + days.day
    index = np.ones(len(days))
    index[days.month == 7] = 0.8
    index[days.month == 8] = 0.6
    index[(md >= 1120) & (md <= 1130)] = 1.8
    index[(md >= 1201) & (md <= 1224)] = 2.6
    index[md >= 1225] = 0.9
    for first, last in SOLDES:
        index[(days >= first) & (days <= last)] = 1.4
        index[(days >= first) & (days < pd.Timestamp(first) + pd.Timedelta(days=5))] = 1.8
    for sunday in MOTHERS_DAYS:
        index[(days > pd.Timestamp(sunday) - pd.Timedelta(days=10)) & (days <= sunday)] = 1.7
    return index


def calendar() -> pd.DataFrame:
    """One row per day: web and boutique demand (each scaled to mean 1), soldes, gift season, and
    the growth of the shop (new customers per day more than double over the period)."""
    days = pd.date_range(START, END, freq="D")
    season = season_index(days)
    weekday = days.day_of_week.to_numpy()
    closed = np.isin(days.month * 100 + days.day, [m * 100 + d for m, d in BOUTIQUE_CLOSED])
    web = season * WEB_WEEKDAY[weekday]
    boutique = season * BOUTIQUE_WEEKDAY[weekday] * ~closed
    soldes = np.zeros(len(days), dtype=bool)
    for first, last in SOLDES:
        soldes |= (days >= first) & (days <= last)
    return pd.DataFrame({
        "weekday": weekday, "web": web / web.mean(), "boutique": boutique / boutique.mean(),
        "soldes": soldes, "gift_season": (season >= 1.7) & ~soldes,
        "growth": np.linspace(1.0, 2.2, len(days)),
    }, index=days)


def _ascii(names: list[str]) -> np.ndarray:
    """Names as they go into an email address: no accents, spaces or apostrophes, lower case."""
    folded = (pd.Series(names).str.replace("œ", "oe").str.replace("æ", "ae")
              .str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii"))
    return folded.str.lower().str.replace(r"[ ']", "", regex=True).to_numpy(dtype=object)


def people(rng: np.random.Generator, lyon_share: np.ndarray) -> pd.DataFrame:
    """One identity per entry of lyon_share (its P(lives near Lyon)); (first, last) names unique."""
    n = len(lyon_share)
    first_names = np.array(FEMALE_FIRST + MALE_FIRST, dtype=object)
    n_female, n_last = len(FEMALE_FIRST) * len(LAST_NAMES), len(LAST_NAMES)
    female = rng.random(n) < 0.72
    pair = np.empty(n, dtype=np.int64)
    pair[female] = rng.choice(n_female, size=female.sum(), replace=False)
    pair[~female] = n_female + rng.choice(len(MALE_FIRST) * n_last, size=(~female).sum(),
                                          replace=False)
    first_i, last_i = np.divmod(pair, n_last)
    first_a = pd.Series(_ascii(list(first_names))[first_i], dtype=str)
    last_a = pd.Series(_ascii(LAST_NAMES)[last_i], dtype=str)

    pattern = rng.choice(5, size=n, p=[0.45, 0.1, 0.15, 0.15, 0.15])
    year = pd.Series(rng.integers(50, 100, size=n), dtype=str)
    local = pd.Series(np.select(
        [pattern == 0, pattern == 1, pattern == 2, pattern == 3],
        [first_a + "." + last_a, first_a + last_a, first_a.str[0] + "." + last_a,
         first_a + "." + last_a + year],
        default=last_a + "." + first_a), dtype=str)
    domain = pd.Series(rng.choice(EMAIL_DOMAINS, size=n, p=EMAIL_DOMAIN_SHARE), dtype=str)
    homonym = (local + "@" + domain).groupby(local + "@" + domain).cumcount()
    local = local.where(homonym == 0, local + (homonym + 1).astype(str))

    prefix = rng.choice(["06", "07", "04"], size=n, p=[0.6, 0.25, 0.15])
    number = pd.Series(rng.choice(10**8, size=n, replace=False), dtype=str).str.zfill(8)
    near = np.array([p[2] for p in PLACES], dtype=float)
    away = np.array([p[3] for p in PLACES], dtype=float)
    place = np.where(rng.random(n) < lyon_share,
                     rng.choice(len(PLACES), size=n, p=near / near.sum()),
                     rng.choice(len(PLACES), size=n, p=away / away.sum()))
    return pd.DataFrame({
        "civility": np.where(female, "Mme", "M."),
        "first_name": first_names[first_i],
        "last_name": np.array(LAST_NAMES, dtype=object)[last_i],
        "email": (local + "@" + domain).to_numpy(dtype=object),
        "phone": (prefix + number).to_numpy(dtype=object),
        "postcode": np.array([p[0] for p in PLACES], dtype=object)[place],
        "city": np.array([p[1] for p in PLACES], dtype=object)[place],
    })


def buyers(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Per buyer: boutique affinity, BG/NBD rate and dropout, basket habits, what they disclose."""
    affinity = BOUTIQUE_AFFINITY[rng.choice(len(BOUTIQUE_AFFINITY), size=n, p=AFFINITY_SHARE)]
    big = np.zeros(n, dtype=bool)
    big[rng.choice(n, size=BIG_SPENDERS, replace=False)] = True
    rate = rng.gamma(R, 1 / ALPHA, size=n)
    dropout = rng.beta(A, B, size=n)
    return pd.DataFrame({
        "affinity": affinity,
        "big_spender": big,
        "rate": np.where(big, np.maximum(rate, 1 / 60), rate),
        "dropout": np.where(big, 0.03, dropout),
        "basket": np.where(big, 0.85, rng.beta(1.0, 6.0, size=n)),
        "has_email": (affinity < 1) | (rng.random(n) < 0.5),
        "has_phone": rng.random(n) < 0.85,
    })


def purchase_days(rng: np.random.Generator, cal: pd.DataFrame, who: pd.DataFrame) -> pd.DataFrame:
    """Orders of every buyer as (buyer, day, boutique?) by the BG/NBD process in demand time.

    A buyer with boutique affinity b sees the daily demand d(t) = (1-b) web(t) + b boutique(t).
    Purchases are Poisson(rate) in demand time D(t) = integral of d, so calendar gaps shrink in
    December and vanish on closed days; after each purchase the buyer drops out with probability
    ``dropout`` (FHL 2005, assumptions iii-iv), so the count before dropout is geometric.
    """
    n_days, n = len(cal), len(who)
    edges = np.arange(n_days + 1, dtype=float)
    affinity = who["affinity"].to_numpy()
    groups = np.unique(affinity)
    demand_time = {b: np.concatenate([[0.0], np.cumsum((1 - b) * cal["web"] + b * cal["boutique"])])
                   for b in groups}
    start = np.empty(n)
    for b in groups:
        members = affinity == b
        weight = cal["growth"].to_numpy() * np.diff(demand_time[b])
        first = rng.choice(n_days, size=members.sum(), p=weight / weight.sum())
        start[members] = np.interp(first + rng.random(members.sum()), edges, demand_time[b])

    count = np.minimum(rng.geometric(who["dropout"].to_numpy()), MAX_PURCHASES)
    buyer = np.repeat(np.arange(n), count)
    first_row = np.cumsum(count) - count
    gap = rng.exponential(1 / who["rate"].to_numpy()[buyer])
    gap[first_row] = start
    running = np.cumsum(gap)
    when = running - np.repeat(running[first_row] - start, count)
    keep = when < n_days
    buyer, when = buyer[keep], when[keep]
    day = np.empty(len(buyer), dtype=np.int64)
    for b in groups:
        rows = affinity[buyer] == b
        day[rows] = np.interp(when[rows], demand_time[b], edges).astype(np.int64)
    day = np.minimum(day, n_days - 1)
    b = affinity[buyer]
    in_shop = b * cal["boutique"].to_numpy()[day]
    boutique = rng.random(len(day)) * (in_shop + (1 - b) * cal["web"].to_numpy()[day]) < in_shop
    return pd.DataFrame({"buyer": buyer, "day": day, "boutique": boutique})


def anonymous_days(rng: np.random.Generator, cal: pd.DataFrame, n_boutique: int) -> pd.DataFrame:
    """Till sales with no name at all: about 5% of the boutique's orders."""
    n = round(n_boutique * 5 / 95)
    weight = (cal["growth"] * cal["boutique"]).to_numpy()
    day = rng.choice(len(cal), size=n, p=weight / weight.sum())
    return pd.DataFrame({"buyer": -1, "day": day, "boutique": True})


def clock(rng: np.random.Generator, weekday: np.ndarray, boutique: np.ndarray) -> np.ndarray:
    """Minute of the day: opening hours in the boutique, evenings on the web."""
    hours = BOUTIQUE_HOURS[weekday]
    in_shop = hours[:, 0] + ((hours[:, 1] - hours[:, 0]) * rng.beta(2.2, 1.8, len(weekday)))
    online = 60 * rng.choice(24, size=len(weekday), p=WEB_HOURS / WEB_HOURS.sum())
    online = online + rng.integers(0, 60, size=len(weekday))
    return np.where(boutique, in_shop.astype(np.int64), online)


def orders_table(rng: np.random.Generator, cal: pd.DataFrame, who: pd.DataFrame) -> pd.DataFrame:
    """Every order in time order with its number (W-/B-), timestamp and channel."""
    known = purchase_days(rng, cal, who)
    orders = pd.concat([known, anonymous_days(rng, cal, int(known["boutique"].sum()))],
                       ignore_index=True)
    weekday = cal["weekday"].to_numpy()[orders["day"]]
    minute = clock(rng, weekday, orders["boutique"].to_numpy())
    orders["ordered_at"] = (START + pd.to_timedelta(orders["day"], unit="D")
                            + pd.to_timedelta(minute, unit="min"))
    orders = orders.sort_values(["ordered_at", "buyer"], kind="stable", ignore_index=True)
    sequence = orders.groupby("boutique").cumcount() + 1
    orders["order_no"] = (np.where(orders["boutique"], "B-", "W-")
                          + sequence.astype(str).str.zfill(6))
    return orders


def order_lines(rng: np.random.Generator, cal: pd.DataFrame, orders: pd.DataFrame,
                who: pd.DataFrame) -> pd.DataFrame:
    """1-4 distinct articles per order (weighted sampling without replacement by Gumbel top-k).

    Gifts sell more before Christmas and Mother's Day, big spenders lean to dear items; soldes
    take 20-30% off some lines, a web promo code 10% off a whole order (``promo``: the order used
    it; in soldes the soldes' discount applies instead and no code is taken).
    """
    n_orders = len(orders)
    known = orders["buyer"].to_numpy() >= 0
    buyer = np.where(known, orders["buyer"].to_numpy(), 0)
    big = known & who["big_spender"].to_numpy()[buyer]
    basket = np.where(known, who["basket"].to_numpy()[buyer], 0.2)
    n_lines = 1 + rng.binomial(3, basket)

    price = np.array([c[2] for c in CATALOGUE])
    gift = np.array([c[4] for c in CATALOGUE])
    gift_season = cal["gift_season"].to_numpy()[orders["day"]]
    score = (np.log([c[3] for c in CATALOGUE])[None, :]
             + 1.2 * np.outer(gift_season, gift)
             + 0.8 * np.outer(big, np.log(price / price.mean()))
             + rng.gumbel(size=(n_orders, len(CATALOGUE))))
    ranked = np.argsort(-score, axis=1)
    taken = np.arange(len(CATALOGUE))[None, :] < n_lines[:, None]
    product = ranked[taken]
    order = np.repeat(np.arange(n_orders), n_lines)
    line_number = np.nonzero(taken)[1] + 1

    quantity = 1 + rng.binomial(2, np.where(big[order], 0.55, 0.12))
    soldes = cal["soldes"].to_numpy()[orders["day"]][order]
    promo = (~orders["boutique"].to_numpy() & (rng.random(n_orders) < 0.07))[order]
    percent = np.where(soldes, rng.choice([0, 20, 30], size=len(order), p=[0.5, 0.3, 0.2]),
                       np.where(promo, 10, 0))
    skus = np.array([c[0] for c in CATALOGUE], dtype=object)
    percent = np.where(np.isin(skus[product], list(GIFT_CARDS)), 0, percent)
    gross = quantity * price[product]
    discount = (gross * percent + 50) // 100
    return pd.DataFrame({
        "order": order, "line_number": line_number, "sku": skus[product],
        "article": np.array([c[1] for c in CATALOGUE], dtype=object)[product],
        "quantity": quantity, "unit_price": price[product], "discount": discount,
        "amount": gross - discount, "promo": promo & ~soldes,
    })


def settle(rng: np.random.Generator, cal: pd.DataFrame, orders: pd.DataFrame,
           lines: pd.DataFrame) -> pd.DataFrame:
    """Order amount, status and refunded amount (cents): ~2% refunds, ~1% cancelled web orders,
    and half the web orders of the last weekend still pending."""
    n = len(orders)
    web = ~orders["boutique"].to_numpy()
    amount = lines.groupby("order")["amount"].sum().to_numpy()
    last_line = lines.groupby("order")["amount"].last().to_numpy()
    n_lines = lines.groupby("order").size().to_numpy()
    pending = web & (orders["day"].to_numpy() >= len(cal) - 2) & (rng.random(n) < 0.5)
    cancelled = web & ~pending & (rng.random(n) < 0.014)
    refund = ~pending & ~cancelled & (rng.random(n) < 0.022)
    full = refund & (rng.random(n) < 0.55)
    partial = refund & ~full
    status = np.select([pending, cancelled, full, partial],
                       ["pending", "cancelled", "refunded", "partially_refunded"], default="paid")
    partial_amount = np.where(n_lines >= 2, last_line, (amount * 30 + 50) // 100)
    return orders.assign(amount=amount, status=status,
                         refunded=np.select([full, partial], [amount, partial_amount], default=0))


def phone_text(digits: pd.Series, style: np.ndarray) -> pd.Series:
    """A 10-digit French number as people type it: 06 12 34 56 78, 0612345678, +33 6 12 34 56 78."""
    pairs = digits.str[2:4] + " " + digits.str[4:6] + " " + digits.str[6:8] + " " + digits.str[8:10]
    spaced = digits.str[0:2] + " " + pairs
    international = "+33 " + digits.str[1:2] + " " + pairs
    return spaced.where(style == 0, digits.where(style == 1, international))


def messy_email(email: pd.Series, style: np.ndarray) -> pd.Series:
    """The same address typed carelessly: capitals and stray spaces, as matching must forgive."""
    local, domain = email.str.split("@").str[0], email.str.split("@").str[1]
    titled = "  " + local.str.title() + "@" + domain.str.capitalize()
    return titled.where(style == 0, email.str.upper().where(style == 1, email + "  "))


def euros(cents: pd.Series) -> pd.Series:
    """Cents as French decimal text: 3490 -> '34,90'."""
    return (cents // 100).astype(str) + "," + (cents % 100).astype(str).str.zfill(2)


def euros_grouped(cents: int) -> str:
    """A total as French Excel shows it, with a no-break space between thousands: '1 234,56'."""
    return f"{cents // 100:,}".replace(",", "\u00a0") + f",{cents % 100:02d}"


def sales_rows(rng: np.random.Generator, orders: pd.DataFrame, lines: pd.DataFrame,
               who: pd.DataFrame, ident: pd.DataFrame) -> pd.DataFrame:
    """The export's rows (all text), with what each channel records about the customer.

    The web shop always has the email and address; the till sometimes an email, usually a name
    (typed in capitals) with a postcode or a phone; anonymous till sales have nothing. A dozen
    customers type their email carelessly on every web order after their first.
    """
    n = len(orders)
    known = orders["buyer"].to_numpy() >= 0
    buyer = np.where(known, orders["buyer"].to_numpy(), 0)
    boutique = orders["boutique"].to_numpy()
    person = ident.iloc[buyer].reset_index(drop=True)
    has_email = who["has_email"].to_numpy()[buyer]
    has_phone = who["has_phone"].to_numpy()[buyer]

    show_email = known & has_email & (~boutique | (rng.random(n) < 0.3))
    show_phone = known & has_phone & (rng.random(n) < np.where(boutique, 0.55, 0.9))
    show_place = known & (~boutique | ~show_phone | (rng.random(n) < 0.5))
    web_buyer = pd.Series(np.where(known & ~boutique, buyer, -1))
    repeat_web = ((web_buyer >= 0) & web_buyer.duplicated()).to_numpy()
    careless = rng.choice(np.unique(buyer[repeat_web]), size=12, replace=False)
    email = person["email"].where(~(np.isin(buyer, careless) & repeat_web),
                                  messy_email(person["email"], rng.integers(0, 3, size=n)))
    last_name = person["last_name"].where(~boutique, person["last_name"].str.upper())

    order_text = pd.DataFrame({
        "N° de commande": orders["order_no"],
        "Date": orders["ordered_at"].dt.strftime("%d/%m/%Y"),
        "Heure": orders["ordered_at"].dt.strftime("%H:%M"),
        "Canal": np.where(boutique, "Boutique", "Web"),
        "Nom": last_name.where(known, ""),
        "Prénom": person["first_name"].where(known, ""),
        "E-mail": email.where(show_email, ""),
        "Téléphone": phone_text(person["phone"], rng.choice(3, size=n, p=[0.5, 0.3, 0.2]))
                     .where(show_phone, ""),
        "Code postal": person["postcode"].where(show_place, ""),
        "Ville": person["city"].where(show_place, ""),
        "Statut": orders["status"].map(STATUS_FR),
        "refunded": euros(orders["refunded"]).where(orders["refunded"] > 0, ""),
    })
    rows = order_text.iloc[lines["order"]].reset_index(drop=True)
    rows["Article"] = lines["article"].to_numpy()
    rows["Référence"] = lines["sku"].to_numpy()
    rows["Quantité"] = lines["quantity"].astype(str).to_numpy()
    rows["Prix unitaire"] = euros(lines["unit_price"]).to_numpy()
    rows["Montant TTC"] = euros(lines["amount"]).to_numpy()
    rows["Remise"] = euros(lines["discount"]).where(lines["discount"] > 0, "").to_numpy()
    code = np.where(repeat_web, THANKS_CODE, WELCOME_CODE)[lines["order"]]
    rows["Code promo"] = np.where(lines["promo"].to_numpy(), code, "")
    rows["Montant remboursé"] = rows["refunded"].where(lines["line_number"].to_numpy() == 1, "")
    return rows[CSV_HEADER]


def sales_csv(rows: pd.DataFrame, total_cents: int) -> bytes:
    """The export as Excel saves "CSV (séparateur : point-virgule)": cp1252, CRLF, title, totals."""
    title = (f"Export des ventes - {SHOP} - du {START:%d/%m/%Y} au {END:%d/%m/%Y}")
    totals = ["TOTAL"] + [""] * (len(CSV_HEADER) - 1)
    totals[CSV_HEADER.index("Montant TTC")] = euros_grouped(total_cents)
    body = rows.to_csv(sep=";", index=False, lineterminator="\r\n")
    return (title + "\r\n\r\n" + body + ";".join(totals) + "\r\n").encode("cp1252")


def customer_file(rng: np.random.Generator, cal: pd.DataFrame, orders: pd.DataFrame,
                  who: pd.DataFrame, ident: pd.DataFrame) -> pd.DataFrame:
    """The hand-kept "fichier clients": most buyers with an email plus newsletter sign-ups.

    Excel has eaten leading zeros: postcodes are numbers, and so are ~30% of phone numbers.
    """
    n_buyers, n = len(who), len(ident)
    first_order = orders[orders["buyer"] >= 0].groupby("buyer")["day"].min()
    weight = (cal["growth"] * cal["web"]).to_numpy()
    signup = np.concatenate([
        np.maximum(first_order.to_numpy()
                   - (rng.random(n_buyers) < 0.25) * rng.integers(1, 120, size=n_buyers), 0),
        rng.choice(len(cal), size=n - n_buyers, p=weight / weight.sum()),
    ])
    contact = np.arange(n) >= n_buyers
    listed = contact | (np.concatenate([who["has_email"], np.zeros(n - n_buyers, bool)])
                        & (rng.random(n) < 0.85))
    has_phone = np.concatenate([who["has_phone"], rng.random(n - n_buyers) < 0.25])
    has_place = ~contact | (rng.random(n) < 0.5)
    phone_style = rng.choice(4, size=n, p=[0.3, 0.35, 0.25, 0.1])  # 0: stored as a number
    phone = phone_text(ident["phone"], phone_style - 1).astype(object)
    phone = phone.where(phone_style > 0, ident["phone"].astype(np.int64))
    consent = rng.random(n) < np.where(contact, 0.85, 0.53)

    table = pd.DataFrame({
        "Civilité": ident["civility"].where(~contact | (rng.random(n) < 0.6)),
        "Prénom": ident["first_name"],
        "Nom": ident["last_name"].where(~contact | (rng.random(n) < 0.7)),
        "E-mail": ident["email"],
        "Téléphone": phone.where(has_phone),
        "Code postal": ident["postcode"].astype(np.int64).astype(object).where(has_place),
        "Ville": ident["city"].where(has_place),
        "Date d'inscription": START + pd.to_timedelta(signup, unit="D"),
        "Accepte les e-mails": np.where(consent, "oui", "non"),
    })[listed]
    table = table.sort_values("Date d'inscription", kind="stable", ignore_index=True)
    table["N° client"] = np.arange(1, len(table) + 1)
    return table[XLSX_HEADER]


def stable_xlsx(data: bytes) -> bytes:
    """Rewrite a workbook with fixed zip entry times and modified date: same cells, same bytes."""
    stamp = f"{FIXED_STAMP:%Y-%m-%dT%H:%M:%SZ}".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            fixed = zipfile.ZipInfo(info.filename, FIXED_STAMP.timetuple()[:6])
            dst.writestr(fixed, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def customer_xlsx(table: pd.DataFrame) -> bytes:
    """Sheet "Clients" (title row, blank row, header, data) and a small "Notes" sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        writer._datetime_format = "DD/MM/YYYY"  # the engine drops the argument: pandas #44284
        table.to_excel(writer, sheet_name="Clients", index=False, startrow=2)
        writer.sheets["Clients"]["A1"] = f"Fichier clients - {SHOP}"
        notes = writer.book.create_sheet("Notes")
        for row, text in enumerate(NOTES, start=1):
            notes.cell(row=row, column=1, value=text)
        writer.book.properties.creator = SHOP
        writer.book.properties.created = FIXED_STAMP.to_pydatetime()
    return stable_xlsx(buffer.getvalue())


def figures(orders: pd.DataFrame, lines: pd.DataFrame, contacts: int) -> dict[str, int | Decimal]:
    """The true figures, with the definitions of DESIGN.md (valid order, net amount, customer)."""
    net = orders["amount"] - orders["refunded"]
    valid = orders["status"].isin(["paid", "partially_refunded"]) & (net > 0)
    per_buyer = orders.loc[valid & (orders["buyer"] >= 0), "buyer"].value_counts()
    return {
        "customers": int(len(per_buyer)),
        "repeat_customers": int((per_buyer >= 2).sum()),
        "orders": int(len(orders)),
        "valid_orders": int(valid.sum()),
        "web_orders": int((~orders["boutique"]).sum()),
        "boutique_orders": int(orders["boutique"].sum()),
        "anonymous_orders": int((orders["buyer"] < 0).sum()),
        "order_lines": int(len(lines)),
        "net_revenue": Decimal(int(net[valid].sum())) / 100,
        "refunded_orders": int(orders["status"].isin(["refunded", "partially_refunded"]).sum()),
        "refunds": Decimal(int(orders["refunded"].sum())) / 100,
        "cancelled_orders": int((orders["status"] == "cancelled").sum()),
        "pending_orders": int((orders["status"] == "pending").sum()),
        "contacts": contacts,
        "contacts_never_bought": N_CONTACTS,
    }


FIGURE_LABELS = {
    "customers": "Customers: people with at least one valid order",
    "repeat_customers": "Repeat customers: two valid orders or more",
    "orders": "Orders in the export, all statuses",
    "valid_orders": "Valid orders: paid or partially refunded, net amount > 0",
    "web_orders": "Web orders (`W-`)",
    "boutique_orders": "Boutique orders (`B-`)",
    "anonymous_orders": "Anonymous boutique orders (no name, e-mail or phone)",
    "order_lines": "Line items (data rows of the CSV)",
    "net_revenue": "Net revenue of valid orders, EUR (amount - refunded)",
    "refunded_orders": "Refunded orders, full or partial",
    "refunds": "Refunded amount over all orders, EUR",
    "cancelled_orders": "Cancelled orders",
    "pending_orders": "Pending orders",
    "contacts": "Rows of `clients.xlsx`",
    "contacts_never_bought": "of which newsletter contacts who never bought",
    "survey_answers": "Answers to the NPS survey (`enquete_satisfaction.csv`)",
    "promoters": "of which promoters (9-10)",
    "promoters_again": "promoters who bought again after answering",
    "passives": "of which passives (7-8)",
    "passives_again": "passives who bought again after answering",
    "detractors": "of which detractors (0-6)",
    "detractors_again": "detractors who bought again after answering",
    "tickets": "After-sales tickets (`sav.csv`)",
    "tickets_open": "of which still open",
    "tickets_open_again": "open tickets whose customer bought again after opening it",
    "tickets_resolved_again": "resolved tickets whose customer bought again after opening it",
    "reviews": "Reviews (`avis_verifies.csv`)",
    "review_stars_sum": "Sum of their stars (1-5)",
}


def figures_table(result: dict[str, int | Decimal]) -> str:
    """The true figures as the Markdown table kept in README.md."""
    rows = [f"| {FIGURE_LABELS[key]} | {result[key]} |" for key in FIGURE_LABELS]
    return "\n".join(["| Figure | True value |", "|---|---:|", *rows]) + "\n"


def generate(out_dir: Path) -> dict[str, int | Decimal]:
    """Write ventes_boutique.csv, clients.xlsx and the after-sale files (sample_data/after_sale.py)
    into out_dir; return the true figures."""
    rng = np.random.default_rng(SEED)
    cal = calendar()
    who = buyers(rng, N_BUYERS)
    ident = people(rng, np.concatenate([0.5 + 0.45 * who["affinity"].to_numpy(),
                                        np.full(N_CONTACTS, 0.5)]))
    orders = orders_table(rng, cal, who)
    lines = order_lines(rng, cal, orders, who)
    orders = settle(rng, cal, orders, lines)
    rows = sales_rows(rng, orders, lines, who, ident)
    table = customer_file(rng, cal, orders, who, ident)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / CSV_NAME).write_bytes(sales_csv(rows, int(lines["amount"].sum())))
    (out_dir / XLSX_NAME).write_bytes(customer_xlsx(table))
    return figures(orders, lines, len(table)) | after_sale.write(out_dir, orders, who, ident, END)


def main() -> None:
    """Rewrite the demo files next to this module and the figures table of its README."""
    argparse.ArgumentParser(
        prog="python -m sample_data.generate",
        description="Rewrite the demo shop's files and the figures table of sample_data/README.md "
                    "(deterministic: the same bytes every time).").parse_args()
    here = Path(__file__).resolve().parent
    table = figures_table(generate(here))
    readme = here / "README.md"
    head, rest = readme.read_text(encoding="utf-8").split(README_START)
    tail = rest.split(README_END)[1]
    readme.write_text(f"{head}{README_START}\n{table}{README_END}{tail}", encoding="utf-8")
    print(table, end="")


if __name__ == "__main__":
    main()
