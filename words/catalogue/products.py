"""Strings of the Produits et saisons page, of the replenishment, affinity and seasonal buyers'
command lines and report parts, and of the builder's channel, product and season filters and
saved segments (French, English)."""

STRINGS: dict[str, tuple[str, str] | tuple[dict[str, str], dict[str, str]]] = {
    "products_channel_web": ("site web", "web shop"),
    "products_channel_shop": ("boutique", "shop"),
    "products_channel_marketplace": ("place de marché", "marketplace"),
    "products_season_year_end": ("Fêtes de fin d'année (novembre-décembre)",
                                 "Year-end holidays (November-December)"),
    "products_season_mothers_day": ("Fêtes des mères et des pères (mai-juin)",
                                    "Mother's and Father's Day (May-June)"),
    "products_describe_channels": ("achète en {names}", "buys on {names}"),
    "products_describe_due": ("à relancer pour {product}", "due for {product}"),
    "products_describe_not_seasonal": ("sans les acheteurs saisonniers qui attendent leur saison",
                                       "without the seasonal buyers waiting for their season"),
    "products_saved_no_name": ("Donnez un nom à la liste avant de l'enregistrer.",
                               "Give the list a name before saving it."),
    "products_saved_too_long": ("Ce nom est trop long : {limit} caractères au plus.",
                                "This name is too long: {limit} characters at most."),
    "products_saved_unknown": (
        "Aucune liste enregistrée ne s'appelle « {name} ». Listes enregistrées : {names}.",
        "No saved list is called '{name}'. Saved lists: {names}.",
    ),
}
