"""Number inputs whose out-of-range message is ours.

Streamlit's number_input given min_value or max_value answers a value outside them with its own
English sentence ("Number is below the allowed range..."), which no parameter changes. These
inputs leave the bounds to us: the value typed is checked here and, outside the range, a
sentence in the session's language says what is allowed and the filter is left unset.
"""

from __future__ import annotations

import streamlit as st

from ui.format import number
from ui.i18n import lang, t


def bounded_number(
    label: str, key: str, low: float, high: float | None = None, **options: object
) -> float | int | None:
    """st.number_input (value None: no filter) that refuses in words a value outside
    [low, high]."""
    value = st.number_input(label, value=None, key=key, **options)
    if value is None or (value >= low and (high is None or value <= high)):
        return value
    if high is None:
        st.warning(t("input_at_least", low=number(low, 0, lang())))
    else:
        st.warning(t("input_between", low=number(low, 0, lang()), high=number(high, 0, lang())))
    return None
