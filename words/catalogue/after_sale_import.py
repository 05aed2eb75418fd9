"""Words of the after-sale import (ingest/aftersale.py, ingest/aftersale_load.py, the Import page's
report of a review, survey or ticket file, the customer profile's after-sale section)."""

STRINGS: dict[str, tuple[str | dict[str, str], str | dict[str, str]]] = {
    "aftersale_no_date": (
        "aucune colonne de date n'est reconnue (date de l'avis, de la réponse ou d'ouverture du "
        "ticket) : indiquez-la dans la correspondance (--map \"COLONNE=feedback_date\").",
        "no date column was recognised (date of the review, the answer or the ticket's "
        "opening): say which it is in the mapping (--map \"COLUMN=feedback_date\").",
    ),
    "aftersale_no_score_reviews": (
        "aucune colonne de note n'est reconnue : indiquez-la dans la correspondance "
        "(--map \"COLONNE=rating\").",
        "no rating column was recognised: say which it is in the mapping "
        "(--map \"COLUMN=rating\").",
    ),
    "aftersale_no_score_survey": (
        "aucune question de recommandation ni de satisfaction n'est reconnue : indiquez-la dans "
        "la correspondance (--map \"COLONNE=nps_score\" ou \"COLONNE=csat_score\").",
        "no recommendation or satisfaction question was recognised: say which it is in the "
        "mapping (--map \"COLUMN=nps_score\" or \"COLUMN=csat_score\").",
    ),
    "aftersale_missing_date": ("date manquante", "missing date"),
    "aftersale_unreadable_date": ("date illisible dans « {header} »",
                                  "unreadable date in “{header}”"),
    "aftersale_unreadable_score": ("note illisible dans « {header} »",
                                   "unreadable score in “{header}”"),
    "aftersale_missing_rating": ("note manquante dans « {header} »",
                                 "missing rating in “{header}”"),
    "aftersale_score_out_of_scale": (
        "note de « {header} » hors de l'échelle {scale} (ou pas un nombre entier)",
        "score in “{header}” outside the {scale} scale (or not a whole number)",
    ),
    "aftersale_same_id": ("même identifiant qu'à la ligne {row} : gardée une seule fois",
                          "same id as row {row}: kept once"),
    "aftersale_no_answer": ("aucune note ni commentaire dans cette réponse",
                            "no score and no comment in this answer"),
    "aftersale_stars_out_of_10": (
        "notes de « {header} » sur 10 (des notes dépassent 5) : ramenées sur 5",
        "ratings in “{header}” out of 10 (some are above 5): brought back to 5",
    ),
    "aftersale_recommend_scale_10": (
        "« {header} » lue comme la question de recommandation sur 0 à 10 (NPS)",
        "“{header}” read as the recommendation question on 0 to 10 (NPS)",
    ),
    "aftersale_recommend_scale_5": (
        "« {header} » lue comme une question de recommandation sur 1 à 5 : gardée telle quelle, "
        "elle ne compte pas dans le NPS (qui se mesure sur 0 à 10)",
        "“{header}” read as a recommendation question on 1 to 5: kept as answered, it does not "
        "count in the NPS (measured on 0 to 10)",
    ),
    "aftersale_satisfaction_10": (
        "satisfaction de « {header} » notée sur 10 : gardée telle quelle, elle ne compte pas "
        "dans le CSAT (qui se mesure sur 5)",
        "satisfaction in “{header}” scored out of 10: kept as answered, it does not count in "
        "the CSAT (measured out of 5)",
    ),
    "aftersale_scale_doubt": (
        "toutes les réponses à « {header} » sont entre 0 et 5 : la question est-elle posée sur "
        "1 à 5 ou sur 0 à 10 ? Lue sur 1 à 5, précisez l'échelle",
        "every answer to “{header}” is between 0 and 5: is the question asked on 1 to 5 or on "
        "0 to 10? Read as 1 to 5, say which scale it is",
    ),
    "aftersale_unknown_status": (
        {"one": "{count} ticket au statut inconnu ({words}) : compté résolu s'il a une date de "
                "résolution, ouvert sinon",
         "other": "{count} tickets aux statuts inconnus ({words}) : comptés résolus s'ils ont "
                  "une date de résolution, ouverts sinon"},
        {"one": "{count} ticket with an unknown status ({words}): counted solved if it has a "
                "resolution date, open otherwise",
         "other": "{count} tickets with unknown statuses ({words}): counted solved if they have "
                  "a resolution date, open otherwise"},
    ),
    "aftersale_hidden_rows": (
        {"one": "{count} avis ignoré : marqué comme spam ou supprimé par l'outil d'avis",
         "other": "{count} avis ignorés : marqués comme spam ou supprimés par l'outil d'avis"},
        {"one": "{count} review skipped: flagged as spam or deleted by the reviews tool",
         "other": "{count} reviews skipped: flagged as spam or deleted by the reviews tool"},
    ),
    "aftersale_all_hidden": (
        "les {count} avis du fichier sont marqués comme spam ou supprimés : rien à importer.",
        "all {count} reviews of the file are flagged as spam or deleted: nothing to import.",
    ),
    "aftersale_nothing_loaded": (
        "aucune ligne n'a pu être importée ({count} lignes rejetées, par exemple ligne {row} : "
        "{reason}). Vérifiez la correspondance des colonnes ou corrigez le fichier.",
        "no row could be imported ({count} rows rejected, e.g. row {row}: {reason}). Check the "
        "column mapping or fix the file.",
    ),
    "aftersale_unmatched": (
        {"one": "{count} ligne ne correspond à aucun client connu (ni e-mail, ni n° de commande, "
                "ni n° client) : gardée sans client, elle compte dans les chiffres de la boutique",
         "other": "{count} lignes ne correspondent à aucun client connu (ni e-mail, ni n° de "
                  "commande, ni n° client) : gardées sans client, elles comptent dans les "
                  "chiffres de la boutique"},
        {"one": "{count} row matches no known customer (no e-mail, order or customer number "
                "known): kept without a customer, it counts in the shop's figures",
         "other": "{count} rows match no known customer (no e-mail, order or customer number "
                  "known): kept without a customer, they count in the shop's figures"},
    ),
    "aftersale_erased": (
        {"one": "{count} ligne d'une personne oubliée à sa demande : non importée",
         "other": "{count} lignes de personnes oubliées à leur demande : non importées"},
        {"one": "{count} row of a person forgotten at their request: not imported",
         "other": "{count} rows of people forgotten at their request: not imported"},
    ),
    "aftersale_profile_title": ("Après-vente", "After the sale"),
    "aftersale_profile_none": (
        "Aucun remboursement, ticket, avis ni réponse à une enquête pour ce client.",
        "No refund, ticket, review or survey answer for this customer.",
    ),
    "aftersale_profile_refunds": ({"one": "{count} remboursement",
                                   "other": "{count} remboursements"},
                                  {"one": "{count} refund", "other": "{count} refunds"}),
    "aftersale_profile_tickets": ({"one": "{count} ticket SAV", "other": "{count} tickets SAV"},
                                  {"one": "{count} support ticket",
                                   "other": "{count} support tickets"}),
    "aftersale_profile_reviews": ({"one": "{count} avis", "other": "{count} avis"},
                                  {"one": "{count} review", "other": "{count} reviews"}),
    "aftersale_profile_answers": ({"one": "{count} réponse à une enquête",
                                   "other": "{count} réponses à une enquête"},
                                  {"one": "{count} survey answer",
                                   "other": "{count} survey answers"}),
    "aftersale_col_order": ("Commande", "Order"),
    "aftersale_col_resolved": ("Résolu le", "Resolved on"),
    "aftersale_col_date": ("Date", "Date"),
    "aftersale_col_recommend": ("Recommandation", "Would recommend"),
    "aftersale_col_satisfaction": ("Satisfaction", "Satisfaction"),
    "aftersale_status_open": ("ouvert", "open"),
    "aftersale_status_pending": ("en attente", "pending"),
    "aftersale_status_solved": ("résolu", "solved"),
    "aftersale_status_closed": ("clos", "closed"),
    "aftersale_figure_new": ("Lignes nouvelles", "New rows"),
    "aftersale_figure_updated": ("Mises à jour", "Updated"),
    "aftersale_figure_linked": ("Rattachées à un client", "Linked to a customer"),
    "aftersale_figure_unmatched": ("Sans client", "Without a customer"),
    "aftersale_scale": ("Sur quelle échelle la question de recommandation est-elle posée ?",
                        "On which scale is the recommendation question asked?"),
    "aftersale_scale_5": ("de 1 à 5", "1 to 5"),
    "aftersale_scale_10": ("de 0 à 10 (NPS)", "0 to 10 (NPS)"),
    "aftersale_cli_help_scale": (
        "échelle de la question de recommandation d'une enquête quand ses réponses ne la disent "
        "pas : 5 (de 1 à 5) ou 10 (de 0 à 10, NPS)",
        "scale of a survey's recommendation question when its answers do not tell: 5 (1 to 5) "
        "or 10 (0 to 10, NPS)",
    ),
    "aftersale_cli_rows": (
        "  lignes : {new} nouvelles, {updated} mises à jour, {unchanged} inchangées ; "
        "rattachées à un client : {linked}, sans client : {unmatched}",
        "  rows: {new} new, {updated} updated, {unchanged} unchanged; linked to a customer: "
        "{linked}, without a customer: {unmatched}",
    ),
    # The Données page's import log names each file's kind as data_kind_<imports.file_kind>.
    "data_kind_reviews": ("avis clients", "customer reviews"),
    "data_kind_survey": ("réponses à une enquête", "survey answers"),
    "data_kind_tickets": ("tickets SAV", "support tickets"),
}
