"""The command lines' words: ``python -m ingest`` and ``python -m metrics`` (--lang fr|en)."""

STRINGS: dict[str, tuple[str | dict[str, str], str | dict[str, str]]] = {
    "cli_lang_help": ("langue des messages, des tableaux et des rapports (défaut : "
                      "$COMPTOIR_LANG ou fr)",
                      "language of messages, tables and reports (default: $COMPTOIR_LANG or fr)"),
    "cli_file_summary": ("{file} : {source} ({where})", "{file}: {source} ({where})"),
    "cli_encoding": ("encodage {value}", "encoding {value}"),
    "cli_delimiter": ("séparateur « {value} »", "delimiter “{value}”"),
    "cli_sheet": ("feuille « {value} »", "sheet “{value}”"),
    "cli_header_row": ("en-tête ligne {value}", "header on row {value}"),
    "cli_columns": ("  colonnes : {mapping}", "  columns: {mapping}"),
    "cli_rows": ("  {read}, {loaded}, {rejected}", "  {read}, {loaded}, {rejected}"),
    "cli_rows_read": ({"one": "{count} ligne lue", "other": "{count} lignes lues"},
                      {"one": "{count} row read", "other": "{count} rows read"}),
    "cli_rows_loaded": ({"one": "{count} importée", "other": "{count} importées"},
                        {"one": "{count} imported", "other": "{count} imported"}),
    "cli_rows_rejected": ({"one": "{count} rejetée", "other": "{count} rejetées"},
                          {"one": "{count} rejected", "other": "{count} rejected"}),
    "cli_orders": ("  commandes : {new}, {updated}, {unchanged} ; clients nouveaux : {customers}",
                   "  orders: {new}, {updated}, {unchanged}; new customers: {customers}"),
    "cli_orders_new": ({"one": "{count} nouvelle", "other": "{count} nouvelles"},
                       {"one": "{count} new", "other": "{count} new"}),
    "cli_orders_updated": ({"one": "{count} mise à jour", "other": "{count} mises à jour"},
                           {"one": "{count} updated", "other": "{count} updated"}),
    "cli_orders_unchanged": ({"one": "{count} inchangée", "other": "{count} inchangées"},
                             {"one": "{count} unchanged", "other": "{count} unchanged"}),
    "cli_time": ("  durée : {seconds} s", "  time: {seconds} s"),
    "cli_reject_row": ("  ! ligne {row} : {reason}", "  ! row {row}: {reason}"),
    "cli_unsure_hint": (
        "  Précisez-le ({options}) ou relancez avec --yes pour accepter ces choix.",
        "  Say so ({options}) or run again with --yes to accept these choices.",
    ),
    "cli_file_unreadable": ("« {path} » : fichier introuvable ou illisible ({reason}).",
                            "“{path}”: file not found or unreadable ({reason})."),
    "cli_map_invalid": ("« {text} » : écrivez COLONNE=CHAMP, le champ parmi {fields} ou ignore",
                        "“{text}”: write COLUMN=FIELD, the field among {fields} or ignore"),
    "cli_status_invalid": ("« {text} » : écrivez MOT=STATUT, le statut parmi {statuses}",
                           "“{text}”: write WORD=STATUS, the status among {statuses}"),
    "cli_empty_database": (
        "La base ne contient encore aucune commande : importez un fichier de commandes avec "
        "« python -m ingest FICHIER », puis relancez cette commande.",
        "The database holds no order yet: import a file of orders with "
        "“python -m ingest FILE”, then run this command again.",
    ),
    "cli_bad_date": ("date invalide « {text} » : écrivez-la AAAA-MM-JJ, par exemple 2024-03-31",
                     "invalid date “{text}”: write it YYYY-MM-DD, for example 2024-03-31"),
    "cli_format_segment_only": ("--format {format} : réservé à la commande segment",
                                "--format {format}: for the segment command only"),
    "cli_out_missing": ("Indiquez le fichier à écrire avec --out (format {format}).",
                        "Give the file to write with --out ({format} format)."),
    "cli_out_unwritable": (
        "Impossible d'écrire « {path} » ({reason}) : choisissez un dossier qui existe et où "
        "vous pouvez écrire.",
        "Cannot write “{path}” ({reason}): choose a folder that exists and that you can write "
        "to.",
    ),
    "cli_exported": (
        "{people} dans {path} ({description}) ; {left_out} faute de consentement aux "
        "e-mails{unusable}.",
        "{people} to {path} ({description}); {left_out} for lack of email consent{unusable}.",
    ),
    "cli_exported_people": (
        {"one": "{count} personne exportée", "other": "{count} personnes exportées"},
        {"one": "{count} person exported", "other": "{count} people exported"},
    ),
    "cli_left_out": ({"one": "{count} laissée de côté", "other": "{count} laissées de côté"},
                     {"one": "{count} left out", "other": "{count} left out"}),
    "cli_unusable": (" ; {count} sans coordonnées utilisables",
                     "; {count} without usable contact details"),
}
