"""Channels, cohorts by first order, the gaps between orders and the period KPIs on the
hand-computed shop of channels_shop.py: every expected figure is worked out in the comments."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given

import store
from metrics.channels import both_channels, channel_customers, channel_figures
from metrics.cli import main
from metrics.first_cohorts import FirstCohortOptionError, discount_codes_seen, first_cohorts
from metrics.kpis import UnknownKpiPeriodError, compared_periods, period_kpis
from metrics.repeat import days_between_orders, order_gaps
from tests.metrics.channels_shop import AS_OF, insert_channels_shop
from tests.metrics.factories import clear_orders, insert_orders, order_rows, property_settings


@pytest.fixture
def shop(con):
    insert_channels_shop(con)
    return con


def check(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    pdt.assert_frame_equal(actual.reset_index(drop=True), expected, check_dtype=False,
                           atol=0.005)


def test_channel_figures(shop):
    # web: orders 1, 3, 6, 7, 8, 10, 12 = 290 over 7 orders; customers 1, 3, 4, 5, 6.
    # shop: orders 2, 4, 5, 9 and the anonymous 13 = 100 over 5; customers 1, 2, 5.
    expected = pd.DataFrame({
        "channel": ["web", "shop"], "orders": [7, 5], "customers": [5, 3],
        "revenue": [290.0, 100.0], "revenue_share": [290 / 390, 100 / 390],
        "average_basket": [41.43, 20.0],
    })
    check(channel_figures(shop, AS_OF), expected)


def test_customers_by_channel_use(shop):
    # web only 3, 4, 6: orders (1 + 2 + 1) / 3, spend (60 + 60 + 45) / 3 = 55, median 60, one
    # repeat customer (4, 60). Shop only 2. Both: 1 (120) and 5 (50), by definition repeat.
    expected = pd.DataFrame({
        "channel_use": ["web_only", "shop_only", "both"],
        "customers": [3, 1, 2], "share": [0.5, 1 / 6, 1 / 3],
        "orders_per_customer": [1.33, 2.0, 2.5],
        "net_spend_per_customer": [55.0, 45.0, 85.0], "median_net_spend": [60.0, 45.0, 85.0],
        "repeat_customers": [1, 1, 2], "repeat_rate": [1 / 3, 1.0, 1.0],
        "net_spend_per_repeat_customer": [60.0, 45.0, 85.0],
    })
    table = channel_customers(shop, AS_OF)
    check(table, expected)
    assert both_channels(table) == 2


def test_customers_by_channel_use_before_the_second_channel(shop):
    # As of 2024-02-19 only customer 1 (web, one order) exists.
    table = channel_customers(shop, date(2024, 2, 19))
    assert table[["channel_use", "customers"]].values.tolist() == [["web_only", 1]]
    assert both_channels(table) == 0


COHORT_COLUMNS = ["segment_kind", "segment", "customers", "repeat_customers", "repeat_rate",
                  "customers_90d", "back_within_90d", "back_within_90d_rate", "customers_12m",
                  "value_12m", "average_basket"]


def cohort_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COHORT_COLUMNS)


def test_cohorts_by_first_channel(shop):
    # web 1, 3, 4, 6: repeat 1 and 4; followed 90 days all four, back within 90 days 1 (41
    # days) and 4 (30); a whole year 1 (120 in its first year), 3 (60), 6 (45) -> 75; basket
    # (120 + 60 + 60 + 45) / 7 orders. shop 2 and 5: both repeat; 2 followed 90 days and back
    # after 20; 2's year: 45; basket (45 + 50) / 4.
    expected = cohort_frame([
        ("value", "web", 4, 2, 0.5, 4, 2, 0.5, 3, 75.0, 40.71),
        ("value", "shop", 2, 2, 1.0, 1, 1, 1.0, 1, 45.0, 23.75),
    ])
    check(first_cohorts(shop, "channel", AS_OF), expected)


def test_cohorts_by_first_discount_code(shop):
    # BIENVENUE: 1 and 4; MERCI: 6 (its cancelled order was not its first); 2's first order had
    # a discount without a code; 3 and 5 none. no_discount: 5 came back, not followed 90 days
    # (first order 2025-06-20); 3 followed, not back; 3's year 60; basket (60 + 50) / 3.
    expected = cohort_frame([
        ("no_discount", None, 2, 1, 0.5, 1, 0, 0.0, 1, 60.0, 36.67),
        ("value", "BIENVENUE", 2, 2, 1.0, 2, 2, 1.0, 1, 120.0, 36.0),
        ("discount_without_code", None, 1, 1, 1.0, 1, 1, 1.0, 1, 45.0, 22.5),
        ("value", "MERCI", 1, 0, 0.0, 1, 0, 0.0, 1, 45.0, 45.0),
    ])
    check(first_cohorts(shop, "discount", AS_OF), expected)


def test_cohorts_by_first_product(shop):
    # Bougie: 2, 5 and 6 (its first valid order); back within 90 days: 2 of the followed 2 and
    # 6; a year: 2 (45) and 6 (45); basket (45 + 50 + 45) / 5.
    expected = cohort_frame([
        ("value", "Bougie", 3, 2, 2 / 3, 2, 1, 0.5, 2, 45.0, 28.0),
        ("value", "Savon", 2, 2, 1.0, 2, 2, 1.0, 1, 120.0, 36.0),
        ("value", "Coffret", 1, 0, 0.0, 1, 0, 0.0, 1, 60.0, 60.0),
    ])
    check(first_cohorts(shop, "first_product", AS_OF), expected)


def test_discount_codes_seen(shop):
    # Codes on orders 1, 7 and 12; order 4's 3 without a code; before 2024-03-05, order 1 only.
    assert discount_codes_seen(shop, AS_OF) == {"without_code": 1, "with_code": 3}
    assert discount_codes_seen(shop, date(2024, 3, 4)) == {"without_code": 0, "with_code": 1}


def test_unknown_first_order_split_is_refused(shop):
    with pytest.raises(FirstCohortOptionError):
        first_cohorts(shop, "city", AS_OF)


def test_order_gaps_step_by_step(shop):
    # Orders per customer 3, 2, 1, 2, 2, 1. First -> second: 4 of 6, after 5, 20, 30, 41 days
    # (quartiles 5 + 0.75 x 15 and 30 + 0.25 x 11); second -> third: 1 of 4 (customer 1, 102
    # days); third -> fourth: 0 of 1; nobody reached a fourth order.
    expected = pd.DataFrame({
        "gap_number": [1, 2, 3], "customers": [6, 4, 1], "next_customers": [4, 1, 0],
        "share_next": [4 / 6, 0.25, 0.0], "days_q1": [16.25, 102.0, np.nan],
        "median_days": [25.0, 102.0, np.nan], "days_q3": [32.75, 102.0, np.nan],
    })
    check(order_gaps(shop, AS_OF), expected)
    # The same gaps as the list of every gap.
    every = days_between_orders(shop, AS_OF)
    assert sorted(every.loc[every["gap_number"] == 1, "days"]) == [5, 20, 30, 41]


def test_order_gaps_stop_at_max_gap(shop):
    assert order_gaps(shop, AS_OF, max_gap=1)["gap_number"].tolist() == [1]


@pytest.mark.parametrize(
    ("period", "day", "bounds"),
    [
        ("week", date(2025, 6, 30), {"this_period": (date(2025, 6, 30), date(2025, 7, 7)),
                                     "previous_period": (date(2025, 6, 23), date(2025, 6, 30)),
                                     "last_year": (date(2024, 7, 1), date(2024, 7, 8))}),
        # In progress: the first 5 days of each compared month.
        ("month", date(2025, 1, 5), {"this_period": (date(2025, 1, 1), date(2025, 1, 6)),
                                     "previous_period": (date(2024, 12, 1), date(2024, 12, 6)),
                                     "last_year": (date(2024, 1, 1), date(2024, 1, 6))}),
        # 31 March is the whole of March; February has 28 days only.
        ("month", date(2025, 3, 31), {"this_period": (date(2025, 3, 1), date(2025, 4, 1)),
                                      "previous_period": (date(2025, 2, 1), date(2025, 3, 1)),
                                      "last_year": (date(2024, 3, 1), date(2024, 4, 1))}),
        # 46 days of the quarter: 1 October to 15 November.
        ("quarter", date(2025, 11, 15), {"this_period": (date(2025, 10, 1), date(2025, 11, 16)),
                                         "previous_period": (date(2025, 7, 1), date(2025, 8, 16)),
                                         "last_year": (date(2024, 10, 1), date(2024, 11, 16))}),
        # 181 days of 2025; in leap 2024 they end on 29 June.
        ("year", date(2025, 6, 30), {"this_period": (date(2025, 1, 1), date(2025, 7, 1)),
                                     "previous_period": (date(2024, 1, 1), date(2024, 6, 30)),
                                     "last_year": (date(2024, 1, 1), date(2024, 6, 30))}),
    ],
)
def test_compared_periods(period, day, bounds):
    assert compared_periods(period, day) == bounds


def kpi(table: pd.DataFrame, metric: str) -> list[float]:
    return table.loc[metric, ["this_period", "previous_period", "last_year"]].tolist()


def test_month_kpis_split_revenue_between_new_and_returning(shop):
    # June 2025: customer 5's two orders (15 + 35), new in June; May 2025: nothing; June 2024:
    # customer 1's third order (40), a returning customer.
    table = period_kpis(shop, "month", AS_OF)
    assert kpi(table, "revenue") == [50.0, 0.0, 40.0]
    assert kpi(table, "orders") == [2, 0, 1]
    assert kpi(table, "new_customer_revenue") == [50.0, 0.0, 0.0]
    assert kpi(table, "returning_customer_revenue") == [0.0, 0.0, 40.0]
    assert table.loc["revenue", "change_last_year"] == pytest.approx(0.25)
    assert pd.isna(table.loc["revenue", "change_previous_period"])  # nothing in May


def test_quarter_and_year_kpis(shop):
    # Q2 2025: 5 (50, new). Q1 2025: 4's two orders (60, new in January). Q2 2024: 6's first
    # valid order (45, new on 1 April), 3's only one (60, new) and 1's third (40, returning).
    quarter = period_kpis(shop, "quarter", AS_OF)
    assert kpi(quarter, "revenue") == [50.0, 60.0, 145.0]
    assert kpi(quarter, "new_customers") == [1, 1, 2]
    assert kpi(quarter, "new_customer_revenue") == [50.0, 60.0, 105.0]
    assert kpi(quarter, "returning_customer_revenue") == [0.0, 0.0, 40.0]
    # 2025 to 30 June: 4 (40 + 20) and 5 (15 + 35), both new. The first 181 days of 2024 (to 29
    # June): 270 from its four new customers; the anonymous sale of 1 July is after them.
    year = period_kpis(shop, "year", AS_OF)
    assert kpi(year, "revenue") == [110.0, 270.0, 270.0]
    assert kpi(year, "customers") == [2, 4, 4]
    assert kpi(year, "new_customer_revenue") == [110.0, 270.0, 270.0]
    assert kpi(year, "returning_customer_revenue") == [0.0, 0.0, 0.0]


def test_unknown_kpi_period_is_refused(shop):
    with pytest.raises(UnknownKpiPeriodError):
        period_kpis(shop, "decade", AS_OF)


@pytest.fixture
def shop_db(tmp_path):
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    insert_channels_shop(con)
    con.close()
    return str(path)


def run_json(capsys, *argv: str) -> dict:
    assert main([*argv, "--format", "json", "--as-of", AS_OF.isoformat()]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_cohorts_by_discount_names_the_cohorts_without_a_code(capsys, shop_db):
    report = run_json(capsys, "cohorts", "--db", shop_db, "--by", "discount")
    assert (report["by"], report["orders_discount_without_code"]) == ("discount", 1)
    assert [row["segment"] for row in report["cohorts"]] == [
        "Sans remise", "BIENVENUE", "Remise sans code", "MERCI"]
    assert main(["cohorts", "--db", shop_db, "--by", "channel", "--lang", "en"]) == 0
    assert "Shop" in capsys.readouterr().out


def test_cli_channels_and_gaps(capsys, shop_db):
    report = run_json(capsys, "channels", "--db", shop_db)
    assert report["both_channels"] == 2
    assert [row["channel_use"] for row in report["customers"]] == [
        "Web seulement", "Boutique seulement", "Web et boutique"]
    report = run_json(capsys, "gaps", "--db", shop_db)
    assert [(row["gap_number"], row["median_days"]) for row in report["gaps"]] == [
        (1, 25.0), (2, 102.0), (3, None)]


def test_cli_kpis_by_quarter(capsys, shop_db):
    report = run_json(capsys, "kpis", "--db", shop_db, "--period", "quarter")
    assert (report["period_start"], report["period_end"]) == ("2025-04-01", "2025-06-30")
    assert report["metrics"]["new_customer_revenue"]["last_year"] == 105.0
    # Cohorts have no year: a message, not a traceback.
    assert main(["cohorts", "--db", shop_db, "--period", "year"]) == 2
    assert "choisissez week, month ou quarter" in capsys.readouterr().err


@property_settings
@given(rows=order_rows)
def test_every_customer_is_in_one_group_and_one_cohort_of_each_split(con, rows):
    clear_orders(con)
    insert_orders(con, rows)
    as_of = date(2025, 2, 12)
    customers = con.execute(
        "select count(distinct customer_id), count(distinct customer_id) filter (where n >= 2)"
        " from (select customer_id, count(*) over (partition by customer_id) as n"
        " from valid_orders where customer_id is not null)").fetchone()
    groups = channel_customers(con, as_of)
    assert groups["customers"].sum() == customers[0]
    for by in ("first_product", "channel", "discount"):
        cohorts = first_cohorts(con, by, as_of)
        assert cohorts["customers"].sum() == customers[0]
        assert cohorts["repeat_customers"].sum() == customers[1]
        assert (cohorts["customers_12m"] <= cohorts["customers_90d"]).all()
    gaps = order_gaps(con, as_of)
    if customers[0]:
        assert gaps["customers"].iloc[0] == customers[0]
        assert gaps["next_customers"].iloc[0] == customers[1]
        assert (gaps["next_customers"].iloc[:-1].to_numpy() == gaps["customers"].iloc[1:]
                .to_numpy()).all()
    else:
        assert gaps.empty
