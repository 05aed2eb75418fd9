"""The report's lists and figures as the reader sees them: labelled columns, words for codes,
numbers and dates written by words.format (Babel). Amounts are written in the currency given
(the shop's: store.currency.shop_currency), € by default.

Pure functions without Streamlit, shared by the app and by the report files written from the
command line.
"""

from __future__ import annotations

import pandas as pd

from metrics.at_risk import SUBLIST_NAMES
from metrics.rfm import MIN_RANKED_CUSTOMERS, NO_SEGMENT, segment_label
from words import text
from words.format import MISSING, day, days, money, number, percent, signed_percent, signed_points

KPI_KINDS = {"revenue": "money", "average_basket": "money", "repeat_rate": "percent"}
# A French mobile or landline in E.164, +33 then 9 digits, shown the way the French write it.
FRENCH_E164 = r"^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$"


def phones(values: pd.Series) -> pd.Series:
    """French numbers as 06 12 34 56 78 (what the owner dials); other numbers unchanged."""
    return values.str.replace(FRENCH_E164, r"0\1 \2 \3 \4 \5", regex=True)


def kpi(metric: str, value: float | None, lang: str = "fr", currency: str = "EUR") -> str:
    """A KPI of metrics.kpis.METRICS in its unit (money in ``currency``, percent or a count)."""
    kind = KPI_KINDS.get(metric, "count")
    if kind == "money":
        return money(value, lang, currency=currency)
    if kind == "percent":
        return percent(value, lang)
    return number(value, 0, lang)


def moneys(values: pd.Series, lang: str = "fr", currency: str = "EUR") -> pd.Series:
    """money() over a column (display of short lists); a column with no amount at all reads as
    dashes too (as text: pandas refuses a text fill in a column of floats)."""
    return values.map(lambda value: money(value, lang, currency=currency),
                      na_action="ignore").astype(object).fillna(MISSING)


def yes_no(values: pd.Series, lang: str = "fr") -> pd.Series:
    """A true/false/unknown column as oui / non / –."""
    answer = values.astype("boolean")
    shown = pd.Series(MISSING, index=values.index, dtype="str")
    shown[answer.fillna(False)] = text("report_yes", lang)
    shown[(~answer).fillna(False)] = text("report_no", lang)
    return shown


TICKET_STATUSES = ("open", "pending", "solved", "closed")  # what ingest.aftersale reads them as


def ticket_statuses(values: pd.Series, lang: str = "fr") -> pd.Series:
    """Tickets' statuses in the reader's words (ouvert, en attente, résolu, clos); a status the
    importer did not recognise stays as the file wrote it."""
    return values.map(lambda status: text(f"aftersale_status_{status}", lang)
                      if status in TICKET_STATUSES else status)


def segment_names(segments: pd.Series, lang: str = "fr") -> pd.Series:
    """Display names of segment keys; "none" (not a customer yet) has its own."""
    return segment_label(segments, lang).where(
        segments != NO_SEGMENT, text("report_segment_none", lang)
    )


def fill(key: str, lang: str, values: pd.Series) -> pd.Series:
    """The string ``key`` with its ``{value}`` placeholder filled from each value of a column."""
    before, after = text(key, lang, value="\0").split("\0")
    return before + values + after


# The report's lists as the reader sees them: labelled columns, words for codes. Numbers and
# dates stay typed (floats are money, integers counts) so each renderer writes them its way.


def segments_table(segments: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Customers per segment at the end of last week and of this week (segments never empty)."""
    shown = segments[(segments["last_week"] > 0) | (segments["this_week"] > 0)]
    return pd.DataFrame(
        {
            text("report_segment", lang): segment_names(shown["segment"], lang),
            text("report_segment_before", lang): shown["last_week"],
            text("report_segment_after", lang): shown["this_week"],
            text("report_segment_change", lang): shown["change"],
        }
    ).reset_index(drop=True)


def moves_table(moves: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("report_move_from", lang): segment_names(moves["segment_from"], lang),
            text("report_move_to", lang): segment_names(moves["segment_to"], lang),
            text("report_customers", lang): moves["customers"],
        }
    )


def _contact(table: pd.DataFrame, lang: str) -> dict[str, pd.Series]:
    return {
        text("report_name", lang): table["name"],
        text("report_phone", lang): phones(table["phone"]),
        text("report_email", lang): table["email"],
        text("report_consent", lang): yes_no(table["email_consent"], lang),
    }


def at_risk_note(counts: dict[str, int], lang: str = "fr") -> str:
    """The at-risk counts (metrics.at_risk.counts) and the one definition, for the list to call."""
    shown = {name: number(count, 0, lang) for name, count in counts.items()}
    return f"{text('at_risk_counts', lang, **shown)} {text('def_at_risk', lang)}"


def to_call_table(to_call: pd.DataFrame, lang: str = "fr", ranked: bool = True) -> pd.DataFrame:
    """The report's list to call (metrics.at_risk sub-list "to_call") with the reason in words;
    a shop too small for segments (``ranked`` False) reads "À risque", not a segment name."""
    names = (segment_names(to_call["segment"], lang) if ranked
             else pd.Series(SUBLIST_NAMES["all"][lang], index=to_call.index, dtype="str"))
    moved = fill("report_why_segment", lang, names)
    due = fill("report_why_overdue", lang, days(to_call["expected_next_order"], lang))
    why = moved.where(to_call["became_at_risk"], "") + " ; " + due.where(to_call["overdue"], "")
    segment = {text("report_segment", lang): names} if ranked else {}
    return pd.DataFrame(
        {
            **_contact(to_call, lang),
            text("report_last_order", lang): to_call["last_ordered_at"],
            text("report_orders", lang): to_call["orders"],
            text("report_spend", lang): to_call["spend"],
            **segment,
            text("report_why", lang): why.str.strip(" ;"),
        }
    )


def too_few_note(customers: int, lang: str = "fr") -> str:
    """What a shop below metrics.rfm.MIN_RANKED_CUSTOMERS reads instead of segments: the
    Segments page's sentence."""
    too_few = text("too_few_segments", lang, needed=number(MIN_RANKED_CUSTOMERS, 0, lang),
                   have=number(customers, 0, lang))
    return text("seg_too_few", lang, too_few=too_few)


def by_last_order_table(by_last_order: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame(
        {
            **_contact(by_last_order, lang),
            text("report_last_order", lang): by_last_order["last_ordered_at"],
            text("report_orders", lang): by_last_order["orders"],
            text("report_spend", lang): by_last_order["spend"],
        }
    )


def new_repeat_table(new_repeat: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame(
        {
            **_contact(new_repeat, lang),
            text("report_first_order", lang): new_repeat["first_ordered_at"],
            text("report_second_order", lang): new_repeat["second_ordered_at"],
            text("report_orders", lang): new_repeat["orders"],
            text("report_spend", lang): new_repeat["spend"],
        }
    )


# The after-sales section (metrics.aftersales.week_section)


def aftersales_detractors_table(answers: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("report_name", lang): answers["name"],
            text("report_phone", lang): phones(answers["phone"]),
            text("report_email", lang): answers["email"],
            text("aftersales_col_answered_at", lang): answers["answered_at"],
            text("aftersales_col_nps_score", lang): answers["nps_score"],
            text("aftersales_col_csat_score", lang): answers["csat_score"],
            text("aftersales_col_comment", lang): answers["comment"],
        }
    )


def aftersales_tickets_table(tickets: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("report_name", lang): tickets["name"],
            text("report_phone", lang): phones(tickets["phone"]),
            text("report_email", lang): tickets["email"],
            text("aftersales_col_opened_at", lang): tickets["opened_at"],
            text("aftersales_col_days_open", lang): tickets["days_open"],
            text("aftersales_col_reason", lang): tickets["reason"],
            text("aftersales_col_status", lang): ticket_statuses(tickets["status"], lang),
        }
    )


def aftersales_refunds_table(refunds: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("report_name", lang): refunds["name"],
            text("report_email", lang): refunds["email"],
            text("aftersales_col_order_number", lang): refunds["order_number"],
            text("aftersales_col_ordered_at", lang): refunds["ordered_at"],
            text("aftersales_col_refunded_on", lang): refunds["refunded_on"],
            text("aftersales_col_refund_dated", lang): yes_no(refunds["refund_dated"], lang),
            text("aftersales_col_refunded", lang): refunds["refunded"],
        }
    )


def aftersales_lists(section, lang: str = "fr") -> list[tuple[str, str, str, pd.DataFrame]]:
    """The section's three lists as (key, title, note, table), in the report's order."""
    days = number(section.ticket_days, 0, lang)
    return [
        ("aftersales_detractors", text("aftersales_report_detractors", lang),
         text("aftersales_report_detractors_note", lang),
         aftersales_detractors_table(section.new_detractors, lang)),
        ("aftersales_tickets", text("aftersales_report_tickets", lang, days=days),
         text("aftersales_report_tickets_note", lang),
         aftersales_tickets_table(section.old_tickets, lang)),
        ("aftersales_refunds", text("aftersales_report_refunds", lang),
         text("aftersales_report_refunds_note", lang),
         aftersales_refunds_table(section.refunds, lang)),
    ]


# The channels section (metrics.channels.week_section)


def channels_week_table(channels: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """The week's channels: name, valid orders, revenue and basket (amounts as floats)."""
    names = channels["channel"].map(
        lambda channel: text(f"channels_channel_{channel}" if channel in ("web", "shop",
                                                                           "marketplace")
                             else "channels_channel_unknown", lang))
    return pd.DataFrame({
        text("col_channel", lang): names,
        text("col_orders", lang): channels["orders"].astype("int64"),
        text("col_revenue", lang): channels["revenue"].astype("float64"),
        text("col_average_basket", lang): channels["average_basket"].astype("float64"),
    })


def channels_week_note(section, lang: str, currency: str) -> str:
    """The week's revenue of new and of returning customers against last week, and the
    customers of both channels."""
    split = section.revenue_split

    def amount(metric: str, column: str) -> str:
        return money(split.loc[metric, column], lang, currency=currency)

    return text(
        "channels_report_note", lang,
        new=amount("new_customer_revenue", "this_week"),
        new_before=amount("new_customer_revenue", "last_week"),
        returning=amount("returning_customer_revenue", "this_week"),
        returning_before=amount("returning_customer_revenue", "last_week"),
        both=number(section.both_channels, 0, lang),
    )
