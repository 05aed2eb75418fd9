"""Strings of the Rétention, Réachat and Valeur client pages (French, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "page_retention": ("Rétention", "Retention"),
    "page_repeat": ("Réachat", "Repeat purchase"),
    "page_value": ("Valeur client", "Customer value"),
    "an_as_of": ("Chiffres au {day} (fin de la semaine choisie, ou dernière commande).",
                 "Figures as of {day} (end of the chosen week, or latest order)."),
    "an_no_customers": (
        "Aucune commande valide d'un client identifié jusqu'à cette date : importez des ventes "
        "qui portent l'e-mail, le téléphone ou le nom des clients.",
        "No valid order from an identified customer up to this date: import sales that carry "
        "the customers' email, phone or name.",
    ),
    # Rétention
    "ret_intro": (
        "Vos clients reviennent-ils ? Chaque ligne regroupe les clients arrivés la même période "
        "et montre combien ont recommandé ensuite, période après période.",
        "Do your customers come back? Each row groups the customers who arrived in the same "
        "period and shows how many ordered again, period after period.",
    ),
    "ret_period": ("Regrouper par", "Group by"),
    "ret_period_week": ("Semaine", "Week"),
    "ret_period_month": ("Mois", "Month"),
    "ret_period_quarter": ("Trimestre", "Quarter"),
    "ret_period_help": (
        "La période de la première commande valide qui forme une cohorte, et le pas du suivi.",
        "The period of the first valid order that forms a cohort, and the step of the follow-up.",
    ),
    "ret_measure": ("Afficher", "Show"),
    "ret_month_names": (
        "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
        "January,February,March,April,May,June,July,August,September,October,November,December",
    ),
    "ret_quarter_names": ("1er trimestre,2e trimestre,3e trimestre,4e trimestre", "Q1,Q2,Q3,Q4"),
    "ret_quarter_short": ("T", "Q"),
    "ret_example_week": (
        "Sur 100 clients arrivés la semaine du {cohort}, {n} ont recommandé la semaine suivante "
        "({active} sur {size}).",
        "Of 100 customers who arrived in the week of {cohort}, {n} ordered again the following "
        "week ({active} of {size}).",
    ),
    "ret_example_month": (
        "Sur 100 clients arrivés en {cohort}, {n} ont recommandé le mois suivant "
        "({active} sur {size}).",
        "Of 100 customers who arrived in {cohort}, {n} ordered again the following month "
        "({active} of {size}).",
    ),
    "ret_example_quarter": (
        "Sur 100 clients arrivés au {cohort}, {n} ont recommandé le trimestre suivant "
        "({active} sur {size}).",
        "Of 100 customers who arrived in {cohort}, {n} ordered again the following quarter "
        "({active} of {size}).",
    ),
    "ret_example_none": (
        "Aucune cohorte n'a encore eu une période complète après son arrivée : revenez plus tard "
        "ou choisissez une période plus courte.",
        "No cohort has had a whole period after its arrival yet: come back later or choose a "
        "shorter period.",
    ),
    "ret_cohort": ("Cohorte", "Cohort"),
    "ret_after_week": ("Semaines après l'arrivée", "Weeks after arrival"),
    "ret_after_month": ("Mois après l'arrivée", "Months after arrival"),
    "ret_after_quarter": ("Trimestres après l'arrivée", "Quarters after arrival"),
    "ret_unit_retention": ("Rétention (%)", "Retention (%)"),
    "ret_unit_revenue_retention": ("CA (% de l'arrivée)", "Revenue (% of arrival)"),
    "ret_unit_cumulative_revenue_per_customer": ("CA cumulé par client ({unit})",
                                                 "Cumulative revenue per customer ({unit})"),
    "ret_heatmap_title_retention": ("Part des clients de chaque cohorte qui ont commandé",
                                    "Share of each cohort's customers who ordered"),
    "ret_heatmap_title_revenue_retention": (
        "Chiffre d'affaires de chaque cohorte, en % de sa période d'arrivée",
        "Revenue of each cohort, as % of its arrival period",
    ),
    "ret_heatmap_title_cumulative_revenue_per_customer": (
        "Chiffre d'affaires cumulé par client de chaque cohorte",
        "Cumulative revenue per customer of each cohort",
    ),
    "ret_heatmap_caption": (
        "Une ligne par cohorte (les {n} plus récentes au plus). La dernière case de chaque ligne "
        "est la période en cours, encore incomplète.",
        "One row per cohort (the latest {n} at most). The last cell of each row is the period "
        "in progress, still incomplete.",
    ),
    "ret_curves_header": ("Courbes de rétention", "Retention curves"),
    "ret_compare": ("Comparer des cohortes à la moyenne", "Compare cohorts with the average"),
    "ret_compare_help": (
        "La moyenne réunit toutes les cohortes ; ajoutez-en pour voir si les clients récents "
        "reviennent plus ou moins que les anciens.",
        "The average pools every cohort; add some to see whether recent customers come back "
        "more or less than earlier ones.",
    ),
    "ret_curves_caption": (
        "Seules les périodes terminées comptent. En pourcentage, les courbes partent de la "
        "première période après l'arrivée (la période d'arrivée vaut toujours 100 %). En "
        "pointillés gris : les périodes atteintes par moins de {cohorts} cohortes ou moins de "
        "{customers} clients, trop peu pour une moyenne.",
        "Only periods that are over count. In percent, the curves start at the first period "
        "after arrival (the arrival period is always 100%). Dotted grey: periods reached by "
        "fewer than {cohorts} cohorts or fewer than {customers} customers, too few for an average.",
    ),
    "ret_average": ("Moyenne", "Average"),
    "ret_average_thin": ("Moyenne, non significative", "Average, not significant"),
    "ret_average_hover": ("%{customdata[0]} clients de %{customdata[1]} cohortes",
                          "%{customdata[0]} customers in %{customdata[1]} cohorts"),
    "ret_curves_title_retention": ("Rétention, période après période",
                                   "Retention, period after period"),
    "ret_curves_title_revenue_retention": ("Chiffre d'affaires, période après période",
                                           "Revenue, period after period"),
    "ret_curves_title_cumulative_revenue_per_customer": (
        "Ce que rapporte un client depuis son arrivée",
        "What a customer brings in since arriving",
    ),
    "ret_definitions": (
        "- **Période k** : la k-ième période du calendrier après celle de l'arrivée (k = 0 : "
        "la période d'arrivée). Un client arrivé le 31 décembre est en k = 1 dès janvier.\n"
        "- **Moyenne** : toutes les cohortes qui ont atteint la période k, chacune pesant son "
        "nombre de clients (clients de ces cohortes qui ont commandé ÷ leurs clients). Pour le "
        "CA cumulé par client, la moyenne additionne période après période le CA par client des "
        "cohortes qui l'ont atteinte : elle ne baisse jamais, sauf si les avoirs d'une période "
        "dépassent ses ventes.\n"
        "- **Non significative** : une période atteinte par moins de {cohorts} cohortes ou moins "
        "de {customers} clients (en pointillés gris sur la courbe).\n"
        "- **Période en cours** : la dernière case de chaque ligne du tableau ; elle n'est pas "
        "finie, les courbes et la phrase d'exemple ne la comptent pas.",
        "- **Period k**: the k-th calendar period after the arrival one (k = 0: the arrival "
        "period). A customer who arrived on 31 December is in k = 1 from January.\n"
        "- **Average**: every cohort that has reached period k, each weighing its number of "
        "customers (customers of those cohorts who ordered ÷ their customers). For cumulative "
        "revenue per customer, the average adds, period after period, the revenue per customer "
        "of the cohorts that reached it: it never goes down, unless a period's credit notes "
        "exceed its sales.\n"
        "- **Not significant**: a period reached by fewer than {cohorts} cohorts or fewer than "
        "{customers} customers (dotted grey on the curve).\n"
        "- **Period in progress**: the last cell of each row of the table; it is not over, so "
        "the curves and the example sentence leave it out.",
    ),
    # Réachat
    "rep_intro": (
        "Combien de clients reviennent acheter, au bout de combien de temps, et après avoir "
        "acheté quoi : de quoi choisir quand relancer et quoi mettre en avant.",
        "How many customers come back to buy, after how long, and after buying what: what you "
        "need to choose when to send a reminder and what to put forward.",
    ),
    "rep_days_value": ({"one": "{count} jour", "other": "{count} jours"},
                       {"one": "{count} day", "other": "{count} days"}),
    "rep_rate": ("Taux de réachat (depuis le début)", "Repeat rate (since the start)"),
    "rep_customers": ("Clients (depuis le début)", "Customers (since the start)"),
    "rep_repeat_customers": ("Clients fidèles (depuis le début)",
                             "Repeat customers (since the start)"),
    "rep_median_second": ("2e commande : délai médian", "2nd order: median time"),
    "rep_reading": (
        "Depuis le début, sur 100 clients, {n} ont commandé au moins deux fois. Délai médian "
        "entre deux commandes successives d'un même client, toutes commandes comprises : "
        "{between} (avant la 2e commande seulement : {second}).",
        "Since the start, of 100 customers, {n} ordered at least twice. Median time between two "
        "successive orders of the same customer, all orders included: {between} (before the "
        "2nd order only: {second}).",
    ),
    "rep_trend_header": ("Les nouveaux clients reviennent-ils plus qu'avant ?",
                         "Do new customers come back more than before?"),
    "rep_trend_caption": (
        "Pour les clients arrivés chaque mois, la part qui a recommandé dans les 90 jours : "
        "chaque mois a la même chance, seuls les mois finis depuis 90 jours sont montrés.",
        "For the customers who arrived each month, the share who ordered again within 90 days: "
        "every month gets the same chance, only months over for 90 days are shown.",
    ),
    "rep_trend_title": ("Réachat dans les 90 jours, par mois d'arrivée",
                        "Repeat within 90 days, by month of arrival"),
    "rep_trend_axis_month": ("Mois d'arrivée", "Month of arrival"),
    "rep_trend_axis_rate": ("Réachat dans les 90 jours (%)", "Repeat within 90 days (%)"),
    "rep_trend_hover": ("%{customdata[1]} sur %{customdata[0]} clients",
                        "%{customdata[1]} of %{customdata[0]} customers"),
    "rep_orders_title": ("Nombre de commandes par client", "Orders per customer"),
    "rep_orders_axis": ("Commandes valides", "Valid orders"),
    "rep_customers_axis": ("Clients", "Customers"),
    "rep_days": ("jours", "days"),
    "rep_days_title": ("Délai entre la 1re et la 2e commande", "Time from 1st to 2nd order"),
    "rep_days_axis": ("Jours après la première commande", "Days after the first order"),
    "rep_median_marker": ("médiane : {days} j", "median: {days} d"),
    "rep_reminder_header": ("Quand relancer ?", "When to send a reminder?"),
    "rep_reminder_intro": (
        "Parmi les clients qui ont passé une deuxième commande, la part qui l'a fait dans les "
        "30, 60 et 90 jours après la première : un e-mail de relance envoyé avant touche ceux "
        "qui hésitent encore.",
        "Among customers who placed a second order, the share who did so within 30, 60 and 90 "
        "days of the first: a reminder e-mail sent before reaches those still hesitating.",
    ),
    "rep_within": ("2e commande en {days} jours (part des clients revenus)",
                   "2nd order within {days} days (share of repeat customers)"),
    "rep_within_help": (
        "Clients dont la deuxième commande valide est arrivée au plus {days} jours après la "
        "première ÷ clients ayant une deuxième commande.",
        "Customers whose second valid order came at most {days} days after the first ÷ "
        "customers with a second order.",
    ),
    "rep_within_count": (
        {"one": "{count} client, soit {share} de tous les clients",
         "other": "{count} clients, soit {share} de tous les clients"},
        {"one": "{count} customer, {share} of all customers",
         "other": "{count} customers, {share} of all customers"},
    ),
    "rep_products_header": ("Les premiers achats qui font revenir",
                            "First purchases that bring customers back"),
    "rep_products_caption": (
        "Pour chaque produit de la première commande, la part des clients qui ont recommandé "
        "ensuite, meilleurs en tête (produits achetés en premier par au moins {minimum} "
        "clients).",
        "For each product of the first order, the share of its customers who ordered again, "
        "best first (products bought first by at least {minimum} customers).",
    ),
    "rep_col_product": ("Produit de la 1re commande", "Product of the 1st order"),
    "rep_col_customers": ("Clients", "Customers"),
    "rep_col_repeat_customers": ("Clients fidèles", "Repeat customers"),
    "rep_col_repeat_rate": ("Taux de réachat (depuis le début)",
                            "Repeat rate (since the start)"),
    "rep_definitions": (
        "- **Intervalle entre commandes** : médiane des jours entre deux commandes valides "
        "successives d'un même client.\n"
        "- **Réachat dans les 90 jours par mois d'arrivée** : pour les clients dont la première "
        "commande valide est de ce mois, la part dont la deuxième est arrivée dans les 90 jours.\n"
        "- **2e commande en 30 / 60 / 90 jours** : parmi les clients revenus (ceux qui ont une "
        "deuxième commande), la part pour qui elle est arrivée dans ce délai ; dessous, la même "
        "part rapportée à tous les clients.\n"
        "- **Premiers achats qui font revenir** : un client compte pour chaque produit différent "
        "de sa première commande valide ; taux = clients revenus ÷ clients.",
        "- **Time between orders**: median of the days between two successive valid orders of "
        "the same customer.\n"
        "- **Repeat within 90 days by month of arrival**: for the customers whose first valid "
        "order is from that month, the share whose second came within 90 days.\n"
        "- **2nd order within 30 / 60 / 90 days**: among repeat customers (those with a second "
        "order), the share for whom it came within that time; below it, the same count as a "
        "share of all customers.\n"
        "- **First purchases that bring customers back**: a customer counts once for each "
        "distinct product of their first valid order; rate = repeat customers ÷ customers.",
    ),
    # Valeur client
    "val_intro": (
        "Ce que chaque client vous a rapporté et devrait vous rapporter dans les 12 prochains "
        "mois, ceux qui comptent le plus, ceux qui s'éloignent, et jusqu'où croire les "
        "prévisions.",
        "What each customer has brought you and should bring in the next 12 months, those who "
        "matter most, those drifting away, and how far to trust the predictions.",
    ),
    "val_progress_backtest": (
        "Prévisions : test du modèle {model} sur les dernières semaines passées…",
        "Forecasts: testing the {model} model on the last past weeks…",
    ),
    "val_progress_fit": (
        "Prévisions : ajustement du modèle {model} sur tout l'historique…",
        "Forecasts: fitting the {model} model on the whole history…",
    ),
    "val_progress_ranges": (
        "Prévisions : fourchettes du modèle {model}…",
        "Forecasts: ranges of the {model} model…",
    ),
    "val_customers": ("Clients (depuis le début)", "Customers (since the start)"),
    "val_historic_total": ("Valeur historique", "Historic value"),
    "val_historic_mean": ("Valeur historique par client", "Historic value per customer"),
    "val_historic_mean_help": ("Valeur historique ÷ clients.", "Historic value ÷ customers."),
    "val_predicted_total": ("Valeur prévue (12 mois)", "Predicted value (12 months)"),
    "val_range": ("entre {low} et {high}", "between {low} and {high}"),
    "val_range_help": (
        "La fourchette dit l'incertitude des modèles ajustés sur vos clients : estimés sur "
        "d'autres clients comme les vôtres, 9 prévisions sur 10 tomberaient dedans.",
        "The range says how uncertain the models fitted on your customers are: fitted on other "
        "customers like yours, 9 forecasts in 10 would fall inside it.",
    ),
    "val_predicted_mean": ("Valeur prévue par client", "Predicted value per customer"),
    "val_predicted_mean_help": ("Valeur prévue (12 mois) ÷ clients.",
                                "Predicted value (12 months) ÷ customers."),
    "val_expected_purchases": ("Achats attendus (12 mois)", "Expected purchases (12 months)"),
    "val_scatter_title": ("Déjà dépensé et attendu, client par client",
                          "Spent so far and expected, customer by customer"),
    "val_scatter_x": ("Valeur historique ({unit})", "Historic value ({unit})"),
    "val_scatter_y": ("Valeur prévue sur 12 mois ({unit})",
                      "Predicted value over 12 months ({unit})"),
    "val_scatter_caption": (
        "Chaque point est un client : à droite ceux qui ont beaucoup dépensé, en haut ceux qui "
        "devraient beaucoup dépenser ; plus la couleur est claire, plus il est probable qu'ils "
        "soient partis.",
        "Each dot is a customer: on the right those who spent a lot, at the top those expected "
        "to spend a lot; the paler the colour, the likelier they are gone.",
    ),
    "val_historic_short": ("Dépensé", "Spent"),
    "val_predicted_short": ("Prévu 12 mois", "Expected 12 months"),
    "val_p_alive_short": ("P(actif) %", "P(alive) %"),
    "val_top_header": ("Les clients qui comptent le plus", "The customers who matter most"),
    "val_top_caption_predicted": (
        "Les {n} clients dont on attend le plus de chiffre d'affaires dans les 12 prochains mois.",
        "The {n} customers expected to bring the most revenue over the next 12 months.",
    ),
    "val_top_caption_historic": (
        "Les {n} clients qui ont le plus dépensé à ce jour (pas de prévision possible).",
        "The {n} customers who spent the most to date (no prediction possible).",
    ),
    "val_col_name": ("Nom", "Name"),
    "val_col_email": ("E-mail", "Email"),
    "val_col_phone": ("Téléphone", "Phone"),
    "val_col_last_order": ("Dernière commande", "Last order"),
    "val_col_historic": ("Valeur historique", "Historic value"),
    "val_col_predicted": ("Valeur prévue (12 mois)", "Predicted value (12 months)"),
    "val_col_p_alive": ("P(actif)", "P(alive)"),
    "val_risk_header": ("Qui risque de partir ?", "Who may be leaving?"),
    "val_p_alive_title": ("Probabilité d'être actif (clients fidèles)",
                          "Probability still active (repeat customers)"),
    "val_p_alive_axis": ("P(actif) (%)", "P(alive) (%)"),
    "val_p_alive_caption": (
        "Clients venus au moins deux fois. Un client venu une seule fois est compté actif "
        "(100 %) : le modèle ne fait partir un client qu'après un réachat.",
        "Customers who came at least twice. A one-time customer counts as active (100%): the "
        "model lets a customer leave only after a repeat purchase.",
    ),
    "val_risk_caption": (
        "La liste « À risque — précieux », la même que sur la page Segments : un appel ou un "
        "message personnel peut les faire revenir. P(actif) et la valeur prévue disent ce qu'en "
        "pense le modèle. Les plus gros clients en tête.",
        "The list 'At risk — valuable', the same as on the Segments page: a call or a personal "
        "message may bring them back. P(alive) and the predicted value say what the model "
        "thinks of them. Biggest spenders first.",
    ),
    "val_risk_shown": (
        "Les {shown} plus gros clients sur {total} sont affichés : commencez par eux.",
        "The {shown} biggest spenders of {total} are shown: start with them.",
    ),
    "val_bt_header": ("Peut-on se fier aux prévisions ?", "Can the predictions be trusted?"),
    "val_bt_unavailable": (
        "Pas de test possible : sans ses {weeks} dernières semaines, l'historique ne suffit pas "
        "à estimer le modèle. Les prévisions restent affichées, sans vérification.",
        "No test possible: without its last {weeks} weeks the history is too short to fit the "
        "model. The predictions are shown without a check.",
    ),
    "val_bt_title": ("Achats cumulés : prévus et réels",
                     "Cumulative purchases: predicted and actual"),
    "val_bt_actual": ("Réels", "Actual"),
    "val_bt_predicted": ("Prévus", "Predicted"),
    "val_bt_axis_week": ("Semaine (fin)", "Week (ending)"),
    "val_bt_axis_purchases": ("Achats cumulés", "Cumulative purchases"),
    "val_bt_caption": (
        "Le modèle a été réestimé avec les seules données jusqu'au {start}, puis ses prévisions "
        "comparées à ce que ces clients ont réellement acheté ensuite. Écart moyen par client : "
        "{mae} achat.",
        "The model was refitted on the data up to {start} only, then its predictions compared "
        "with what those customers really bought afterwards. Mean error per customer: {mae} "
        "purchase.",
    ),
    "val_definitions": (
        "- **Les modèles** : BG/NBD (Fader, Hardie & Lee, 2005, « Counting Your Customers the "
        "Easy Way »), MBG/NBD (Batislam, Denizel & Filiztekin, 2007) et Pareto/NBD "
        "(Schmittlein, Morrison & Colombo, 1987) pour les achats ; Gamma-Gamma (Fader, Hardie & "
        "Lee, 2005, « RFM and CLV ») pour le panier attendu.\n"
        "- **À risque — précieux** : P(actif) ne choisit pas cette liste, il la décrit.\n"
        "- **Test des prévisions** : chaque modèle est réestimé sans les dernières semaines, "
        "autant que l'horizon des prévisions (52, ou moins si l'historique est court) ; ses "
        "prévisions d'achats et de chiffre d'affaires pour ces semaines sont comparées à la "
        "réalité des clients déjà connus (les nouveaux venus n'y sont pas). Écart = prévus ÷ "
        "réels − 1 ; le modèle à l'écart le plus faible est retenu.\n"
        "- Quand les données ne suffisent pas (moins de 20 clients revenus plusieurs fois, "
        "modèle instable), seules les valeurs historiques sont affichées, avec la raison.",
        "- **The models**: BG/NBD (Fader, Hardie & Lee, 2005, \"Counting Your Customers the "
        "Easy Way\"), MBG/NBD (Batislam, Denizel & Filiztekin, 2007) and Pareto/NBD "
        "(Schmittlein, Morrison & Colombo, 1987) for purchases; Gamma-Gamma (Fader, Hardie & "
        "Lee, 2005, \"RFM and CLV\") for the expected spend.\n"
        "- **At risk — valuable**: P(alive) does not choose this list, it describes it.\n"
        "- **Prediction test**: each model is refitted without the last weeks, as many as the "
        "forecast's horizon (52, or fewer when the history is short); its purchase and revenue "
        "predictions for those weeks are compared with what the customers already known did "
        "(newcomers are left out). Error = predicted ÷ actual − 1; the model with the smallest "
        "error is kept.\n"
        "- When the data is not enough (fewer than 20 repeat customers, unstable model), only "
        "historic values are shown, with the reason.",
    ),
}
