"""Several currencies in one base: never a silent sum (DESIGN.md "Currency").

A hand-made shop: two EUR orders (100 and 50), two USD orders (30 and 20) and a USD credit note
(-10), all in the week of Monday 2024-01-08. EUR has most net revenue: the shop's currency.
"""

from __future__ import annotations

from datetime import date

import pytest

from metrics import currencies
from metrics.kpis import weekly_kpis
from store.currency import shop_currency, stored_currency
from tests.metrics.factories import insert_orders

WEEK = date(2024, 1, 8)


@pytest.fixture
def mixed(con):
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2024-01-08 10:00", "amount": 100.0},
        {"customer_id": 2, "ordered_at": "2024-01-09 10:00", "amount": 50.0},
        {"customer_id": 3, "ordered_at": "2024-01-10 10:00", "amount": 30.0},
        {"customer_id": 4, "ordered_at": "2024-01-11 10:00", "amount": 20.0},
        {"customer_id": 3, "ordered_at": "2024-01-12 10:00", "amount": -10.0,
         "status": "credit_note"},
    ])
    con.execute("update orders set currency = 'USD' where customer_id in (3, 4)")
    return con


def test_the_shop_currency_is_the_one_with_most_net_revenue(mixed):
    assert shop_currency(mixed) == "EUR"
    mixed.execute("update orders set amount = 500 where customer_id = 4")
    assert shop_currency(mixed) == "USD"


def test_an_empty_base_is_in_euros_but_has_no_stored_currency(con):
    assert shop_currency(con) == "EUR"
    assert stored_currency(con) is None


def test_orders_without_a_rate_are_in_no_figure_and_said(mixed):
    kpis = weekly_kpis(mixed, WEEK)["this_week"]
    assert kpis["revenue"] == 150.0  # 100 + 50: the USD orders and credit note are left out
    assert kpis["orders"] == 2
    assert kpis["customers"] == 2
    assert kpis["average_basket"] == 75.0
    left_out = currencies.uncounted(mixed)
    assert left_out.to_dict("records") == [{"currency": "USD", "orders": 2, "net_amount": 50.0}]
    assert currencies.uncounted_warning(left_out, "EUR") == (
        "2 commandes en USD ne sont pas comptées dans les chiffres : saisissez un taux de "
        "conversion en EUR sur la page Données.",
        "2 orders in USD are not counted in the figures: enter a conversion rate to EUR on the "
        "Data page.",
    )


def test_a_rate_converts_the_orders_and_their_credit_notes(mixed):
    currencies.set_rate(mixed, "usd", 0.9)
    kpis = weekly_kpis(mixed, WEEK)["this_week"]
    assert kpis["revenue"] == 186.0  # 150 + 0.9 × (30 + 20 − 10)
    assert kpis["orders"] == 4
    assert kpis["average_basket"] == 46.5  # 186 / 4
    assert currencies.uncounted(mixed).empty
    rates = currencies.rates(mixed)
    assert rates[["currency", "to_currency", "rate", "applied"]].to_dict("records") == [
        {"currency": "USD", "to_currency": "EUR", "rate": 0.9, "applied": True}]
    currencies.remove_rate(mixed, "USD")
    assert weekly_kpis(mixed, WEEK)["this_week"]["revenue"] == 150.0


def test_a_rate_to_a_former_shop_currency_waits(mixed):
    currencies.set_rate(mixed, "USD", 0.9)
    mixed.execute("update orders set amount = 1000 where customer_id = 4")  # now a USD shop
    assert shop_currency(mixed) == "USD"
    assert currencies.rates(mixed)["applied"].tolist() == [False]
    assert currencies.uncounted(mixed).to_dict("records") == [
        {"currency": "EUR", "orders": 2, "net_amount": 150.0}]
    assert weekly_kpis(mixed, WEEK)["this_week"]["revenue"] == 1020.0  # 30 + 1000 − 10


def test_several_currencies_are_named_in_one_sentence(mixed):
    mixed.execute("update orders set currency = 'GBP' where customer_id = 4")
    fr, en = currencies.uncounted_warning(currencies.uncounted(mixed), "EUR")
    assert fr.startswith("1 commande en GBP et 1 en USD ne sont pas comptées")
    assert en.startswith("1 order in GBP and 1 in USD are not counted")


@pytest.mark.parametrize(("code", "rate", "message"), [
    ("US", 0.9, "« US » n'est pas un code de devise : écrivez ses trois lettres, comme USD."),
    ("EUR", 1.0, "EUR est déjà la devise de la boutique : aucun taux n'est nécessaire."),
    ("USD", 0.0, "Le taux doit être plus grand que 0 (combien de EUR vaut 1 USD)."),
])
def test_an_unusable_rate_is_refused_in_words(mixed, code, rate, message):
    with pytest.raises(currencies.CurrencyRateError) as refused:
        currencies.set_rate(mixed, code, rate)
    assert refused.value.message("fr") == message
    assert currencies.rates(mixed).empty


def test_a_rate_whose_summary_cannot_be_refreshed_is_not_kept(mixed, monkeypatch):
    """The rate and the per-customer summary it changes are one transaction: the rate was written
    on a cursor of its own and stayed when the refresh failed."""
    def failing(cur, customer_ids=None):
        raise OSError("disk gone")

    monkeypatch.setattr(currencies.summary, "refresh", failing)
    with pytest.raises(OSError, match="disk gone"):
        currencies.set_rate(mixed, "USD", 0.9)

    assert mixed.execute("select count(*) from currency_rates").fetchone() == (0,)
