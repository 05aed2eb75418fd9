"""Chart builders: the figure encodes what the page says."""

from datetime import date

import pandas as pd

from reports import charts

LABELS = {"title": "t", "revenue": "r", "orders": "o", "week": "w", "revenue_axis": "a"}


def test_weekly_trend_darkens_the_chosen_week_whatever_the_date_type():
    """Regression: the week column holds Timestamps, the page passes a date; none matched."""
    trend = pd.DataFrame({"week_start": pd.to_datetime(["2026-11-02", "2026-11-09"]),
                          "revenue": [10.0, 20.0], "orders": [1, 2]})
    figure = charts.weekly_trend(trend, date(2026, 11, 9), LABELS, "fr", "EUR")
    assert list(figure.data[0].marker.color) == [charts.MUTED, charts.BRAND]
    assert figure.layout.separators == ",\u202f"
    assert figure.data[0].hovertemplate == "%{x|%d/%m/%Y} : %{y:,.2f}\u00a0€<extra></extra>"


def test_weekly_trend_hovers_in_the_shop_currency():
    """The hover was French in English ('15/03/2024 : 1,234.56 €')."""
    trend = pd.DataFrame({"week_start": pd.to_datetime(["2026-11-09"]), "revenue": [20.0],
                          "orders": [2]})
    french = charts.weekly_trend(trend, date(2026, 11, 9), LABELS, "fr", "USD")
    english = charts.weekly_trend(trend, date(2026, 11, 9), LABELS, "en", "USD")
    assert french.data[0].hovertemplate == "%{x|%d/%m/%Y} : %{y:,.2f}\u00a0$US<extra></extra>"
    assert english.data[0].hovertemplate == "%{x|%Y-%m-%d} : $%{y:,.2f}<extra></extra>"
    assert english.layout.separators == ".,"
