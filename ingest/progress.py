"""How far an import has gone, as a share of its time, and how long it has left.

The importer reports through a ``Progress`` callback: the fraction of the import done, then what
it is doing in French and in English. The fraction moves with the work: each step of the import
owns the share of the time it took on the 1M-line bench file (``bench/import_steps.py`` measures
them again when the importer changes), and a step that knows how much of its own work is done
(rows or bytes read) moves the fraction inside its share. So the time left, the elapsed time
scaled by what remains, holds for a file of another size as long as the steps keep their shares.

The callback is also where an import can be stopped: the Import page's progress bar is a point
where Streamlit stops a script (the owner clicked « Annuler l'import », another button, or left
the page), and the command line's Ctrl-C lands wherever Python runs. Either way the exception goes
up through the import's transaction, which rolls back (store.db.transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate

Progress = Callable[[float, str, str], None]
Step = Callable[[str, float], None]  # a step's name and the part of it done (0 to 1)
Part = Callable[[float], None]  # the part done of the step under way

# (step, share of the import's time, words shown meanwhile). The shares are those of the 1M-line
# bench file imported into a fresh database (bench/import_steps.py), with 1 % at least for a step:
# the backup copies the whole database, so into a large shop it takes longer (22 % of a re-import
# into the 1M-line shop, see bench/RESULTS.md) and the time left grows while it runs.
STEPS: tuple[tuple[str, float, str, str], ...] = (
    ("read", 0.30, "Lecture du fichier", "Reading the file"),
    ("parse", 0.34, "Analyse des valeurs", "Parsing values"),
    ("lineage", 0.01, "Comparaison avec les commandes déjà importées",
     "Comparing with the orders already imported"),
    ("backup", 0.01, "Sauvegarde de la base avant l'import", "Backing up the database"),
    ("match", 0.15, "Rapprochement des clients", "Matching customers"),
    ("orders", 0.08, "Enregistrement des commandes", "Saving the orders"),
    ("summary", 0.11, "Mise à jour des fiches clients", "Updating the customer summaries"),
)
_TOTAL = sum(share for _, share, _, _ in STEPS)
_BOUNDS = [start / _TOTAL for start in accumulate((share for _, share, _, _ in STEPS),
                                                  initial=0.0)]
_BOUNDS[-1] = 1.0
# step -> (fraction when it starts, fraction when the next one starts, words)
STARTS = {name: (start, end, fr, en)
          for (name, _, fr, en), start, end in zip(STEPS, _BOUNDS, _BOUNDS[1:])}

MEANINGFUL_SECONDS = 3.0  # before this, a rate is mostly start-up noise: no time left shown
MEANINGFUL_FRACTION = 0.1


def silent(fraction: float, fr: str, en: str) -> None:
    return None


def no_step(step: str, part: float = 0.0) -> None:
    return None


def no_part(part: float) -> None:
    return None


def at(step: str, part: float = 0.0) -> float:
    """The import's fraction done when ``part`` of ``step`` is done."""
    start, end, _, _ = STARTS[step]
    return end if part >= 1.0 else start + (end - start) * max(part, 0.0)


def steps(progress: Progress) -> Step:
    """The ``Step`` callback that tells ``progress`` the fraction and words of a step."""
    def report(step: str, part: float = 0.0) -> None:
        _, _, fr, en = STARTS[step]
        progress(at(step, part), fr, en)
    return report


def time_left(fraction: float, elapsed: float) -> float | None:
    """Seconds left at the pace so far, or None while that pace says little (the first seconds,
    the first tenth of the work) or when the work is done."""
    if elapsed < MEANINGFUL_SECONDS or fraction < MEANINGFUL_FRACTION or fraction >= 1.0:
        return None
    return elapsed * (1.0 - fraction) / fraction

