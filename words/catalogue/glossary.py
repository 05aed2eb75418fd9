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
        ("Les clients revenus plusieurs fois (3 commandes valides ou plus : note F de 3 à 5) dont "
         "la dernière commande valide est ancienne (note R de 1 ou 2 : plus de 3 mois sans "
         "commande, plus de 6 mois sous 20 clients), soit les segments « À risque — réguliers » "
         "et « À risque — à ne pas perdre ». Parmi eux, « À risque — précieux » : ceux qui sont "
         "aussi parmi les deux cinquièmes qui dépensent le plus (note M de 4 ou 5) ; et, parmi "
         "les précieux, « À appeler cette semaine » : ceux entrés dans « À risque » ces 7 "
         "derniers jours ou dont l'achat attendu (dernier jour d'achat + l'intervalle moyen entre "
         "leurs jours d'achat) tombait ces 7 jours, sauf ceux qui ont demandé à ne plus être "
         "sollicités. Segments, Valeur client, le rapport du lundi et la ligne de commande "
         "comptent les mêmes personnes, à la date.",
         "Customers who came back several times (3 valid orders or more: F score 3 to 5) whose "
         "last valid order is old (R score 1 or 2: over 3 months without an order, over 6 months "
         "below 20 customers), that is the segments 'At risk — regulars' and 'At risk — can't "
         "lose them'. Among them, 'At risk — valuable': those who are also among the two fifths "
         "who spend most (M score 4 or 5); and, among the valuable ones, 'To call this week': "
         "those who became at risk in the last 7 days or whose expected purchase (last purchase "
         "day + the average gap between their purchase days) fell in those 7 days, except those "
         "who asked not to be contacted. Segments, Customer value, the Monday report and the "
         "command line count the same people, at the date."),
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
    "at_risk": "metrics.at_risk.at_risk",
    "lost": "metrics.rfm.SEGMENT_MAP",
}

STRINGS: dict[str, tuple[str, str]] = {
    **{f"term_{key}": term for key, (term, _) in GLOSSARY.items()},
    **{f"def_{key}": meaning for key, (_, meaning) in GLOSSARY.items()},
}
