"""Strings of the shop's currency and the conversion rates (Données page, every page's warning)."""

STRINGS = {
    "data_tab_currencies": ("Devises", "Currencies"),
    "cur_shop": (
        "Devise de la boutique : **{currency}**. Tous les montants sont affichés dans cette "
        "devise. Des montants de devises différentes ne sont jamais additionnés : une commande "
        "dans une autre devise ne compte qu'une fois son taux de conversion saisi ici.",
        "Shop currency: **{currency}**. Every amount is shown in it. Amounts in different "
        "currencies are never added up: an order in another currency counts only once its "
        "conversion rate is entered here.",
    ),
    "cur_all_counted": ("Toutes les commandes sont comptées.", "Every order is counted."),
    "cur_col_currency": ("Devise", "Currency"),
    "cur_col_orders": ("Commandes non comptées", "Orders not counted"),
    "cur_col_amount": ("Montant net (dans leur devise)", "Net amount (in their currency)"),
    "cur_col_rate": ("Taux", "Rate"),
    "cur_col_to": ("Vers", "To"),
    "cur_col_entered": ("Saisi le", "Entered on"),
    "cur_col_applied": ("Appliqué", "Applied"),
    "cur_rates_title": ("Taux de conversion saisis", "Conversion rates entered"),
    "cur_no_rates": ("Aucun taux saisi.", "No rate entered."),
    "cur_rate_currency": ("Devise à convertir (code à trois lettres)",
                          "Currency to convert (three-letter code)"),
    "cur_rate_value": ("Combien de {shop} vaut 1 unité de cette devise",
                       "How many {shop} one unit of this currency is worth"),
    "cur_rate_help": (
        "Par exemple 0,92 si 1 USD vaut 0,92 EUR. Le même taux s'applique à toutes les "
        "commandes de cette devise, quelle que soit leur date.",
        "For example 0.92 if 1 USD is worth 0.92 EUR. The same rate applies to every order in "
        "that currency, whatever its date.",
    ),
    "cur_rate_save": ("Enregistrer le taux", "Save the rate"),
    "cur_rate_saved": ("Taux enregistré : 1 {currency} = {rate} {shop}.",
                       "Rate saved: 1 {currency} = {rate} {shop}."),
    "cur_rate_remove": ("Retirer le taux de", "Remove the rate of"),
    "cur_rate_remove_button": ("Retirer", "Remove"),
    "cur_rate_removed": ("Taux de {currency} retiré : ses commandes ne sont plus comptées.",
                         "Rate of {currency} removed: its orders are no longer counted."),
    "cur_yes": ("oui", "yes"),
    "cur_waiting": ("non (saisi pour une autre devise de boutique)",
                    "no (entered for another shop currency)"),
    "cur_import_assumed": (
        {"one": "{count} commande sans devise dans le fichier : lue en {currency} ({why}) ; si "
                "c'est faux, ajoutez une colonne Devise au fichier",
         "other": "{count} commandes sans devise dans le fichier : lues en {currency} ({why}) ; "
                  "si c'est faux, ajoutez une colonne Devise au fichier"},
        {"one": "{count} order with no currency in the file: read as {currency} ({why}); if "
                "that is wrong, add a Currency column to the file",
         "other": "{count} orders with no currency in the file: read as {currency} ({why}); if "
                  "that is wrong, add a Currency column to the file"},
    ),
    "cur_import_why_shop": ("celle de votre boutique", "your shop's"),
    "cur_import_why_first": ("par défaut pour un premier fichier", "the default for a first file"),
}
