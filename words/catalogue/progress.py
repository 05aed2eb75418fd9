"""The import's progress: its time left, its cancel button and what a cancel changed."""

STRINGS: dict[str, tuple[str | dict[str, str], str | dict[str, str]]] = {
    "progress_time_left": (
        {"one": "environ {duration} restante", "other": "environ {duration} restantes"},
        {"one": "about {duration} left", "other": "about {duration} left"},
    ),
    "progress_few_seconds": ("quelques secondes restantes", "a few seconds left"),
    "progress_under_a_minute": ("moins d'une minute restante", "less than a minute left"),
    "progress_cancel": ("Annuler l'import", "Cancel the import"),
    "progress_cancel_help": (
        "Arrête l'import en cours : la base reste exactement comme avant.",
        "Stops the running import: the database stays exactly as it was.",
    ),
    "progress_finished_first": (
        "« {file} » : l'import était déjà terminé quand vous l'avez arrêté : il est enregistré "
        "(import n° {import_id}).",
        "“{file}”: the import had already finished when you stopped it: it is saved (import "
        "no. {import_id}).",
    ),
}
