"""An import's time left in words, the reader's way: « environ 15 secondes restantes », « moins
d'une minute restante », "about 3 minutes left". Babel writes the duration and chooses the plural
(CLDR); the estimate is rounded to what a reader can use: to a multiple of five under
UNDER_A_MINUTE, then whole minutes, then whole hours."""

from __future__ import annotations

from datetime import timedelta

from babel.dates import format_timedelta

from words import text

FEW_SECONDS = 10
UNDER_A_MINUTE = 45  # from here « moins d'une minute » rather than a count of seconds
HOURS_FROM = 59.5 * 60  # from here a count of minutes would round to 60


def time_left_words(seconds: float, lang: str = "fr") -> str:
    if seconds < FEW_SECONDS:
        return text("progress_few_seconds", lang)
    if seconds < UNDER_A_MINUTE:
        count, unit = 5 * round(seconds / 5), "seconds"
    elif seconds < 60:
        return text("progress_under_a_minute", lang)
    elif seconds < HOURS_FROM:
        count, unit = round(seconds / 60), "minutes"
    else:
        count, unit = round(seconds / 3600), "hours"
    duration = format_timedelta(timedelta(**{unit: count}), threshold=1, locale=lang)
    return text("progress_time_left", lang, count=count, duration=duration)
