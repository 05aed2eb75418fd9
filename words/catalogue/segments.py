"""Strings of the Segments and Fiche client pages and of list exports (French, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "page_segments": ("Segments", "Segments"),
    "page_customer": ("Fiche client", "Customer sheet"),
    # Segments
    "seg_intro": (
        "Vos clients rangés selon la fraîcheur de leur dernier achat et leur fidélité, ce qui a "
        "bougé depuis la semaine dernière, et la liste des personnes à qui écrire.",
        "Your customers sorted by how recently and how often they buy, what moved since last "
        "week, and the list of people to write to.",
    ),
    "seg_as_of": ("Clients au {day} (fin de la semaine choisie, ou dernière commande).",
                  "Customers as of {day} (end of the chosen week, or latest order)."),
    "seg_grid_title": ("La grille RFM", "The RFM grid"),
    "seg_grid_caption": (
        "Chaque case compte les clients d'un couple de notes : récence (R, de 1 = il y a "
        "longtemps à 5 = tout récemment) et fréquence (F, de 1 = une commande à 5 = six "
        "commandes ou plus). Le nom écrit dans la case est son segment.",
        "Each cell counts the customers with one pair of scores: recency (R, from 1 = long ago "
        "to 5 = very recently) and frequency (F, from 1 = one order to 5 = six orders or more). "
        "The name in the cell is its segment.",
    ),
    # Below metrics.rfm.MIN_RANKED_CUSTOMERS: every surface that would name segments says this
    # (Segments, Fiche client, the rapport du lundi, python -m metrics rfm).
    "too_few_segments": (
        "Pas encore assez de clients pour des segments par rang (il en faut {needed}, vous en "
        "avez {have}).",
        "Not enough customers yet for segments by rank ({needed} needed, you have {have}).",
    ),
    "seg_too_few": ("{too_few} Voici vos clients par date du dernier achat.",
                    "{too_few} Here are your customers by date of last purchase."),
    "seg_grid_r": ("Récence (R)", "Recency (R)"),
    "seg_grid_f": ("Fréquence (F)", "Frequency (F)"),
    "seg_grid_hover": ("{customers} clients", "{customers} customers"),
    "seg_table_title": ("Les segments et leurs mouvements", "Segments and how they moved"),
    "seg_table_caption": (
        "« Il y a 7 jours » compte les clients du segment une semaine plus tôt ; « arrivés » et "
        "« partis » comptent les clients entrés dans le segment ou sortis vers un autre.",
        "“7 days ago” counts the segment's customers a week earlier; “moved in” and “moved out” "
        "count customers who entered the segment or left it for another.",
    ),
    "seg_col_segment": ("Segment", "Segment"),
    "seg_col_customers": ("Clients (depuis le début)", "Customers (since the start)"),
    "seg_col_share": ("Part", "Share"),
    "seg_col_revenue": ("Dépense nette cumulée", "Total net spend"),
    "seg_col_average_basket": ("Panier moyen", "Average basket"),
    "seg_col_last_week": ("Il y a 7 jours", "7 days ago"),
    "seg_col_change": ("Évolution", "Change"),
    "seg_col_moved_in": ("Arrivés", "Moved in"),
    "seg_col_moved_out": ("Partis", "Moved out"),
    "seg_builder_title": ("Construire une liste", "Build a list"),
    "seg_builder_caption": (
        "Combinez les critères : le compte se met à jour aussitôt. Un critère laissé vide ne "
        "filtre pas.",
        "Combine the criteria: the count updates at once. A criterion left empty does not "
        "filter.",
    ),
    "seg_f_segments": ("Segments", "Segments"),
    "seg_f_choose": ("Choisir…", "Choose…"),
    "seg_f_segments_help": ("Vide : tous les segments, clients sans achat compris.",
                            "Empty: every segment, customers without a purchase included."),
    "seg_f_last_from": ("Dernière commande à partir du", "Last order from"),
    "seg_f_last_to": ("Dernière commande jusqu'au", "Last order until"),
    "seg_f_spend_min": ("Dépense nette minimale ({unit})", "Minimum net spend ({unit})"),
    "seg_f_spend_max": ("Dépense nette maximale ({unit})", "Maximum net spend ({unit})"),
    "seg_f_orders_min": ("Commandes au minimum", "Minimum orders"),
    "seg_f_orders_max": ("Commandes au maximum", "Maximum orders"),
    "seg_f_products": ("A acheté l'un de ces produits", "Bought one of these products"),
    "seg_f_places": ("Ville ou début de code postal", "City or postcode prefix"),
    "seg_f_places_help": ("Plusieurs possibles, séparés par des virgules : « 69, 01, Paris ».",
                          "Several allowed, comma-separated: “69, 01, Paris”."),
    "seg_f_consent": ("Seulement ceux qui acceptent les e-mails",
                      "Only those who accept emails"),
    "seg_f_at_risk": ("Liste « À risque »", "'At risk' list"),
    "seg_f_anyone": ("Peu importe", "Any"),
    "seg_f_at_risk_help": (
        "Les mêmes listes que sous « Qui risque de partir ? » et dans le rapport du lundi.",
        "The same lists as under 'Who may be leaving?' and in the Monday report.",
    ),
    "seg_m_people": ("Personnes dans la liste", "People in the list"),
    "seg_m_people_all": ("Personnes dans la base", "People in the base"),
    "seg_m_reachable": ("Acceptent les e-mails", "Accept emails"),
    "seg_m_reachable_help": (
        "Ont une adresse e-mail, ont accepté les e-mails commerciaux et ne sont pas désinscrits.",
        "Have an email address, accepted marketing emails and have not unsubscribed.",
    ),
    "seg_m_spend": ("Dépense nette cumulée", "Total net spend"),
    "seg_list_description": ("Liste : {description}", "List: {description}"),
    "seg_list_shown": (
        "Les {shown} plus gros acheteurs sur {total} personnes sont affichés ; l'export "
        "ci-dessous les contient toutes.",
        "The {shown} biggest spenders of {total} people are shown; the export below has them "
        "all.",
    ),
    "seg_col_name": ("Nom", "Name"),
    "seg_col_email": ("E-mail", "Email"),
    "seg_col_phone": ("Téléphone", "Phone"),
    "seg_col_city": ("Ville", "City"),
    "seg_col_postal_code": ("Code postal", "Postcode"),
    "seg_col_orders": ("Commandes", "Orders"),
    "seg_col_net_spend": ("Dépense nette", "Net spend"),
    "seg_col_last_order": ("Dernière commande", "Last order"),
    "seg_col_email_marketing": ("Accepte les e-mails", "Accepts emails"),
    "seg_export_title": ("Exporter la liste", "Export the list"),
    "seg_export_format": ("Format", "Format"),
    "seg_fmt_csv_semicolon": ("CSV pour Excel (;)", "CSV for Excel (;)"),
    "seg_fmt_csv_comma": ("CSV (,)", "CSV (,)"),
    "seg_fmt_xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "seg_fmt_brevo": ("Import de contacts Brevo", "Brevo contact import"),
    "seg_fmt_mailchimp": ("Import de contacts Mailchimp", "Mailchimp contact import"),
    "seg_export_consent": ("Seulement les personnes qui acceptent ce canal",
                           "Only people who accept this channel"),
    "seg_export_consent_help": (
        "Recommandé (RGPD) : n'écrivez qu'à ceux qui ont dit oui (e-mail, SMS) ; n'appelez pas "
        "ceux qui ont refusé les appels. Décochez pour un usage interne.",
        "Recommended (GDPR): only write to those who said yes (email, SMS); do not call those "
        "who refused calls. Untick for internal use.",
    ),
    "seg_export_counts": ("{rows} ; {left_out}.", "{rows}; {left_out}."),
    "seg_export_rows": (
        {"one": "{count} personne dans le fichier", "other": "{count} personnes dans le fichier"},
        {"one": "{count} person in the file", "other": "{count} people in the file"},
    ),
    "seg_export_left_out": (
        {"one": "{count} laissée de côté faute de consentement pour ce canal",
         "other": "{count} laissées de côté faute de consentement pour ce canal"},
        {"one": "{count} left out for lack of consent on this channel",
         "other": "{count} left out for lack of consent on this channel"},
    ),
    "seg_export_unusable": (
        {"one": "{count} autre laissée de côté : sans coordonnées utilisables par ce service.",
         "other": "{count} autres laissées de côté : sans coordonnées utilisables par ce "
                  "service."},
        {"one": "{count} other left out: no contact details this service can use.",
         "other": "{count} others left out: no contact details this service can use."},
    ),
    "seg_export_button": ("Télécharger {file}", "Download {file}"),
    "seg_export_help": (
        "Chaque export est noté dans le journal des exports (date, liste, format, nombre de "
        "personnes). Les cellules qui commencent par = + - @ sont neutralisées.",
        "Every export is written in the export log (date, list, format, number of people). "
        "Cells starting with = + - @ are neutralised.",
    ),
    "seg_export_empty": ("Personne à exporter avec ces critères.",
                         "Nobody to export with these criteria."),
    "seg_definitions": (
        "- **R (récence)** : jours depuis la dernière commande valide. Note du calendrier : "
        "5 jusqu'à 30 jours, 4 jusqu'à 90, 3 jusqu'à 180, 2 jusqu'à 365, 1 au-delà. À partir "
        "de {needed} clients, la note est le rang parmi vos clients (5 = le cinquième le plus "
        "récent), à un cran au plus de la note du calendrier : un client venu dans les 30 "
        "derniers jours n'est jamais perdu, un client absent depuis plus d'un an jamais "
        "champion.\n"
        "- **F (fréquence)** : nombre de commandes valides, 1 commande = 1, 2 = 2, 3 = 3, 4 ou "
        "5 = 4, 6 et plus = 5 (un rang laisserait des notes vides quand la plupart des clients "
        "n'ont commandé qu'une fois).\n"
        "- **M (montant)** : dépense nette, notée de 1 à 5 par rang (5 = le cinquième des "
        "clients qui dépense le plus).\n"
        "- **Moins de {needed} clients** : pas de segments par rang ; la page liste vos "
        "clients par date du dernier achat.\n"
        "- **Part** : clients du segment ÷ tous les clients.\n"
        "- **Dépense nette cumulée** : dépense nette des clients du segment, additionnée ; "
        "**panier moyen** : cette dépense ÷ leurs commandes valides.\n"
        "- **Il y a 7 jours, évolution, arrivés, partis** : le même calcul fait une semaine plus "
        "tôt, et les clients qui ont changé de segment depuis (un nouveau client compte comme "
        "arrivé).\n"
        "- **Accepte les e-mails** : a une adresse e-mail, a accepté les e-mails commerciaux "
        "et n'a jamais demandé à ne plus en recevoir.\n"
        "- **Sans achat** : personnes du fichier clients sans commande valide.",
        "- **R (recency)**: days since the last valid order. Calendar score: 5 up to 30 days, 4 "
        "up to 90, 3 up to 180, 2 up to 365, 1 beyond. From {needed} customers on, the score is "
        "the rank among your customers (5 = the fifth who bought most recently), at most one "
        "step from the calendar score: a customer seen in the last 30 days is never lost, one "
        "away for over a year never a champion.\n"
        "- **F (frequency)**: number of valid orders, 1 order = 1, 2 = 2, 3 = 3, 4 or 5 = 4, 6 "
        "and more = 5 (a rank would leave scores empty when most customers ordered once).\n"
        "- **M (monetary)**: net spend, scored 1 to 5 by rank (5 = the fifth of customers who "
        "spent most).\n"
        "- **Fewer than {needed} customers**: no segments by rank; the page lists your "
        "customers by date of last purchase.\n"
        "- **Share**: the segment's customers ÷ all customers.\n"
        "- **Total net spend**: the net spend of the segment's customers, added up; **average "
        "basket**: that spend ÷ their valid orders.\n"
        "- **7 days ago, change, moved in, moved out**: the same computation a week earlier, and "
        "the customers who changed segment since (a new customer counts as moved in).\n"
        "- **Accepts emails**: has an email address, accepted marketing emails and never asked "
        "to stop receiving them.\n"
        "- **No purchase**: people in the customer file without a valid order.",
    ),
    "cust_intro": (
        "Tout sur un client : qui il est, ce qu'il a accepté, ce qu'il a acheté et s'il a des "
        "chances de revenir.",
        "Everything about one customer: who they are, what they agreed to, what they bought and "
        "whether they are likely to come back.",
    ),
    "cust_search": ("Rechercher par nom, e-mail ou téléphone", "Search by name, email or phone"),
    "cust_search_help": (
        "Au moins 2 caractères ; majuscules et accents ignorés. Un numéro se tape comme on "
        "veut : 06 12 34 56 78, +33 6…",
        "At least 2 characters; case and accents ignored. Type a number any way: 06 12 34 56 "
        "78, +33 6…",
    ),
    "cust_no_match": ("Aucun client ne correspond à « {text} ».", "No customer matches “{text}”."),
    "cust_pick": ("Client", "Customer"),
    "cust_match": ("{name} — {contact} — {orders}", "{name} — {contact} — {orders}"),
    "cust_unnamed": ("(sans nom)", "(no name)"),
    "cust_identity": ("Identité", "Identity"),
    "cust_email": ("E-mail", "Email"),
    "cust_phone": ("Téléphone", "Phone"),
    "cust_place": ("Lieu", "Place"),
    "cust_first_seen": ("Connu depuis le", "Known since"),
    "cust_consent": ("Consentement e-mail", "Email consent"),
    "cust_consent_yes": ("Accepte les e-mails", "Accepts emails"),
    "cust_consent_no": ("Refuse les e-mails", "Refuses emails"),
    "cust_consent_unknown": ("Jamais demandé", "Never asked"),
    "cust_consent_source": ("Source : {source}, importée le {day}", "Source: {source}, imported {day}"),
    "cust_suppressed": (
        "Sur la liste des désinscrits : aucun export ne l'inclura, même si un fichier plus "
        "récent dit oui.",
        "On the unsubscribed list: no export will include them, even if a newer file says yes.",
    ),
    "cust_orders": ("Commandes", "Orders"),
    "cust_net_spend": ("Dépense nette", "Net spend"),
    "cust_average_basket": ("Panier moyen", "Average basket"),
    "cust_first_order": ("Première commande", "First order"),
    "cust_last_order": ("Dernière commande", "Last order"),
    "cust_segment": ("Segment", "Segment"),
    "cust_segment_help": ("{definition} Date : {day}.", "{definition} Date: {day}."),
    "cust_scores": ("R{r} F{f} M{m}", "R{r} F{f} M{m}"),
    "cust_no_segment": ("Sans achat", "No purchase"),
    "cust_p_alive": ("Probabilité d'être actif", "Probability still active"),
    "cust_expected": ("Achats attendus (13 sem.)", "Expected purchases (13 wk)"),
    "cust_model_missing": ("Prévisions indisponibles : {reason}", "No predictions: {reason}"),
    "cust_next": ("Prochain achat attendu", "Expected next purchase"),
    "cust_next_help": (
        "Dernier achat + son écart habituel entre deux jours d'achat. Donné seulement pour un "
        "client venu au moins deux jours différents et que le modèle ne croit pas parti.",
        "Last purchase + their usual gap between purchase days. Given only for a customer who "
        "came on at least two different days and whom the model does not think gone.",
    ),
    "cust_next_help_model": (
        "Dernier achat + l'attente après laquelle la moitié des clients à son rythme d'achat "
        "(estimé par le modèle d'après ses achats) auraient racheté, s'ils sont toujours "
        "clients. Une date passée : il est en retard sur son propre rythme.",
        "Last purchase + the wait after which half the customers buying at their pace "
        "(estimated by the model from their purchases) would have bought again, if still "
        "customers. A date already past: they are late against their own pace.",
    ),
    "cust_disagree_gone_but_alive": (
        "Le segment le dit « {segment} » parce que son dernier achat est ancien comparé aux "
        "autres clients ; le modèle le croit pourtant encore actif ({p_alive}) : il achète "
        "rarement, et un long silence est habituel à son rythme.",
        "The segment says “{segment}” because their last purchase is old compared with other "
        "customers; the model still thinks them active ({p_alive}): they buy rarely, and a "
        "long silence is usual at their pace.",
    ),
    "cust_disagree_best_but_gone": (
        "Le segment le classe « {segment} » pour ses achats nombreux et récents comparés aux "
        "autres clients ; le modèle ne le croit plus actif qu'à {p_alive} : pour quelqu'un qui "
        "achetait aussi souvent, ce silence est déjà long.",
        "The segment ranks them “{segment}” for purchases many and recent compared with other "
        "customers; the model puts their chance of still being active at only {p_alive}: for "
        "someone who bought that often, this silence is already long.",
    ),
    "cust_next_none": ("–", "–"),
    "seg_winback_caption": (
        "Reconquête, d'après les prévisions de Valeur client : qui est probablement encore "
        "client, vaut le plus et tarde à revenir.",
        "Win-back, from Valeur client's predictions: who is probably still a customer, is "
        "worth most and is late coming back.",
    ),
    "seg_f_min_p_alive": ("Probabilité d'être actif, au moins (%)",
                          "Probability still active, at least (%)"),
    "seg_f_min_p_alive_help": (
        "P(actif) du modèle d'achat retenu sur Valeur client.",
        "P(alive) from the purchase model chosen on Valeur client.",
    ),
    "seg_f_min_predicted": ("Valeur prévue 12 mois, au moins ({unit})",
                            "Predicted value over 12 months, at least ({unit})"),
    "seg_f_min_predicted_help": (
        "Chiffre d'affaires attendu du client dans les 52 prochaines semaines.",
        "Revenue expected from the customer over the next 52 weeks.",
    ),
    "seg_f_min_overdue": ("En retard d'au moins (jours)", "Late by at least (days)"),
    "seg_f_min_overdue_help": (
        "Jours écoulés depuis son prochain achat attendu (celui de la Fiche client).",
        "Days since their expected next purchase (the one of the Fiche client).",
    ),
    "cust_next_overdue": ({"one": "en retard de {count} jour", "other": "en retard de {count} jours"},
                          {"one": "{count} day late", "other": "{count} days late"}),
    "cust_next_gap": (
        {"one": "achète tous les jours environ", "other": "achète tous les {count} jours environ"},
        {"one": "buys about every day", "other": "buys about every {count} days"},
    ),
    "cust_chart_title": ("Ses commandes dans le temps", "Their orders over time"),
    "cust_chart_valid": ("Commande valide", "Valid order"),
    "cust_chart_invalid": ("Annulée, remboursée ou en attente",
                           "Cancelled, refunded or pending"),
    "cust_chart_axis": ("Montant net ({unit})", "Net amount ({unit})"),
    "cust_orders_title": ("Ses commandes", "Their orders"),
    "cust_col_date": ("Date", "Date"),
    "cust_col_order": ("N° de commande", "Order no."),
    "cust_col_status": ("Statut", "Status"),
    "cust_col_channel": ("Canal de vente", "Sales channel"),
    "cust_col_amount": ("Montant", "Amount"),
    "cust_col_refunded": ("Remboursé", "Refunded"),
    "cust_col_net": ("Net", "Net"),
    "cust_col_products": ("Produits", "Products"),
    "cust_status_paid": ("payée", "paid"),
    "cust_status_pending": ("en attente", "pending"),
    "cust_status_cancelled": ("annulée", "cancelled"),
    "cust_status_refunded": ("remboursée", "refunded"),
    "cust_status_partially_refunded": ("remboursée en partie", "partially refunded"),
    "cust_status_credit_note": ("avoir", "credit note"),
    "cust_definitions": (
        "- **Prochain achat attendu** : dernier jour d'achat + l'attente médiane jusqu'au "
        "prochain achat d'un client qui achète encore, selon ce modèle ; sans modèle, + l'écart "
        "moyen entre ses jours d'achat (au moins deux jours d'achat, probabilité d'être actif "
        "d'au moins 50 %). « En retard » quand cette date est passée.\n"
        "- **Consentement** : la réponse du dernier fichier importé qui en parle ; une personne "
        "désinscrite le reste.",
        "- **Expected next purchase**: last purchase day + the median wait to the next purchase "
        "of a customer still buying, under that model; without a model, + the average gap "
        "between their purchase days (two purchase days or more, probability still active at "
        "least 50%). “Late” once that date has passed.\n"
        "- **Consent**: the answer of the latest imported file that gives one; an unsubscribed "
        "person stays unsubscribed.",
    ),
}
STRINGS.update({
    # metrics.segment.describe: a list's filter in one line (page, export file, export log)
    "describe_everyone": ("Toutes les personnes de la base (clients et contacts sans achat)",
                          "Everyone in the base (customers and contacts without a purchase)"),
    "describe_segments": ("Segments : {names}", "Segments: {names}"),
    "describe_last_order_between": ("dernière commande du {low} au {high}",
                                    "last order from {low} to {high}"),
    "describe_last_order_from": ("dernière commande depuis le {low}", "last order since {low}"),
    "describe_last_order_to": ("dernière commande au plus tard le {high}",
                               "last order by {high}"),
    "describe_spend_between": ("dépense de {low} à {high}", "spent {low} to {high}"),
    "describe_spend_from": ("dépense d'au moins {low}", "spent at least {low}"),
    "describe_spend_to": ("dépense d'au plus {high}", "spent at most {high}"),
    "describe_orders_between": (
        {"one": "de {low} à {high} commande", "other": "de {low} à {high} commandes"},
        {"one": "{low} to {high} order", "other": "{low} to {high} orders"},
    ),
    "describe_orders_from": (
        {"one": "au moins {low} commande", "other": "au moins {low} commandes"},
        {"one": "at least {low} order", "other": "at least {low} orders"},
    ),
    "describe_orders_to": (
        {"one": "au plus {high} commande", "other": "au plus {high} commandes"},
        {"one": "at most {high} order", "other": "at most {high} orders"},
    ),
    "describe_products": ("a acheté : {names}", "bought: {names}"),
    "describe_places": ("lieu : {names}", "place: {names}"),
    "describe_consent": ("accepte les e-mails", "accepts emails"),
    "describe_p_alive": ("probabilité d'être actif d'au moins {value}",
                         "probability still active at least {value}"),
    "describe_predicted": ("valeur prévue d'au moins {value}", "predicted value at least {value}"),
    "describe_overdue": (
        {"one": "en retard d'au moins {count} jour", "other": "en retard d'au moins {count} jours"},
        {"one": "at least {count} day late", "other": "at least {count} days late"},
    ),
    "describe_at_risk": ("liste « {name} »", "list “{name}”"),
    "describe_separator": (" ; ", "; "),
})
