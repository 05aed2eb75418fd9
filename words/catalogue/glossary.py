"""The glossary: one entry per term shown to the owner, French and English, saying what it counts
and over which window. Each is computed by one definition (store/definitions/, named in
``COMPUTED_BY``); pages' help texts, their "Définitions" panels, the Définitions page and the
rapport du lundi all show these entries (keys ``term_<key>`` and ``def_<key>``), so a term is
described once. A label on a page says the window when it is not the page's week
('(12 mois)', '(depuis le début)')."""

from __future__ import annotations

from words.catalogue.aftersales import AFTERSALES_COMPUTED_BY, AFTERSALES_GLOSSARY
from words.catalogue.consent import CONSENT_COMPUTED_BY, CONSENT_GLOSSARY

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
         "d'ensemble et dans le rapport du lundi) ; sur la Fiche client, toutes les commandes "
         "valides du client.",
         "Valid orders of the period, anonymous sales included (the week on the Overview and in "
         "the Monday report); on the Customer page, all the customer's valid orders."),
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
        ("Chiffre d'affaires net ÷ commandes valides de la période ; sur la Fiche client, "
         "dépense nette du client ÷ ses commandes valides.",
         "Net revenue ÷ valid orders of the period; on the Customer page, the customer's net "
         "spend ÷ their valid orders."),
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
    "cohort": (
        ("Cohorte", "Cohort"),
        ("Les clients dont la première commande valide tombe dans la même semaine (du lundi au "
         "dimanche), le même mois ou le même trimestre.",
         "The customers whose first valid order falls in the same week (Monday to Sunday), "
         "month or quarter."),
    ),
    "retention": (
        ("Rétention (% de la cohorte)", "Retention (% of the cohort)"),
        ("Part des clients d'une cohorte qui ont passé au moins une commande valide pendant la "
         "k-ième période après celle de leur arrivée.",
         "Share of a cohort's customers with at least one valid order in the k-th period after "
         "their arrival one."),
    ),
    "revenue_retention": (
        ("CA (% de l'arrivée)", "Revenue (% of arrival)"),
        ("Chiffre d'affaires net d'une cohorte pendant la période k ÷ son chiffre d'affaires de "
         "la période d'arrivée ; l'avoir d'un client diminue celui de la période où il tombe.",
         "A cohort's net revenue in period k ÷ its revenue in the arrival period; a customer's "
         "credit note lowers that of the period it falls in."),
    ),
    "cumulative_revenue_per_customer": (
        ("CA cumulé par client", "Cumulative revenue per customer"),
        ("Chiffre d'affaires net d'une cohorte de sa période d'arrivée à la période k ÷ nombre "
         "de clients de la cohorte.",
         "A cohort's net revenue from its arrival period to period k ÷ the cohort's "
         "customers."),
    ),
    "historic_value": (
        ("Valeur historique", "Historic value"),
        ("Ce qu'un client a déjà rapporté : sa dépense nette (montants nets de ses commandes "
         "valides moins ses avoirs) jusqu'à la date ; sur Valeur client, le total de tous les "
         "clients.",
         "What a customer has brought in so far: their net spend (net amounts of their valid "
         "orders less their credit notes) up to the date; on Customer value, the total over "
         "every customer."),
    ),
    "expected_purchases": (
        ("Achats attendus", "Expected purchases"),
        ("Nombre de jours d'achat (plusieurs commandes le même jour = un achat) attendus dans la "
         "fenêtre que le libellé dit (12 mois sur Valeur client, 13 semaines sur la Fiche "
         "client), selon le modèle d'achat que le test des prévisions retient pour la boutique "
         "(BG/NBD, MBG/NBD ou Pareto/NBD), estimé sur l'historique jusqu'à la date : il tient "
         "compte du rythme d'achat de chaque client et du temps écoulé depuis son dernier achat.",
         "Purchase days (several orders on one day = one purchase) expected in the window the "
         "label says (12 months on Customer value, 13 weeks on the Customer page), from the "
         "purchase model the prediction test keeps for the shop (BG/NBD, MBG/NBD or Pareto/NBD), "
         "fitted on the history up to the date: it accounts for each customer's buying pace and "
         "the time since their last purchase."),
    ),
    "predicted_value": (
        ("Valeur prévue (12 mois)", "Predicted value (12 months)"),
        ("Chiffre d'affaires attendu d'un client dans les 52 prochaines semaines : achats "
         "attendus × panier attendu (modèle Gamma-Gamma, qui rapproche le panier moyen du client "
         "de celui de tous les clients) ; sur Valeur client, le total de tous les clients.",
         "Revenue expected from a customer over the next 52 weeks: expected purchases × "
         "expected spend (Gamma-Gamma model, which pulls the customer's average basket towards "
         "that of all customers); on Customer value, the total over every customer."),
    ),
    "p_alive": (
        ("Probabilité d'être actif (P(actif))", "Probability still active (P(alive))"),
        ("Probabilité, selon le modèle d'achat retenu, que le client achète encore chez vous, "
         "d'après le rythme de ses achats et le temps écoulé depuis le dernier. Avec BG/NBD, un "
         "client venu une seule fois est à 100 % ; avec MBG/NBD et Pareto/NBD, elle baisse avec "
         "le temps écoulé depuis son achat.",
         "Probability, under the purchase model kept, that the customer still buys from you, "
         "from the pace of their purchases and the time since the last one. With BG/NBD a "
         "one-time customer is at 100%; with MBG/NBD and Pareto/NBD it falls with the time "
         "since their purchase."),
    ),
    "rfm_segment": (
        ("Segment", "Segment"),
        ("Segment RFM d'un client à la date, nommé d'après ses notes de récence (R, jours "
         "depuis sa dernière commande valide) et de fréquence (F, nombre de commandes valides), "
         "de 1 à 5, comme dans la grille de la page Segments ; la note M (dépense nette) ne "
         "nomme pas de segment. Sous 20 clients, pas de segments : un rang entre si peu de "
         "clients ne dit rien.",
         "A customer's RFM segment at the date, named after their recency (R, days since their "
         "last valid order) and frequency (F, number of valid orders) scores, 1 to 5, as in the "
         "Segments page's grid; the M score (net spend) names no segment. Below 20 customers, "
         "no segments: a rank among so few customers says nothing."),
    ),
    "import_rows": (
        ("Lignes lues, importées, rejetées", "Rows read, loaded, rejected"),
        ("Chaque ligne d'un fichier importé est soit importée, soit rejetée avec son motif.",
         "Every row of an imported file is either loaded or rejected with its reason."),
    ),
    "import_orders": (
        ("Commandes nouvelles, mises à jour, inchangées", "New, updated, unchanged orders"),
        ("Une commande déjà connue (même source, même numéro) est mise à jour si quelque chose "
         "a changé (statut, remboursement…), sinon inchangée.",
         "An order already known (same source, same number) is updated if something changed "
         "(status, refund…), otherwise unchanged."),
    ),
    "new_customer_records": (
        ("Nouvelles fiches clients", "New customer records"),
        ("Personnes d'un fichier importé qu'aucun identifiant connu (e-mail, téléphone, n° "
         "client, nom et code postal) ne reliait à une fiche existante : des fiches créées, pas "
         "des « nouveaux clients » (ceux-ci ont passé leur première commande valide dans la "
         "semaine).",
         "People of an imported file no known identifier (email, phone, customer number, name "
         "and postcode) linked to an existing record: records created, not 'new customers' "
         "(those placed their first valid order in the week)."),
    ),
    "likeness": (
        ("Ressemblance", "Likeness"),
        ("1 − le produit des (1 − poids) des raisons de croire que deux fiches sont la même "
         "personne : même e-mail 95 %, même téléphone 90 %, même nom et code postal avec un seul "
         "e-mail 80 %, même nom et même e-mail avant le @ 70 %, même nom et code postal mais "
         "e-mails différents 50 %, même nom sans e-mail ni code postal en commun 40 %.",
         "1 − the product of (1 − weight) of the reasons to think two records are one person: "
         "same email 95%, same phone 90%, same name and postcode with one email at most 80%, "
         "same name and same email before the @ 70%, same name and postcode but different "
         "emails 50%, same name with no email or postcode in common 40%."),
    ),
    "replenishment": (
        ("Délai habituel de rachat", "Usual repurchase delay"),
        ("Pour un produit, la médiane des délais entre l'achat de ce produit par un client et son "
         "achat suivant du même produit (un achat = un jour où le client a une commande valide "
         "avec ce produit), depuis le début de l'historique jusqu'à la date ; donné à partir de "
         "10 rachats, en dessous ce sont les habitudes d'un ou deux clients.",
         "For a product, the median of the delays between a customer's purchase of it and their "
         "next purchase of the same product (a purchase = a day on which the customer has a "
         "valid order with it), from the start of the history up to the date; given from 10 "
         "repurchases, below that it is one or two customers' habits."),
    ),
    "replenishment_due": (
        ("À relancer", "Due for a reminder"),
        ("Clients dont le dernier achat d'un produit remonte à son délai habituel de rachat, ou "
         "jusqu'à 30 jours de plus, et qui ne l'ont pas racheté depuis : le moment d'un rappel.",
         "Customers whose last purchase of a product was its usual repurchase delay ago, or up "
         "to 30 days more, and who have not bought it since: the moment for a reminder."),
    ),
    "bought_together": (
        ("Achetés ensemble", "Bought together"),
        ("Deux produits dans la même commande valide, ventes anonymes comprises. Part : parmi les "
         "commandes avec le premier, celles qui ont aussi le second. Indice d'affinité : cette "
         "part divisée par la part de toutes les commandes qui ont le second ; au-dessus de 1, "
         "plus souvent ensemble que par hasard. Affiché à partir de 3 commandes.",
         "Two products in the same valid order, anonymous sales included. Share: of the orders "
         "with the first, those that also hold the second. Lift: that share divided by the "
         "share of all orders holding the second; above 1, together more often than by chance. "
         "Shown from 3 orders."),
    ),
    "bought_next": (
        ("Acheté ensuite", "Bought next"),
        ("Après l'achat d'un produit par un client, les produits de son jour d'achat suivant "
         "(le même produit compris). Part : parmi les achats du produit suivis d'un autre jour "
         "d'achat, ceux dont le jour suivant contient l'autre produit. Indice d'affinité : "
         "cette part divisée par la part de tous les jours d'achat (hors premier achat d'un "
         "client) qui le contiennent. Affiché à partir de 3 fois.",
         "After a customer's purchase of a product, the products of their next purchase day "
         "(the same product included). Share: of the purchases of the product followed by "
         "another purchase day, those whose next day holds the other product. Lift: that share "
         "divided by the share of all purchase days (a customer's first excepted) holding it. "
         "Shown from 3 times."),
    ),
    "seasonal_buyers": (
        ("Acheteurs saisonniers", "Seasonal buyers"),
        ("Clients dont toutes les commandes valides tombent dans une même saison de cadeaux : "
         "fêtes de fin d'année (novembre-décembre) ou fêtes des mères et des pères (mai-juin), "
         "une seule commande suffisant. Ils attendent leur saison, et ne sont pas perdus, "
         "jusqu'à la fin de cette saison l'année suivant leur dernière commande.",
         "Customers whose valid orders all fall in one gift season: year-end holidays "
         "(November-December) or Mother's and Father's Day (May-June), one order being enough. "
         "They are waiting for their season, not lost, until the end of that season in the year "
         "after their last order."),
    ),
    "saved_segment": (
        ("Liste enregistrée", "Saved list"),
        ("Les critères d'une liste du constructeur de Segments gardés sous un nom, jamais les "
         "personnes : la liste est recalculée chaque fois qu'elle est lue (page Segments, "
         "rapport du lundi, python -m metrics segment --saved NOM).",
         "A Segments builder list's criteria kept under a name, never the people: the list is "
         "recomputed each time it is read (Segments page, Monday report, python -m metrics "
         "segment --saved NAME)."),
    ),
    "channels_both": (
        ("Clients web et boutique", "Web and shop customers"),
        ("Clients ayant au moins une commande valide sur le site et une en boutique, depuis le "
         "début. Ils ont donc au moins deux commandes : leur dépense se compare à celle des "
         "clients fidèles d'un seul canal de vente, pas à celle de tous les clients.",
         "Customers with at least one valid order on the web shop and one in the boutique, "
         "since the start. They therefore have two orders at least: their spend compares with "
         "that of the repeat customers of one sales channel, not with every customer's."),
    ),
    "channels_first_order_cohorts": (
        ("Cohortes par première commande", "Cohorts by first order"),
        ("Les clients regroupés selon leur première commande valide : son premier produit (la "
         "première ligne), son canal de vente, ou son code de réduction (« Remise sans code » : "
         "une remise sans code dans le fichier, comme les soldes en boutique ; « Sans remise » : "
         "aucune remise).",
         "Customers grouped by their first valid order: its first product (the first line), "
         "its sales channel, or its discount code ('Discount without a code': a discount the "
         "file gives no code for, such as a boutique's sales; 'No discount': none)."),
    ),
    "channels_back_within_90d": (
        ("Réachat sous 90 jours", "Back within 90 days"),
        ("Part des clients dont la deuxième commande valide est venue au plus 90 jours après la "
         "première, parmi ceux dont la première date d'au moins 90 jours.",
         "Share of the customers whose second valid order came at most 90 days after the first, "
         "among those whose first is at least 90 days old."),
    ),
    "channels_value_12m": (
        ("Valeur à 12 mois", "12-month value"),
        ("Dépense nette moyenne d'un client pendant les 365 jours qui commencent à sa première "
         "commande valide, parmi les clients arrivés depuis au moins un an (les plus récents "
         "n'ont pas encore eu leur année).",
         "Average net spend of a customer in the 365 days starting with their first valid "
         "order, among the customers who arrived at least a year ago (newer ones have not had "
         "their year yet)."),
    ),
    "channels_order_gaps": (
        ("Délai entre deux commandes, étape par étape", "Delay between orders, step by step"),
        ("Pour chaque étape (1re → 2e commande, 2e → 3e…) : les clients arrivés à la première "
         "commande de l'étape, la part qui a passé la suivante, et le nombre de jours entre les "
         "deux (médiane et quartiles ; deux commandes le même jour : 0 jour).",
         "For each step (1st → 2nd order, 2nd → 3rd…): the customers who reached the step's "
         "first order, the share who placed the next, and the days between the two (median "
         "and quartiles; two orders on one day: 0 days)."),
    ),
    "channels_new_customer_revenue": (
        ("CA des nouveaux clients", "Revenue from new customers"),
        ("Chiffre d'affaires net de la période venant des clients dont la première commande "
         "valide est dans la période. Avec celui des clients revenus et les ventes anonymes, il "
         "fait le chiffre d'affaires.",
         "Net revenue of the period from the customers whose first valid order falls in it. "
         "With the returning customers' and the anonymous sales, it makes up the revenue."),
    ),
    "channels_returning_customer_revenue": (
        ("CA des clients revenus", "Revenue from returning customers"),
        ("Chiffre d'affaires net de la période venant des clients qui avaient déjà une commande "
         "valide avant elle.",
         "Net revenue of the period from the customers who had a valid order before it."),
    ),
}

# The one definition behind each term (store/definitions/ or a metrics function).
COMPUTED_BY: dict[str, str] = {
    "valid_order": "view valid_orders",
    "revenue": "view net_revenue",
    "credit_notes": "view net_revenue",
    "orders": "view valid_orders",
    "customers": "macro customer_facts_until (valid_orders > 0), kpi_period_kpis for a week",
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
    "cohort": "metrics/sql/cohort_retention.sql (cohort of the first valid order)",
    "retention": "metrics/sql/cohort_retention.sql (retention)",
    "revenue_retention": "metrics/sql/cohort_retention.sql (revenue_retention)",
    "cumulative_revenue_per_customer": ("metrics/sql/cohort_retention.sql "
                                        "(cumulative_revenue_per_customer)"),
    "historic_value": "macro customer_facts_until.net_spend, metrics.clv historic_value",
    "expected_purchases": "metrics.clv.customer_value (expected_purchases)",
    "predicted_value": "metrics.clv.customer_value (expected_revenue)",
    "p_alive": "metrics.clv.customer_value (p_alive)",
    "rfm_segment": "metrics.rfm.rfm, metrics.rfm.SEGMENT_MAP",
    "import_rows": "table imports (rows_read, rows_loaded, rows_rejected)",
    "import_orders": "table imports (orders_new, orders_updated, orders_unchanged)",
    "new_customer_records": "table imports (customers_new)",
    "likeness": "identity.duplicates.suspected_pairs",
    "replenishment": "macro product_purchases, metrics/sql/products_replenishment.sql",
    "replenishment_due": "macro is_due, metrics.replenishment.due",
    "bought_together": "metrics/sql/products_bought_together.sql",
    "bought_next": "macro product_purchases, metrics/sql/products_bought_next.sql",
    "seasonal_buyers": "view seasons, macro seasonal_customers",
    "saved_segment": "table saved_segments, metrics.saved_segments",
    "channels_both": "metrics/sql/channels_customers.sql (channel_use 'both')",
    "channels_first_order_cohorts": "macro customer_first_orders, metrics.first_cohorts",
    "channels_back_within_90d": "metrics/sql/first_cohorts.sql (back_within_90d_rate)",
    "channels_value_12m": "metrics/sql/first_cohorts.sql (value_12m)",
    "channels_order_gaps": "macro customer_order_gaps, metrics.repeat.order_gaps",
    "channels_new_customer_revenue": "metrics/sql/kpi_period_kpis.sql (new_customer_revenue)",
    "channels_returning_customer_revenue": ("metrics/sql/kpi_period_kpis.sql "
                                            "(returning_customer_revenue)"),
}

GLOSSARY.update(AFTERSALES_GLOSSARY)
COMPUTED_BY.update(AFTERSALES_COMPUTED_BY)
GLOSSARY.update(CONSENT_GLOSSARY)
COMPUTED_BY.update(CONSENT_COMPUTED_BY)

STRINGS: dict[str, tuple[str, str]] = {
    "glossary_line": ("- **{term}** : {meaning}", "- **{term}**: {meaning}"),
    **{f"term_{key}": term for key, (term, _) in GLOSSARY.items()},
    **{f"def_{key}": meaning for key, (_, meaning) in GLOSSARY.items()},
}
