"""Strings of the Produits et saisons page, of the replenishment, affinity and seasonal buyers'
command lines and report parts, and of the builder's channel, product and season filters and
saved segments (French, English)."""

STRINGS: dict[str, tuple[str, str] | tuple[dict[str, str], dict[str, str]]] = {
    "products_channel_web": ("sur le site", "on the web shop"),
    "products_channel_shop": ("en boutique", "in the shop"),
    "products_channel_marketplace": ("sur une place de marché", "on a marketplace"),
    "products_channel_or": (" ou ", " or "),
    "products_season_year_end": ("Fêtes de fin d'année (novembre-décembre)",
                                 "Year-end holidays (November-December)"),
    "products_season_mothers_day": ("Fêtes des mères et des pères (mai-juin)",
                                    "Mother's and Father's Day (May-June)"),
    "products_describe_channels": ("achète {names}", "buys {names}"),
    "products_describe_due": ("à relancer pour {product}", "due for {product}"),
    "products_describe_codes": ("code de réduction {codes}", "discount code {codes}"),
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
    "products_saved": ("Liste « {name} » enregistrée : {description}.",
                       "List '{name}' saved: {description}."),
    "products_view_missing": ("Précisez quoi afficher : python -m metrics products {views}.",
                              "Say what to show: python -m metrics products {views}."),
    "products_help_view": (
        "products : replenishment (délai habituel de rachat par produit, clients à relancer) ou "
        "affinity (achetés ensemble, achetés ensuite)",
        "products: replenishment (usual delay before a product is bought again, customers due) "
        "or affinity (bought together, bought next)",
    ),
    "products_help_product": (
        "products : ce produit seulement (replenishment : les clients à relancer pour lui)",
        "products: this product only (replenishment: the customers due for it)",
    ),
    "products_help_saved": ("segment : partir d'une liste enregistrée",
                            "segment: start from a saved list"),
    "products_help_save": ("segment : enregistrer les critères de la commande sous ce nom",
                           "segment: save the command's criteria under this name"),
    "products_help_delete_saved": ("segment : supprimer la liste enregistrée de ce nom",
                                   "segment: delete the saved list of this name"),
    "products_saved_deleted": ("Liste « {name} » supprimée.", "List '{name}' deleted."),
    "products_help_sales_channel": (
        "segment : a acheté au moins une fois sur ce canal (web, shop = boutique, marketplace)",
        "segment: bought at least once on this channel (web, shop, marketplace)",
    ),
    "products_help_due_for": ("segment : les clients à relancer pour ce produit maintenant",
                              "segment: the customers due for this product now"),
    "products_help_leave_out_seasonal": (
        "segment : laisser de côté les acheteurs saisonniers qui attendent leur saison",
        "segment: leave out the seasonal buyers waiting for their season",
    ),
    "products_metavar_name": ("NOM", "NAME"),
    "products_metavar_product": ("PRODUIT", "PRODUCT"),
    # Column headers of the command lines' tables (metrics.cli.column_label)
    "col_product": ("Produit", "Product"),
    "col_buyers": ("Acheteurs", "Buyers"),
    "col_repurchases": ("Rachats", "Repurchases"),
    "col_repurchasers": ("Clients qui ont racheté", "Customers who bought again"),
    "col_quartile_1_days": ("1er quartile (jours)", "1st quartile (days)"),
    "col_quartile_3_days": ("3e quartile (jours)", "3rd quartile (days)"),
    "col_usual": ("Délai établi", "Delay established"),
    "col_due": ("À relancer", "Due"),
    "col_min_repurchases": ("Rachats nécessaires", "Repurchases needed"),
    "col_due_window_days": ("Fenêtre de relance (jours)", "Reminder window (days)"),
    "col_last_bought": ("Dernier achat du produit", "Last bought"),
    "col_times_bought": ("Achats du produit", "Times bought"),
    "col_days_since": ("Jours depuis", "Days since"),
    "col_relation": ("Lien", "Relation"),
    "col_with_product": ("Avec", "With"),
    "col_count": ("Fois", "Times"),
    "col_base": ("Sur", "Out of"),
    "col_lift": ("Indice d'affinité", "Lift"),
    "col_season": ("Saison", "Season"),
    "col_season_name": ("Nom de la saison", "Season name"),
    "col_repeat_buyers": ("Dont fidèles", "Of whom repeat"),
    "col_several_years": ("Sur plusieurs années", "In several years"),
    "col_waiting": ("Attendent leur saison", "Waiting for their season"),
    "col_first_month": ("Premier mois", "First month"),
    "col_last_month": ("Dernier mois", "Last month"),
    "col_years": ("Années", "Years"),
    "col_last_ordered_at": ("Dernière commande", "Last order"),
    "col_season_ends": ("Fin de la saison suivante", "End of the next season"),
    # Produits et saisons
    "page_products": ("Produits et saisons", "Products and seasons"),
    "products_intro": (
        "Au bout de combien de temps chaque produit est racheté et qui relancer maintenant, ce "
        "qui s'achète ensemble ou ensuite, et les clients qui n'achètent qu'à une saison.",
        "How long before each product is bought again and whom to remind now, what is bought "
        "together or next, and the customers who buy in one season only.",
    ),
    "products_no_lines": (
        "Vos fichiers n'ont pas de lignes de produits : importez un export avec le détail des "
        "articles (une ligne par article) pour voir cette page.",
        "Your files have no product lines: import an export with the items (one row per item) "
        "to see this page.",
    ),
    "products_replenishment_header": ("Rachat par produit", "Repurchase by product"),
    "products_no_usual": (
        "Aucun produit n'a encore été racheté {minimum} fois : pas encore de délai habituel.",
        "No product has been bought again {minimum} times yet: no usual delay yet.",
    ),
    "products_reading": (
        "« {product} » est racheté en général au bout de {days} jours ({repurchases}) ; "
        "{due} maintenant.",
        "'{product}' is usually bought again after {days} days ({repurchases}); {due} now.",
    ),
    "products_n_repurchases": ({"one": "{count} rachat", "other": "{count} rachats"},
                               {"one": "{count} repurchase", "other": "{count} repurchases"}),
    "products_n_due": ({"one": "{count} client à relancer",
                        "other": "{count} clients à relancer"},
                       {"one": "{count} customer due", "other": "{count} customers due"}),
    "products_replenishment_caption": (
        "Délai habituel : la médiane des délais entre deux achats du même produit par le même "
        "client, donnée à partir de {minimum} rachats ; la moitié des rachats tombe entre les "
        "deux quartiles.",
        "Usual delay: the median of the delays between two purchases of the same product by the "
        "same customer, given from {minimum} repurchases; half the repurchases fall between the "
        "two quartiles.",
    ),
    "products_col_median_days": ("Délai habituel (jours)", "Usual delay (days)"),
    "products_col_quartiles": ("Moitié des rachats entre (jours)",
                               "Half the repurchases between (days)"),
    "products_col_with": ("Produit", "Product"),
    "products_lift_help": (
        "Au-dessus de 1 : plus souvent que par hasard ; en dessous : moins souvent.",
        "Above 1: more often than by chance; below: less often.",
    ),
    "products_pick": ("Produit", "Product"),
    "products_due_header": ("À relancer pour « {product} »", "Due for '{product}'"),
    "products_due_none": (
        "Personne à relancer pour ce produit aujourd'hui (ou pas encore de délai habituel).",
        "Nobody is due for this product today (or no usual delay yet).",
    ),
    "products_due_shown": (
        "Les {shown} derniers arrivés à échéance sur {total} sont affichés.",
        "The {shown} most recently due of {total} are shown.",
    ),
    "products_due_export": (
        "Pour exporter cette liste (CSV, Brevo, Mailchimp), choisissez « {product} » dans "
        "« À relancer pour » sur la page Segments.",
        "To export this list (CSV, Brevo, Mailchimp), choose '{product}' in 'Due for' on the "
        "Segments page.",
    ),
    "products_affinity_header": ("Avec et après « {product} »", "With and after '{product}'"),
    "products_affinity_none": ("Rien de vu au moins 3 fois.", "Nothing seen 3 times or more."),
    "products_n_waiting": (
        {"one": "{count} attend sa saison", "other": "{count} attendent leur saison"},
        {"one": "{count} waiting for their season", "other": "{count} waiting for their season"},
    ),
    "products_season_detail": (
        "{waiting} ; {repeat} ont acheté plusieurs fois, {years} sur plusieurs années.",
        "{waiting}; {repeat} bought several times, {years} in several years.",
    ),
    "products_seasonal_caption": (
        "Un client qui n'achète qu'en fin d'année n'est pas perdu en mars : sur la page "
        "Segments, « Sans les saisonniers qui attendent leur saison » les laisse de côté.",
        "A customer who only buys at the year's end is not lost in March: on the Segments page, "
        "'Without seasonal buyers waiting for their season' leaves them out.",
    ),
    # Segments: the builder's product and season questions, saved lists, export log
    "products_builder_caption": ("Canaux, produits et saisons", "Channels, products and seasons"),
    "products_f_channels": ("A acheté", "Bought"),
    "products_channel_name_web": ("Sur le site", "On the web shop"),
    "products_channel_name_shop": ("En boutique", "In the shop"),
    "products_channel_name_marketplace": ("Sur une place de marché", "On a marketplace"),
    "products_f_due_for": ("À relancer pour", "Due for"),
    "products_f_not_seasonal": ("Sans les saisonniers qui attendent leur saison",
                                "Without seasonal buyers waiting for their season"),
    "products_saved_pick": ("Liste enregistrée", "Saved list"),
    "products_saved_none": ("— les critères ci-dessus —", "— the criteria above —"),
    "products_saved_used": (
        "Liste enregistrée « {name} » : ses critères sont repris ci-dessus ; choisissez "
        "« — les critères ci-dessus — » pour les modifier.",
        "Saved list '{name}': its criteria are shown above; choose '— the criteria above —' "
        "to change them.",
    ),
    "products_saved_name": ("Nom pour enregistrer cette liste", "Name to save this list under"),
    "products_saved_button": ("Enregistrer", "Save"),
    "products_saved_delete_button": ("Supprimer cette liste", "Delete this list"),
    "products_log_title": ({"one": "Historique des exports ({count})",
                            "other": "Historique des exports ({count})"},
                           {"one": "Export history ({count})",
                            "other": "Export history ({count})"}),
    "products_log_empty": ("Aucune liste exportée pour l'instant.", "No list exported yet."),
    "products_log_when": ("Date", "Date"),
    "products_log_list": ("Liste", "List"),
    "products_log_format": ("Format", "Format"),
    "products_log_rows": ("Personnes", "People"),
    "products_log_left_out": ("Laissées de côté", "Left out"),
    # Rapport du lundi
    "products_report_header": ("Produits et listes", "Products and lists"),
    "products_report_due": ("Produits à racheter", "Products due for repurchase"),
    "products_report_saved": ("Vos listes enregistrées", "Your saved lists"),
    "products_report_col_list": ("Liste", "List"),
    "products_report_col_criteria": ("Critères", "Criteria"),
    "products_report_col_people": ("Personnes", "People"),
    "products_report_col_reachable": ("Acceptent les e-mails", "Accept emails"),
    "products_report_season_count": ("{season} : {count}", "{season}: {count}"),
    "products_report_at_risk_seasonal": (
        {"one": "{count} client à risque n'achète qu'à une saison et l'attend, il n'est pas "
                "perdu ({seasons}).",
         "other": "{count} clients à risque n'achètent qu'à une saison et l'attendent, ils ne "
                  "sont pas perdus ({seasons})."},
        {"one": "{count} at-risk customer buys in one season only and is waiting for it, not "
                "lost ({seasons}).",
         "other": "{count} at-risk customers buy in one season only and are waiting for it, "
                  "not lost ({seasons})."},
    ),
    "products_sheet_due": ("À racheter", "Due"),
    "products_sheet_saved": ("Listes", "Lists"),
    "products_report_no_saved": (
        "Aucune liste enregistrée : sur la page Segments, donnez un nom à une liste pour la "
        "retrouver ici chaque semaine.",
        "No saved list: on the Segments page, name a list to find it here every week.",
    ),
    "products_f_codes": ("Code de réduction utilisé", "Discount code used"),
    "products_help_discount_code": (
        "segment : a utilisé ce code de réduction sur une commande valide (majuscules et espaces "
        "ignorés)",
        "segment: used this discount code on a valid order (case and spaces ignored)",
    ),
    "products_metavar_code": ("CODE", "CODE"),
}
