"""Words of the sales channels and first-order cohorts (« Canaux de vente et cohortes », CLI,
its part of the rapport du lundi). Keys start with ``channels_``; table headers of the command
line are ``col_<column>`` as every command's."""

STRINGS = {
    # Command line
    "cli_help_by": (
        "cohorts : cohortes par premier produit, canal de vente ou code de réduction de la "
        "première commande (first_product, channel, discount)",
        "cohorts: cohorts by the first order's first product, sales channel or discount code "
        "(first_product, channel, discount)",
    ),
    "col_by": ("Cohortes par", "Cohorts by"),
    "col_orders_discount_without_code": ("Commandes avec remise sans code",
                                         "Orders with a discount without a code"),
    "col_period_start": ("Début de période", "Period start"),
    "col_period_end": ("Fin de période (incluse)", "Period end (included)"),
    "col_this_period": ("Cette période", "This period"),
    "col_previous_period": ("Période précédente", "Previous period"),
    "col_change_previous_period": ("Évolution sur la période précédente",
                                   "Change on previous period"),
    "col_new_customer_revenue": ("CA des nouveaux clients", "Revenue from new customers"),
    "col_returning_customer_revenue": ("CA des clients revenus",
                                       "Revenue from returning customers"),
    "col_both_channels": ("Clients web et boutique", "Web and shop customers"),
    "col_channel": ("Canal de vente", "Sales channel"),
    "col_revenue_share": ("Part du CA", "Revenue share"),
    "col_channel_use": ("Canaux de vente utilisés", "Sales channels used"),
    "col_orders_per_customer": ("Commandes par client", "Orders per customer"),
    "col_net_spend_per_customer": ("Dépense nette par client", "Net spend per customer"),
    "col_median_net_spend": ("Dépense nette médiane", "Median net spend"),
    "col_net_spend_per_repeat_customer": ("Dépense nette par client fidèle",
                                          "Net spend per repeat customer"),
    "col_segment_kind": ("Type", "Kind"),
    "col_customers_90d": ("Clients suivis 90 jours", "Customers followed 90 days"),
    "col_back_within_90d": ("Clients avec un réachat sous 90 jours", "Customers back within 90 days"),
    "col_back_within_90d_rate": ("Réachat sous 90 jours", "Back within 90 days"),
    "col_customers_12m": ("Clients suivis 12 mois", "Customers followed 12 months"),
    "col_value_12m": ("Valeur à 12 mois", "12-month value"),
    "col_gap_number": ("Étape", "Step"),
    "col_next_customers": ("Ont repassé commande", "Ordered again"),
    "col_share_next": ("Part", "Share"),
    "col_days_q1": ("Délai, 1er quartile (jours)", "Delay, 1st quartile (days)"),
    "col_median_days": ("Délai médian (jours)", "Median delay (days)"),
    "col_days_q3": ("Délai, 3e quartile (jours)", "Delay, 3rd quartile (days)"),
    # Values
    "channels_channel_web": ("Web", "Web"),
    "channels_channel_shop": ("Boutique", "Shop"),
    "channels_channel_marketplace": ("Place de marché", "Marketplace"),
    "channels_channel_unknown": ("Canal de vente non précisé", "Sales channel not given"),
    "channels_use_web_only": ("Web seulement", "Web only"),
    "channels_use_shop_only": ("Boutique seulement", "Shop only"),
    "channels_use_both": ("Web et boutique", "Web and shop"),
    "channels_use_other": ("Autres canaux de vente", "Other sales channels"),
    "channels_kind_value": ("", ""),
    "channels_kind_unknown": ("Non précisé", "Not given"),
    "channels_kind_discount_without_code": ("Remise sans code", "Discount without a code"),
    "channels_kind_no_discount": ("Sans remise", "No discount"),
    # Page « Canaux de vente et cohortes »
    "page_channels": ("Canaux de vente et cohortes", "Sales channels and cohorts"),
    "channels_intro": (
        "Le site et la boutique, les clients qui passent par les deux, ce que la première "
        "commande dit de la suite, le délai entre deux commandes, et le chiffre d'affaires des "
        "nouveaux et des anciens clients.",
        "The web shop and the boutique, the customers who use both, what the first order tells "
        "of what follows, the delay between orders, and the revenue of new and returning "
        "customers.",
    ),
    "channels_header_channels": ("Web et boutique", "Web and boutique"),
    "channels_both_reading": (
        {"one": "{count} client achète sur le site et en boutique : {spend} nets en moyenne, "
                "contre {others}.",
         "other": "{count} clients achètent sur le site et en boutique : {spend} nets en "
                  "moyenne, contre {others}."},
        {"one": "{count} customer buys both on the web and in the boutique: {spend} net on "
                "average, against {others}.",
         "other": "{count} customers buy both on the web and in the boutique: {spend} net on "
                  "average, against {others}."},
    ),
    "channels_alone": ("{spend} pour les clients fidèles {who}",
                       "{spend} for the repeat customers {who}"),
    "channels_and": (" et ", " and "),
    "channels_by": ("Cohortes par", "Cohorts by"),
    "channels_by_first_product": ("Premier produit", "First product"),
    "channels_by_channel": ("Canal de vente", "Sales channel"),
    "channels_by_discount": ("Code de réduction", "Discount code"),
    "channels_codes_missing": (
        {"one": "{count} commande porte une remise sans code de réduction : le fichier importé "
                "n'en donne pas (une colonne « Code promo », « Discount Code » ou « Coupon » "
                "l'apporterait). Elle compte dans « Remise sans code ».",
         "other": "{count} commandes portent une remise sans code de réduction : le fichier "
                  "importé n'en donne pas (une colonne « Code promo », « Discount Code » ou "
                  "« Coupon » l'apporterait). Elles comptent dans « Remise sans code »."},
        {"one": "{count} order carries a discount without a discount code: the imported file "
                "gives none (a 'Code promo', 'Discount Code' or 'Coupon' column would bring "
                "it). It counts in 'Discount without a code'.",
         "other": "{count} orders carry a discount without a discount code: the imported file "
                  "gives none (a 'Code promo', 'Discount Code' or 'Coupon' column would bring "
                  "it). They count in 'Discount without a code'."},
    ),
    "channels_codes_none": (
        "Aucun code de réduction importé : réimportez l'export de votre boutique en ligne "
        "(Shopify, WooCommerce, PrestaShop…) pour suivre les clients venus avec un code.",
        "No discount code imported: import your web shop's export again (Shopify, WooCommerce, "
        "PrestaShop…) to follow the customers who came with a code.",
    ),
    "channels_gap_step": ("Commande {n} → {next}", "Order {n} → {next}"),
    "channels_col_quartiles": ("La moitié des clients (jours)", "Half of the customers (days)"),
    "channels_days_between": ("entre {low} et {high}", "between {low} and {high}"),
    "channels_header_periods": ("Nouveaux et anciens clients", "New and returning customers"),
    "channels_period": ("Période", "Period"),
    "channels_period_week": ("Semaine", "Week"),
    "channels_period_month": ("Mois", "Month"),
    "channels_period_quarter": ("Trimestre", "Quarter"),
    "channels_period_year": ("Année", "Year"),
    "channels_period_compared_week": (
        "La semaine choisie, comparée à la précédente (flèche) et à la même semaine un an plus "
        "tôt.",
        "The chosen week, against the one before (arrow) and the same week a year earlier.",
    ),
    "channels_period_compared_month": (
        "Le mois jusqu'au jour affiché, comparé aux mêmes jours du mois précédent (flèche) et du "
        "même mois un an plus tôt.",
        "The month up to the day shown, against the same days of the month before (arrow) and "
        "of the same month a year earlier.",
    ),
    "channels_period_compared_quarter": (
        "Le trimestre jusqu'au jour affiché, comparé au même nombre de jours du trimestre "
        "précédent (flèche) et du même trimestre un an plus tôt.",
        "The quarter up to the day shown, against as many days of the quarter before (arrow) "
        "and of the same quarter a year earlier.",
    ),
    "channels_period_compared_year": (
        "L'année jusqu'au jour affiché, comparée au même nombre de jours de l'année précédente.",
        "The year up to the day shown, against as many days of the year before.",
    ),
    "channels_kpi_revenue": ("Chiffre d'affaires", "Revenue"),
    "channels_kpi_new_customer_revenue": ("CA des nouveaux clients", "Revenue from new customers"),
    "channels_kpi_returning_customer_revenue": ("CA des clients revenus",
                                                "Revenue from returning customers"),
    "channels_last_year": ("Il y a un an : {value} ({change})", "A year earlier: {value} ({change})"),
    # Rapport du lundi
    "channels_report_header": ("Canaux et nouveaux clients", "Channels and new customers"),
    "channels_sheet": ("Canaux", "Channels"),
    "channels_report_note": (
        "CA des nouveaux clients : {new} (semaine précédente : {new_before}) ; CA des clients "
        "revenus : {returning} (semaine précédente : {returning_before}). Clients web et "
        "boutique à la fin de la semaine : {both}.",
        "Revenue from new customers: {new} (last week: {new_before}); revenue from returning "
        "customers: {returning} (last week: {returning_before}). Web and shop customers at the "
        "end of the week: {both}.",
    ),
}
