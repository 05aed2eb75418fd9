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
    "cli_orders": ("  commandes : {new}, {updated}, {unchanged} ; nouvelles fiches clients : "
                   "{customers}",
                   "  orders: {new}, {updated}, {unchanged}; new customer records: {customers}"),
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
        "{people} dans {path} ({description}) ; {left_out} faute de consentement ({channel})"
        "{unusable}.",
        "{people} to {path} ({description}); {left_out} for lack of consent ({channel})"
        "{unusable}.",
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
STRINGS.update({
    # python -m metrics --help
    "cli_metrics_description": ("Indicateurs Comptoir en ligne de commande.",
                                "Comptoir's figures on the command line."),
    "cli_help_db": ("fichier de la base (défaut : $COMPTOIR_DB ou data/comptoir.duckdb)",
                    "database file (default: $COMPTOIR_DB or data/comptoir.duckdb)"),
    "cli_help_as_of": (
        "commandes jusqu'à ce jour inclus, AAAA-MM-JJ (défaut : jour de la dernière vente)",
        "orders up to this day included, YYYY-MM-DD (default: the day of the latest sale)",
    ),
    "cli_help_week": (
        "kpis, report : semaine ISO AAAA-Wss (2026-W46) ou un de ses jours AAAA-MM-JJ (défaut "
        "kpis : --as-of ; report : la dernière semaine complète)",
        "kpis, report: ISO week YYYY-Www (2026-W46) or one of its days YYYY-MM-DD (default "
        "kpis: --as-of; report: the latest complete week)",
    ),
    "cli_help_period": (
        "cohortes : semaine, mois ou trimestre (défaut : mois) ; kpis : semaine, mois, trimestre "
        "ou année (défaut : semaine)",
        "cohorts: week, month or quarter (default: month); kpis: week, month, quarter or year "
        "(default: week)",
    ),
    "cli_help_format": ("segment accepte aussi xlsx, brevo et mailchimp (fichier --out)",
                        "segment also takes xlsx, brevo and mailchimp (file --out)"),
    "cli_help_segment": (
        "segment : segment RFM à exporter (répétable ; défaut : tous les clients)",
        "segment: RFM segment to export (repeatable; default: every customer)",
    ),
    "cli_help_consent_only": (
        "segment : seulement les personnes qui acceptent les e-mails (défaut : oui)",
        "segment: only people who accept emails (default: yes)",
    ),
    "cli_help_customers": (
        "clv : une ligne par client (modèle, P(actif), achats attendus, valeur prévue)",
        "clv: one row per customer (model, P(alive), expected purchases, predicted value)",
    ),
    "cli_help_min_p_alive": ("segment : probabilité d'être actif d'au moins (0 à 1)",
                             "segment: probability of being active at least (0 to 1)"),
    "cli_help_min_predicted_value": (
        "segment : valeur prévue sur 12 mois d'au moins (dans la devise de la boutique)",
        "segment: predicted value over 12 months at least (in the shop's currency)",
    ),
    "cli_help_min_days_overdue": (
        "segment : en retard d'au moins ce nombre de jours sur l'achat attendu",
        "segment: at least this many days late on the expected purchase",
    ),
    "cli_help_at_risk": (
        "segment : seulement une liste « À risque » (all : À risque ; valuable : À risque — "
        "précieux ; to_call : À appeler cette semaine), les mêmes que l'application et le rapport",
        "segment: only an 'At risk' list (all: At risk; valuable: At risk — valuable; to_call: "
        "To call this week), the same as the app's and the report's",
    ),
    "cli_help_sep": ("segment : séparateur CSV", "segment: CSV separator"),
    "cli_help_out": ("écrire le résultat dans ce fichier", "write the result to this file"),
    # python -m ingest --help
    "cli_ingest_description": ("Importe des exports de boutique (CSV, Excel) dans la base "
                               "Comptoir.",
                               "Imports shop exports (CSV, Excel) into the Comptoir database."),
    "cli_help_files": ("fichiers .csv, .txt, .tsv, .xlsx", ".csv, .txt, .tsv, .xlsx files"),
    "cli_help_source": ("format du fichier (défaut : reconnu tout seul)",
                        "the file's format (default: recognised by itself)"),
    "cli_help_date_order": ("ordre jour/mois des dates", "day/month order of the dates"),
    "cli_help_sheet": ("feuille du classeur à lire", "sheet of the workbook to read"),
    "cli_help_header_row": ("ligne de l'en-tête (1 = première ligne)",
                            "header row (1 = first line)"),
    "cli_help_encoding": ("encodage du fichier (utf-8, cp1252, mac_roman, iso8859_15…)",
                          "the file's encoding (utf-8, cp1252, mac_roman, iso8859_15…)"),
    "cli_help_decimal_mark": (
        "séparateur décimal des montants comme 1,234 que le fichier ne tranche pas",
        "decimal mark of amounts like 1,234 that the file leaves open",
    ),
    "cli_help_map": (
        "colonne du fichier → champ (order_id, order_date, email… ou ignore), répétable",
        "file column → field (order_id, order_date, email… or ignore), repeatable",
    ),
    "cli_help_orders": (
        "numéros de commande déjà importés avec d'autres dates ou montants : same = les mêmes "
        "commandes mises à jour, separate = une autre caisse, gardées à part",
        "order numbers already imported with other dates or amounts: same = the same orders, "
        "updated; separate = another till, kept apart",
    ),
    "cli_help_status": (
        "ce que veut dire un statut du fichier (paid, cancelled, refunded ou pending), "
        "répétable",
        "what a status of the file means (paid, cancelled, refunded or pending), repeatable",
    ),
    "cli_help_yes": ("importer malgré les doutes signalés (choix acceptés tels quels)",
                     "import despite the doubts raised (choices accepted as they are)"),
    "cli_metavar_map": ("COLONNE=CHAMP", "COLUMN=FIELD"),
    "cli_metavar_status": ("MOT=STATUT", "WORD=STATUS"),
})
