"""The glossary: one entry per term shown to the owner, French and English, saying what it counts
and over which window. Each is computed by one definition (store/definitions/, named in
``COMPUTED_BY``); pages' help texts, their "Définitions" panels, the Définitions page and the
rapport du lundi all show these entries (keys ``term_<key>`` and ``def_<key>``), so a term is
described once. A label on a page says the window when it is not the page's week
('(12 mois)', '(depuis le début)')."""

from __future__ import annotations

# key -> (term fr, term en), (definition fr, definition en)
GLOSSARY: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "valid_order": (
        ("Commande valide", "Valid order"),
        ("Ni annulée, ni entièrement remboursée, ni en attente, montant net (payé − remboursé) "
         "> 0.",
         "Not cancelled, not fully refunded, not pending, net amount (paid − refunded) > 0."),
    ),
    "revenue": (
        ("Chiffre d'affaires (CA net)", "Revenue (net)"),
        ("Somme des montants nets (payé − remboursé) des commandes valides de la période, TTC, "
         "frais de port et ventes anonymes compris, avoirs déduits. Période : la semaine sur la "
         "Vue d'ensemble et dans le rapport du lundi.",
         "Sum of the net amounts (paid − refunded) of the period's valid orders, tax, shipping "
         "and anonymous sales included, credit notes deducted. Period: the week on the Overview "
         "and in the Monday report."),
    ),
    "credit_notes": (
        ("Avoirs et retours", "Credit notes and returns"),
        ("Ils diminuent le chiffre d'affaires net, jamais ignorés ; celui d'une commande nommée "
         "est un remboursement de cette commande, sinon un avoir du client (montant négatif) : "
         "il diminue sa dépense nette mais n'est ni une commande ni un client ; un avoir sans "
         "client ne diminue que le chiffre d'affaires de la boutique.",
         "They reduce net revenue, never dropped; one naming an order is a refund of that "
         "order, otherwise a credit note of the customer (a negative amount): it lowers their "
         "net spend but is neither an order nor a customer; a credit note without a customer "
         "only lowers the shop's revenue."),
    ),
    "orders": (
        ("Commandes", "Orders"),
        ("Commandes valides de la période, ventes anonymes comprises (la semaine sur la Vue "
         "d'ensemble et dans le rapport du lundi).",
         "Valid orders of the period, anonymous sales included (the week on the Overview and in "
         "the Monday report)."),
    ),
    "customers": (
        ("Clients", "Customers"),
        ("Personnes identifiées (e-mail, téléphone ou nom et code postal) avec au moins une "
         "commande valide dans la fenêtre : la semaine sur la Vue d'ensemble et dans le rapport "
         "du lundi ; depuis le début de l'historique jusqu'à la date sur Réachat, Segments et "
         "Valeur client. Les ventes anonymes n'y sont pas.",
         "Identified people (email, phone or name and postcode) with at least one valid order "
         "in the window: the week on the Overview and in the Monday report; from the start of "
         "the history up to the date on Repeat, Segments and Customer value. Anonymous sales "
         "are not in."),
    ),
    "people": (
        ("Personnes", "People"),
        ("Toutes les personnes du fichier clients, y compris les contacts qui n'ont jamais "
         "acheté : c'est pourquoi une liste de Segments peut compter plus de personnes que de "
         "clients.",
         "Everyone in the customer file, contacts who never bought included: this is why a "
         "Segments list can count more people than customers."),
    ),
    "new_customers": (
        ("Nouveaux clients", "New customers"),
        ("Clients de la semaine dont la toute première commande valide date de cette semaine.",
         "Customers of the week whose very first valid order is from this week."),
    ),
    "returning_customers": (
        ("Clients revenus", "Returning customers"),
        ("Clients de la semaine qui avaient déjà passé une commande valide avant elle.",
         "Customers of the week who had placed a valid order before it."),
    ),
    "average_basket": (
        ("Panier moyen", "Average basket"),
        ("Chiffre d'affaires net ÷ commandes valides de la période.",
         "Net revenue ÷ valid orders of the period."),
    ),
    "repeat_customers": (
        ("Clients fidèles", "Repeat customers"),
        ("Clients ayant passé au moins deux commandes valides dans la fenêtre.",
         "Customers with at least two valid orders in the window."),
    ),
    "repeat_rate": (
        ("Taux de réachat", "Repeat rate"),
        ("Clients fidèles ÷ clients, dans une fenêtre que le libellé dit : « (12 mois) » sur la "
         "Vue d'ensemble et dans le rapport du lundi (les 52 semaines finissant avec la "
         "semaine), « (depuis le début) » sur Réachat (tout l'historique jusqu'à la date).",
         "Repeat customers ÷ customers, over a window the label says: '(12 months)' on the "
         "Overview and in the Monday report (the 52 weeks ending with the week), '(since the "
         "start)' on Repeat (the whole history up to the date)."),
    ),
    "days_to_second_order": (
        ("Délai avant la 2e commande", "Time to the 2nd order"),
        ("Jours du calendrier entre la première et la deuxième commande valide d'un client (deux "
         "commandes le même jour : 0 jour), depuis le début de l'historique ; la médiane est "
         "le délai sous lequel se trouve la moitié des clients fidèles.",
         "Calendar days between a customer's first and second valid order (two orders on the "
         "same day: 0 days), since the start of the history; the median is the time half of "
         "the repeat customers are below."),
    ),
    "net_spend": (
        ("Dépense nette", "Net spend"),
        ("Somme des montants nets des commandes valides d'une personne jusqu'à la date, moins "
         "ses avoirs.",
         "Sum of the net amounts of a person's valid orders up to the date, less their credit "
         "notes."),
    ),
    "at_risk": (
        ("À risque", "At risk"),
        ("Segment RFM des clients qui achetaient souvent (F de 3 à 4) mais pas récemment (R de "
         "1 à 2), notes calculées à la date parmi tous les clients depuis le début.",
         "RFM segment of customers who used to buy often (F 3 to 4) but not lately (R 1 to 2), "
         "scores computed at the date among all customers since the start."),
    ),
    "lost": (
        ("Perdus", "Lost"),
        ("Segment RFM des clients d'une seule commande (F 1) qui n'ont pas acheté depuis le plus "
         "longtemps (R 1).",
         "RFM segment of one-order customers (F 1) who have not bought for the longest (R 1)."),
    ),
}

# The one definition behind each term (store/definitions/ or a metrics function).
COMPUTED_BY: dict[str, str] = {
    "valid_order": "view valid_orders",
    "revenue": "view net_revenue",
    "credit_notes": "view net_revenue",
    "orders": "view valid_orders",
    "customers": "macro customer_facts_until (valid_orders > 0), kpi_weekly_kpis for a week",
    "people": "table customers",
    "new_customers": "macro is_new_customer",
    "returning_customers": "macro is_new_customer (not)",
    "average_basket": "metrics.kpis.weekly_kpis",
    "repeat_customers": "macro is_repeat_customer",
    "repeat_rate": "macro is_repeat_customer",
    "days_to_second_order": "macro customer_first_days",
    "net_spend": "macro customer_money_until, customer_facts_until.net_spend",
    "at_risk": "metrics.rfm.SEGMENT_MAP",
    "lost": "metrics.rfm.SEGMENT_MAP",
}

STRINGS: dict[str, tuple[str, str]] = {
    **{f"term_{key}": term for key, (term, _) in GLOSSARY.items()},
    **{f"def_{key}": meaning for key, (_, meaning) in GLOSSARY.items()},
}
