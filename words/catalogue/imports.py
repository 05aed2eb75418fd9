"""Messages of the import (ingest/) around a count, and the import command line's summary."""

STRINGS: dict[str, tuple[str | dict[str, str], str | dict[str, str]]] = {
    "import_unreadable_email": (
        {"one": "{count} e-mail illisible laissé vide",
         "other": "{count} e-mails illisibles laissés vides"},
        {"one": "{count} unreadable email left blank",
         "other": "{count} unreadable emails left blank"},
    ),
    "import_unreadable_phone": (
        {"one": "{count} téléphone illisible laissé vide",
         "other": "{count} téléphones illisibles laissés vides"},
        {"one": "{count} unreadable phone number left blank",
         "other": "{count} unreadable phone numbers left blank"},
    ),
    "import_skipped_rows": (
        {"one": "{count} ligne ignorée : {reason}", "other": "{count} lignes ignorées : {reason}"},
        {"one": "{count} row skipped: {reason}", "other": "{count} rows skipped: {reason}"},
    ),
    "import_not_dates": (
        {"one": "la colonne « {header} » a {count} valeur sur {filled} comme « {example} » qui "
                "n'est pas une date : choisissez l'ordre jour/mois, vérifiez la correspondance "
                "ou corrigez le fichier.",
         "other": "la colonne « {header} » a {count} valeurs sur {filled} comme « {example} » "
                  "qui ne sont pas des dates : choisissez l'ordre jour/mois, vérifiez la "
                  "correspondance ou corrigez le fichier."},
        {"one": "column “{header}” has {count} of {filled} values like “{example}” that is not "
                "a date: choose the day/month order, check the mapping or fix the file.",
         "other": "column “{header}” has {count} of {filled} values like “{example}” that are "
                  "not dates: choose the day/month order, check the mapping or fix the file."},
    ),
    "import_not_numbers": (
        {"one": "la colonne « {header} » a {count} valeur sur {filled} comme « {example} » qui "
                "n'est pas un nombre : vérifiez la correspondance des colonnes ou corrigez le "
                "fichier.",
         "other": "la colonne « {header} » a {count} valeurs sur {filled} comme « {example} » "
                  "qui ne sont pas des nombres : vérifiez la correspondance des colonnes ou "
                  "corrigez le fichier."},
        {"one": "column “{header}” has {count} of {filled} values like “{example}” that is not "
                "a number: check the column mapping or fix the file.",
         "other": "column “{header}” has {count} of {filled} values like “{example}” that are "
                  "not numbers: check the column mapping or fix the file."},
    ),
    "import_status_word": (
        {"one": "{count} commande « {word} »", "other": "{count} commandes « {word} »"},
        {"one": "{count} order “{word}”", "other": "{count} orders “{word}”"},
    ),
    "import_status_unknown": (
        "{words} : statut inconnu, hors chiffre d'affaires (compté en attente) tant que vous ne "
        "dites pas ce qu'il veut dire",
        "{words}: unknown status, left out of revenue (counted as pending) until you say what it "
        "means",
    ),
}
