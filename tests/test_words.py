"""The catalogue of words and Babel's formats: plural forms, money in a currency, dates."""

from datetime import date, datetime

import pandas as pd
import pytest

import words
from words.format import day, days, money, number, percent, signed_percent


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("fr", 0, "0 commande"), ("fr", 1, "1 commande"), ("fr", 2, "2 commandes"),
    ("fr", 1234, "1\u202f234 commandes"), ("fr", 2_000_000, "2\u202f000\u202f000 commandes"),
    ("en", 0, "0 orders"), ("en", 1, "1 order"), ("en", 1234, "1,234 orders"),
])
def test_plural_forms_follow_babel_rules(lang, count, expected):
    assert words.text("n_orders", lang, count=count) == expected


def test_sentence_with_two_counts_composes_count_nouns():
    shown = words.text("demo_loaded", "fr", orders=words.text("n_orders", "fr", count=1),
                       customers=words.text("n_customers", "fr", count=3))
    assert shown == "Boutique de démonstration chargée : 1 commande, 3 clients."


def test_every_plural_entry_has_the_other_form_in_both_languages():
    plural = {key: pair for key, pair in words.STRINGS.items()
              if any(isinstance(half, dict) for half in pair)}
    assert "n_orders" in plural
    assert all(isinstance(half, dict) and "other" in half for pair in plural.values()
               for half in pair)


def test_default_lang_reads_the_environment(monkeypatch):
    monkeypatch.setenv("COMPTOIR_LANG", "en")
    assert words.default_lang() == "en"
    monkeypatch.setenv("COMPTOIR_LANG", "de")
    assert words.default_lang() == "fr"
    monkeypatch.delenv("COMPTOIR_LANG")
    assert words.default_lang() == "fr"


@pytest.mark.parametrize(("lang", "currency", "expected"), [
    ("fr", "EUR", "1\u202f234,56\u00a0€"),
    ("fr", "USD", "1\u202f234,56\u00a0$US"),
    ("en", "EUR", "€1,234.56"),
    ("en", "USD", "$1,234.56"),
])
def test_money_in_the_shops_currency(lang, currency, expected):
    assert money(1234.56, lang, currency=currency) == expected


def test_negative_and_whole_amounts():
    assert money(-773.74) == "-773,74\u00a0€"
    assert money(-773.74, "en") == "-€773.74"
    assert money(1500, decimals=0) == "1\u202f500\u00a0€"


def test_numbers_percentages_and_missing_values():
    assert number(1234567.4) == "1\u202f234\u202f567"
    assert number(3.25, 1, "en") == "3.2"
    assert percent(0.125) == "12,5\u00a0%"
    assert percent(0.125, "en", 0) == "12%"
    assert signed_percent(0.004) == "+0,4\u00a0%"
    assert signed_percent(-0.1, "en") == "-10.0%"
    assert money(None) == number(float("nan")) == day(pd.NaT) == "–"
    assert signed_percent(None) is None


def test_days_in_each_language():
    assert day(date(2024, 3, 5)) == "05/03/2024"
    assert day(datetime(2024, 3, 5, 18, 30), "en") == "2024-03-05"
    column = pd.Series(pd.to_datetime(["2024-03-05", None, "2024-03-05", "2023-12-31"]))
    assert days(column).tolist() == ["05/03/2024", "–", "05/03/2024", "31/12/2023"]
    assert days(column.iloc[:0]).tolist() == []
