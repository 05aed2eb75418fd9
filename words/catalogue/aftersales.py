"""After the sale (issue 16): the glossary entries of its measures (merged into the glossary by
words/catalogue/glossary.py) and the words of the Après-vente page, the command line, the
rapport du lundi's section and the exports' open complaints."""

from __future__ import annotations

_WINDOW_FR = "sur les 12 derniers mois jusqu'à la date"
_WINDOW_EN = "over the 12 months up to the date"

# key -> (term fr, term en), (definition fr, definition en); computed by AFTERSALES_COMPUTED_BY
AFTERSALES_GLOSSARY: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "aftersales_orders_placed": (
        ("Commandes passées", "Orders placed"),
        ("Commandes achetées, remboursées ou non : ni annulées, ni en attente, montant "
         "positif. Une commande entièrement remboursée n'est pas une commande valide, mais elle "
         "compte ici : c'est la base des taux de remboursement et des tickets pour 100 "
         "commandes.",
         "Orders bought, refunded or not: not cancelled, not pending, a positive amount. A "
         "fully refunded order is no valid order but counts here: the base of the refund rates "
         "and of tickets per 100 orders."),
    ),
    "aftersales_refund_rate_orders": (
        ("Taux de remboursement (commandes)", "Refund rate (orders)"),
        (f"Part des commandes passées {_WINDOW_FR} remboursées en tout ou en partie (par mois : "
         "celles du mois de la commande). Un retour apparaît comme un remboursement : les "
         "fichiers de ventes ne les distinguent pas.",
         f"Share of the orders placed {_WINDOW_EN} refunded in full or in part (by month: those "
         "of the order's month). A return shows as a refund: sales files do not tell them "
         "apart."),
    ),
    "aftersales_refund_rate_revenue": (
        ("Taux de remboursement (montant)", "Refund rate (value)"),
        (f"Montant remboursé des commandes passées {_WINDOW_FR}, divisé par leur montant payé "
         "(TTC, frais de port compris) ; une commande au statut « remboursée » l'est pour tout "
         "son montant.",
         f"Amount refunded on the orders placed {_WINDOW_EN}, divided by the amount paid for them "
         "(tax and shipping included); an order with the status 'refunded' is refunded in "
         "full."),
    ),
    "aftersales_days_to_refund": (
        ("Délai de remboursement", "Time to refund"),
        ("Jours entre la commande et son remboursement, médiane des remboursements faits "
         "sur les 12 derniers mois, pour ceux dont le fichier donne la date (Shopify, "
         "WooCommerce, Stripe, PayPal, Square, une colonne « Date de remboursement »). Sans "
         "date, un remboursement compte au jour de sa commande dans les listes de la semaine.",
         "Days between the order and its refund, median of the refunds made over the last 12 "
         "months, for those whose file gives the date (Shopify, WooCommerce, Stripe, PayPal, "
         "Square, a 'Refunded at' column). Without a date, a refund counts on its order's day "
         "in the week's lists."),
    ),
    "aftersales_nps": (
        ("NPS", "NPS"),
        (f"Net Promoter Score {_WINDOW_FR}, de −100 à +100 : % de promoteurs (9 ou 10 à « "
         "recommanderiez-vous… », sur 0 à 10) moins % de détracteurs (0 à 6) ; les passifs (7 "
         "ou 8) comptent dans le total. Une note sur 1 à 5 n'est pas un NPS : elle compte dans "
         "le CSAT.",
         f"Net Promoter Score {_WINDOW_EN}, −100 to +100: % promoters (9 or 10 to 'would you "
         "recommend…', on 0 to 10) minus % detractors (0 to 6); passives (7 or 8) count in "
         "the total. A 1 to 5 score is no NPS: it counts in CSAT."),
    ),
    "aftersales_csat": (
        ("CSAT (satisfaction)", "CSAT (satisfaction)"),
        (f"Part des réponses de satisfaction {_WINDOW_FR} notées 4 ou 5 sur 5.",
         f"Share of the satisfaction answers {_WINDOW_EN} scoring 4 or 5 out of 5."),
    ),
    "aftersales_average_rating": (
        ("Note moyenne des avis", "Average review rating"),
        (f"Moyenne des notes sur 5 des avis publiés {_WINDOW_FR}, y compris ceux d'auteurs "
         "qu'aucun client ne reconnaît.",
         f"Mean of the ratings out of 5 of the reviews {_WINDOW_EN}, including those whose "
         "author matches no customer."),
    ),
    "aftersales_tickets_per_100_orders": (
        ("Tickets pour 100 commandes", "Tickets per 100 orders"),
        (f"Tickets de service client ouverts {_WINDOW_FR}, pour 100 commandes passées sur la "
         "même période.",
         f"Customer service tickets opened {_WINDOW_EN}, per 100 orders placed in the same "
         "period."),
    ),
    "aftersales_first_response_time": (
        ("Délai de première réponse", "First response time"),
        (f"Heures entre l'ouverture d'un ticket et la première réponse, médiane des tickets "
         f"ouverts {_WINDOW_FR} qui ont une réponse.",
         f"Hours between a ticket's opening and the first reply, median of the tickets opened "
         f"{_WINDOW_EN} that have a reply."),
    ),
    "aftersales_resolution_time": (
        ("Délai de résolution", "Resolution time"),
        (f"Jours entre l'ouverture d'un ticket et sa résolution, médiane des tickets ouverts "
         f"{_WINDOW_FR} qui sont résolus.",
         f"Days between a ticket's opening and its resolution, median of the tickets opened "
         f"{_WINDOW_EN} that are resolved."),
    ),
    "aftersales_first_contact_resolution": (
        ("Résolus au premier contact", "Resolved at first contact"),
        (f"Part des tickets ouverts {_WINDOW_FR} résolus dès le premier échange, parmi ceux "
         "dont le fichier le dit (sinon : « – »).",
         f"Share of the tickets opened {_WINDOW_EN} resolved in the first exchange, among those "
         "whose file says so (otherwise '–')."),
    ),
    "aftersales_low_score": (
        ("Mauvaise note", "Low score"),
        ("Un NPS de 0 à 6 (détracteur), une satisfaction de 1 ou 2 sur 5, ou un avis de 2 "
         "étoiles ou moins.",
         "An NPS of 0 to 6 (detractor), a satisfaction of 1 or 2 out of 5, or a review of 2 "
         "stars or fewer."),
    ),
    "aftersales_repeat_after": (
        ("Réachat après un problème", "Bought again after a problem"),
        ("Part des clients qui ont passé une commande valide un jour après leur premier "
         "remboursement (ou ticket, ou mauvaise note), jusqu'à la date ; seuls comptent ceux "
         "qui avaient déjà acheté ce jour-là.",
         "Share of the customers who placed a valid order on a day after their first refund "
         "(or ticket, or low score), up to the date; only those who had bought by that day "
         "count."),
    ),
    "aftersales_repeat_comparable": (
        ("Réachat des clients comparables", "Comparable customers who bought again"),
        ("Pour chaque client concerné, les clients qui n'ont jamais eu ce problème, arrivés le "
         "même mois (mois de la première commande) et qui avaient le même nombre de commandes "
         "ce jour-là : part de ceux qui ont racheté après ce même jour, moyenne sur les clients "
         "concernés (chacun pèse autant), à comparer au rachat de ces mêmes clients concernés. "
         "Une association, pas une preuve : d'autres différences peuvent l'expliquer.",
         "For each customer concerned, the customers who never had that problem, who arrived "
         "in the same month (month of the first order) and had the same number of orders that "
         "day: share of them who bought again after that same day, averaged over the customers "
         "concerned (each weighs the same), to compare with those same customers' own figure. "
         "An association, not proof: other differences may explain it."),
    ),
    "aftersales_value_12m": (
        ("Valeur sur 12 mois après", "Value over the next 12 months"),
        ("Dépense nette (commandes valides) dans les 365 jours après le jour du problème, "
         "pour les problèmes d'au moins un an ; pour les clients comparables, après ce même "
         "jour, mesurée sur au plus 50 d'entre eux par mois d'arrivée (toujours les mêmes).",
         "Net spend (valid orders) in the 365 days after the problem's day, for problems at "
         "least a year old; for comparable customers, after that same day, measured on at most "
         "50 of them per arrival month (always the same)."),
    ),
    "aftersales_nps_retention": (
        ("Rétention par classe NPS", "Retention by NPS class"),
        ("Clients groupés selon leur première réponse NPS (promoteurs, passifs, détracteurs) : "
         "part de ceux qui ont passé une commande valide 1, 2… 12 mois après le mois de leur "
         "réponse ; un mois compte une fois terminé.",
         "Customers grouped by their first NPS answer (promoters, passives, detractors): share "
         "of them with a valid order 1, 2… 12 months after the month of their answer; a month "
         "counts once it is over."),
    ),
    "aftersales_open_complaint": (
        ("Réclamation ouverte", "Open complaint"),
        ("Un ticket du client ouvert et pas encore résolu (ni date de résolution, ni statut "
         "résolu ou fermé). Ces clients sont laissés hors des exports marketing, sauf si vous "
         "les incluez.",
         "A ticket of the customer opened and not resolved yet (no resolution date, no solved "
         "or closed status). These customers are left out of marketing exports unless you "
         "include them."),
    ),
}

AFTERSALES_COMPUTED_BY: dict[str, str] = {
    "aftersales_orders_placed": "view placed_orders",
    "aftersales_refund_rate_orders": "view placed_orders (refunded), metrics/sql/aftersales_summary.sql",
    "aftersales_refund_rate_revenue": "view placed_orders (refunded_value), "
                                      "metrics/sql/aftersales_summary.sql",
    "aftersales_days_to_refund": "view placed_orders (refunded_at), aftersales_summary.sql",
    "aftersales_nps": "macro nps_class, metrics/sql/aftersales_summary.sql",
    "aftersales_csat": "macro is_satisfied, metrics/sql/aftersales_summary.sql",
    "aftersales_average_rating": "metrics/sql/aftersales_summary.sql (average_rating)",
    "aftersales_tickets_per_100_orders": "metrics/sql/aftersales_summary.sql",
    "aftersales_first_response_time": "metrics/sql/aftersales_summary.sql",
    "aftersales_resolution_time": "metrics/sql/aftersales_summary.sql",
    "aftersales_first_contact_resolution": "metrics/sql/aftersales_summary.sql",
    "aftersales_low_score": "view low_scores",
    "aftersales_repeat_after": "metrics/sql/aftersales_loyalty.sql (repeat_rate_after)",
    "aftersales_repeat_comparable": "metrics/sql/aftersales_loyalty.sql (repeat_rate_without)",
    "aftersales_value_12m": "metrics/sql/aftersales_loyalty.sql (value_12m_*)",
    "aftersales_nps_retention": "metrics/sql/aftersales_nps_retention.sql",
    "aftersales_open_complaint": "macro ticket_open_on",
}

STRINGS: dict[str, tuple[str | dict[str, str], str | dict[str, str]]] = {
    # page
    "aftersales_page": ("Après-vente", "After-sales"),
    "aftersales_intro": (
        "Remboursements, satisfaction, avis et tickets de service client, et ce qu'ils "
        "annoncent pour la fidélité.",
        "Refunds, satisfaction, reviews and customer service tickets, and what they go with "
        "in loyalty.",
    ),
    "aftersales_window": ("12 derniers mois, du {since} au {as_of}",
                          "Last 12 months, {since} to {as_of}"),
    # durations: ``count`` chooses the plural, ``value`` is the duration written out (1,5)
    "aftersales_hours": ({"one": "{value} heure", "other": "{value} heures"},
                         {"one": "{value} hour", "other": "{value} hours"}),
    "aftersales_days": ({"one": "{value} jour", "other": "{value} jours"},
                        {"one": "{value} day", "other": "{value} days"}),
    "aftersales_out_of_5": ("{value} / 5", "{value} / 5"),
    "aftersales_answers": ({"one": "{count} réponse", "other": "{count} réponses"},
                           {"one": "{count} answer", "other": "{count} answers"}),
    "aftersales_reviews": ({"one": "{count} avis", "other": "{count} avis"},
                           {"one": "{count} review", "other": "{count} reviews"}),
    "aftersales_tickets": ({"one": "{count} ticket", "other": "{count} tickets"},
                           {"one": "{count} ticket", "other": "{count} tickets"}),
    "aftersales_refunds_count": (
        {"one": "{refunded} remboursement sur {count} commande",
         "other": "{refunded} remboursements sur {count} commandes"},
        {"one": "{refunded} refund of {count} order",
         "other": "{refunded} refunds of {count} orders"},
    ),
    "aftersales_dated": (
        {"one": "{count} remboursement daté", "other": "{count} remboursements datés"},
        {"one": "{count} dated refund", "other": "{count} dated refunds"},
    ),
    "aftersales_nothing_imported": (
        "Aucun avis, aucune enquête ni aucun ticket importé pour l'instant : importez vos "
        "exports (Trustpilot, Avis Vérifiés, Google Forms, Typeform, Zendesk, Gorgias…) sur la "
        "page Importer pour voir le NPS, la satisfaction et les tickets.",
        "No review, survey or ticket imported yet: import your exports (Trustpilot, Avis "
        "Vérifiés, Google Forms, Typeform, Zendesk, Gorgias…) on the Import page to see NPS, "
        "satisfaction and tickets.",
    ),
    "aftersales_refunds_header": ("Remboursements par mois", "Refunds by month"),
    "aftersales_refunds_caption": (
        "Par mois de la commande : part des commandes passées remboursées, en nombre et en "
        "montant. Un retour apparaît comme un remboursement.",
        "By month of the order: share of the orders placed that were refunded, by number and "
        "by value. A return shows as a refund.",
    ),
    "aftersales_returns_unknown": (
        "Retours : vos fichiers de ventes disent ce qui a été remboursé, pas quels articles sont "
        "revenus ; aucun taux de retour n'est donc calculé. Un article renvoyé et remboursé "
        "compte dans le taux de remboursement.",
        "Returns: your sales files say what was refunded, not which items came back, so no "
        "return rate is computed. An item sent back and refunded counts in the refund rate.",
    ),
    "aftersales_by_orders": ("En commandes", "By orders"),
    "aftersales_by_value": ("En montant", "By value"),
    "aftersales_products_header": ("Remboursements par produit (12 mois)",
                                   "Refunds by product (12 months)"),
    "aftersales_products_caption": (
        "Produits d'au moins {minimum} commandes passées sur les 12 derniers mois, les plus "
        "remboursés d'abord.",
        "Products in at least {minimum} orders placed over the last 12 months, the most "
        "refunded first.",
    ),
    "aftersales_loyalty_header": ("Après un problème, reviennent-ils ?",
                                  "After a problem, do they come back?"),
    "aftersales_caveat": (
        "Une association, pas une preuve : les clients comparés sont arrivés le même mois et "
        "avaient le même nombre de commandes, mais d'autres différences peuvent expliquer "
        "l'écart. Les chiffres tirés de peu de clients varient beaucoup.",
        "An association, not proof: the customers compared arrived in the same month and had "
        "the same number of orders, but other differences may explain the gap. Figures drawn "
        "from few customers vary a lot.",
    ),
    "aftersales_event_refund": ("Après un remboursement", "After a refund"),
    "aftersales_event_ticket": ("Après un ticket", "After a ticket"),
    "aftersales_event_low_score": ("Après une mauvaise note", "After a low score"),
    "aftersales_col_event": ("Événement", "Event"),
    "aftersales_col_customers": ("Clients concernés", "Customers concerned"),
    "aftersales_col_repeat_after": ("Ont racheté", "Bought again"),
    "aftersales_col_matched": ("Clients avec des comparables", "Customers with comparables"),
    "aftersales_col_comparables": ("Clients comparables", "Comparable customers"),
    "aftersales_col_repeat_matched": ("Ont racheté (clients comparés)",
                                      "Bought again (customers compared)"),
    "aftersales_col_repeat_without": ("Comparables qui ont racheté",
                                      "Comparables who bought again"),
    "aftersales_col_value_without": ("Valeur des comparables", "Comparables' value"),
    "aftersales_loyalty_reading": (
        "{after} des clients remboursés ont racheté ensuite ({customers}). Parmi les {matched} "
        "qui ont des clients comparables, {after_matched} ont racheté, contre {without} de ces "
        "clients comparables jamais remboursés ({comparables}).",
        "{after} of refunded customers bought again afterwards ({customers}). Of the {matched} "
        "who have comparable customers, {after_matched} bought again, against {without} of "
        "those comparable customers never refunded ({comparables}).",
    ),
    "aftersales_people": ({"one": "{count} client", "other": "{count} clients"},
                          {"one": "{count} customer", "other": "{count} customers"}),
    "aftersales_customers_count": ({"one": "{count} client remboursé",
                                    "other": "{count} clients remboursés"},
                                   {"one": "{count} refunded customer",
                                    "other": "{count} refunded customers"}),
    "aftersales_comparables_count": ({"one": "{count} client comparable",
                                      "other": "{count} clients comparables"},
                                     {"one": "{count} comparable customer",
                                      "other": "{count} comparable customers"}),
    "aftersales_months_after": ("Mois après la réponse", "Months after the answer"),
    "aftersales_share_buying": ("Part des clients qui achètent", "Share of customers buying"),
    "aftersales_class_promoter": ("Promoteurs (9–10)", "Promoters (9–10)"),
    "aftersales_class_passive": ("Passifs (7–8)", "Passives (7–8)"),
    "aftersales_class_detractor": ("Détracteurs (0–6)", "Detractors (0–6)"),
    "aftersales_no_nps": ("Pas encore de réponse NPS reliée à un client.",
                          "No NPS answer linked to a customer yet."),
    "aftersales_detractors_header": ("Détracteurs récents à rappeler",
                                     "Recent detractors to call back"),
    "aftersales_detractors_caption": (
        "Dernière réponse des {days} derniers jours : un NPS de 0 à 6 ou une satisfaction de "
        "1 ou 2 sur 5. Un appel rattrape souvent un client déçu.",
        "Latest answer in the last {days} days: an NPS of 0 to 6 or a satisfaction of 1 or 2 "
        "out of 5. A call often wins back a disappointed customer.",
    ),
    "aftersales_promoters_header": ("Promoteurs à qui demander un avis",
                                    "Promoters to ask for a review"),
    "aftersales_promoters_caption": (
        "Dernière réponse des {days} derniers jours : 9 ou 10, et pas d'avis publié depuis.",
        "Latest answer in the last {days} days: 9 or 10, and no review written since.",
    ),
    "aftersales_nobody": ("Personne pour l'instant.", "Nobody for now."),
    "aftersales_col_name": ("Client", "Customer"),
    "aftersales_col_email": ("E-mail", "Email"),
    "aftersales_col_phone": ("Téléphone", "Phone"),
    "aftersales_col_answered_at": ("Réponse du", "Answered on"),
    "aftersales_col_nps_score": ("NPS", "NPS"),
    "aftersales_col_csat_score": ("Satisfaction /5", "Satisfaction /5"),
    "aftersales_col_comment": ("Commentaire", "Comment"),
    "aftersales_col_open_ticket": ("Ticket ouvert", "Open ticket"),
    "aftersales_col_email_consent": ("Accepte les e-mails", "Accepts emails"),
    "aftersales_col_month": ("Mois", "Month"),
    "aftersales_col_product": ("Produit", "Product"),
    "aftersales_col_refunded_orders": ("Remboursées", "Refunded"),
    "aftersales_col_refund_rate": ("Taux de remboursement", "Refund rate"),
    # command line
    "aftersales_line": ("{term} : {value}", "{term}: {value}"),
    "aftersales_loyalty_line": (
        "{event} : {after} ({customers}) ; comparés : {after_matched} ({matched}) contre "
        "{without} ({comparables})",
        "{event}: {after} ({customers}); compared: {after_matched} ({matched}) against "
        "{without} ({comparables})",
    ),
    "aftersales_cli_open_complaints": (
        "segment : inclure les clients qui ont une réclamation ouverte (par défaut, ils sont "
        "laissés hors de l'export)",
        "segment: include the customers with an open complaint (by default they are left out "
        "of the export)",
    ),
    "aftersales_left_out": (
        {"one": " ; {count} client laissé de côté pour une réclamation ouverte (--open-complaints "
                "pour l'inclure)",
         "other": " ; {count} clients laissés de côté pour une réclamation ouverte "
                  "(--open-complaints pour les inclure)"},
        {"one": "; {count} customer left out for an open complaint (--open-complaints to "
                "include them)",
         "other": "; {count} customers left out for an open complaint (--open-complaints to "
                  "include them)"},
    ),
    # segment page
    "aftersales_include_open": ("Inclure les clients qui ont une réclamation ouverte",
                                "Include customers with an open complaint"),
    "aftersales_page_left_out": (
        {"one": "{count} client de la liste a une réclamation ouverte : laissé hors de l'export.",
         "other": "{count} clients de la liste ont une réclamation ouverte : laissés hors de "
                  "l'export."},
        {"one": "{count} customer of the list has an open complaint: left out of the export.",
         "other": "{count} customers of the list have an open complaint: left out of the "
                  "export."},
    ),
    # rapport du lundi
    "aftersales_report_header": ("Après-vente de la semaine", "The week after the sale"),
    "aftersales_report_detractors": ("Nouveaux détracteurs", "New detractors"),
    "aftersales_report_detractors_note": (
        "Réponses de la semaine : NPS de 0 à 6 ou satisfaction de 1 ou 2 sur 5.",
        "The week's answers: NPS of 0 to 6 or satisfaction of 1 or 2 out of 5.",
    ),
    "aftersales_report_tickets": ("Tickets ouverts depuis plus de {days} jours",
                                  "Tickets open for more than {days} days"),
    "aftersales_report_tickets_note": (
        "Encore ouverts le dimanche soir, les plus anciens d'abord.",
        "Still open on Sunday evening, oldest first.",
    ),
    "aftersales_report_refunds": ("Remboursements de la semaine", "The week's refunds"),
    "aftersales_report_refunds_note": (
        "Au jour du remboursement quand le fichier le donne, sinon au jour de la commande ; "
        "les plus gros d'abord.",
        "On the refund's day where the file gives it, otherwise on the order's day; largest "
        "first.",
    ),
    "aftersales_sheet_detractors": ("Détracteurs", "Detractors"),
    "aftersales_sheet_tickets": ("Tickets anciens", "Old tickets"),
    "aftersales_sheet_refunds": ("Remboursements", "Refunds"),
    "aftersales_col_opened_at": ("Ouvert le", "Opened on"),
    "aftersales_col_days_open": ("Jours ouvert", "Days open"),
    "aftersales_col_reason": ("Motif", "Reason"),
    "aftersales_col_status": ("Statut", "Status"),
    "aftersales_col_order_number": ("N° de commande", "Order number"),
    "aftersales_col_ordered_at": ("Commandé le", "Ordered on"),
    "aftersales_col_refunded_on": ("Remboursé le", "Refunded on"),
    "aftersales_col_refund_dated": ("Date du fichier", "Date from the file"),
    "aftersales_col_refunded": ("Remboursé", "Refunded"),
}
