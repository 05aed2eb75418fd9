"""Strings of "Le rapport du lundi", the weekly report file (French, English).

Also read outside Streamlit (words.text), for the files the command line writes.
"""

STRINGS: dict[str, tuple[str, str]] = {
    "report_download_html": ("Rapport du lundi (HTML)", "Monday report (HTML)"),
    "report_download_xlsx": ("Rapport du lundi (Excel)", "Monday report (Excel)"),
    "report_download_help": (
        "Le rapport de la semaine choisie, à imprimer ou à garder : indicateurs comparés à la "
        "semaine précédente et à l'an dernier, mouvements entre segments, clients à appeler, "
        "nouveaux clients fidèles.",
        "The chosen week's report, to print or keep: figures against last week and last year, "
        "movements between segments, customers to call, new repeat customers.",
    ),
    "report_title": ("Le rapport du lundi", "The Monday report"),
    "report_week": ("Semaine {iso} : du {start} au {end}", "Week {iso}: {start} to {end}"),
    "report_intro": (
        "Ce que la semaine a donné, qui appeler et qui remercier.",
        "What the week brought, whom to call and whom to thank.",
    ),
    "report_section_kpis": ("Indicateurs de la semaine", "The week's figures"),
    "report_section_trend": ("Tendance", "Trend"),
    "report_section_segments": ("Mouvements entre segments", "Movements between segments"),
    "report_section_customers": ("Vos clients par date du dernier achat",
                                 "Your customers by date of last purchase"),
    "report_section_to_call": ("À appeler cette semaine", "To call this week"),
    "report_section_new_repeat": ("Nouveaux clients fidèles", "New repeat customers"),
    "report_section_definitions": ("Définitions", "Definitions"),
    "report_metric": ("Indicateur", "Figure"),
    "report_this_week": ("Cette semaine", "This week"),
    "report_last_week": ("Semaine précédente", "Last week"),
    "report_last_year": ("Même semaine l'an dernier", "Same week last year"),
    "report_change_last_week": ("Évolution sur une semaine", "Change on last week"),
    "report_change_last_year": ("Évolution sur un an", "Change on last year"),
    "report_vs_last_week": ("{change} sur une semaine", "{change} on last week"),
    "report_vs_last_year": ("l'an dernier : {value}", "last year: {value}"),
    "report_segment": ("Segment", "Segment"),
    "report_segment_before": ("Fin de la semaine précédente", "End of last week"),
    "report_segment_after": ("Fin de cette semaine", "End of this week"),
    "report_segment_change": ("Écart", "Change"),
    "report_segment_none": ("Pas encore client", "Not a customer yet"),
    "report_move_from": ("Avant", "Before"),
    "report_move_to": ("Maintenant", "Now"),
    "report_customers": ("Clients", "Customers"),
    "report_segments_chart": ("Clients par segment", "Customers per segment"),
    "report_no_moves": ("Aucun client n'a changé de segment.", "No customer changed segment."),
    "report_nobody": ("Personne cette semaine.", "Nobody this week."),
    "report_name": ("Nom", "Name"),
    "report_email": ("E-mail", "Email"),
    "report_phone": ("Téléphone", "Phone"),
    "report_consent": ("Accepte les e-mails", "Accepts emails"),
    "report_yes": ("oui", "yes"),
    "report_no": ("non", "no"),
    "report_orders": ("Commandes", "Orders"),
    "report_spend": ("Dépense totale", "Total spend"),
    "report_first_order": ("Première commande", "First order"),
    "report_second_order": ("Deuxième commande", "Second order"),
    "report_last_order": ("Dernière commande", "Last order"),
    "report_expected_next": ("Achat attendu vers le", "Purchase expected around"),
    "report_why": ("Pourquoi", "Why"),
    "report_why_segment": ("passé·e en « {value} »", "moved to '{value}'"),
    "report_why_overdue": ("achat attendu le {value}", "purchase expected on {value}"),
    "report_sheet_kpis": ("Indicateurs", "Figures"),
    "report_sheet_trend": ("Tendance", "Trend"),
    "report_sheet_segments": ("Segments", "Segments"),
    "report_sheet_customers": ("Clients", "Customers"),
    "report_sheet_to_call": ("À appeler", "To call"),
    "report_sheet_new_repeat": ("Nouveaux fidèles", "New repeat"),
    "report_trend_week": ("Semaine du", "Week of"),
    "report_def_segments": (
        "Segments RFM calculés à la fin de chaque semaine (dimanche soir) : récence notée de 1 "
        "à 5 d'après les jours depuis le dernier achat (et, dès 20 clients, le rang parmi vos "
        "clients), fréquence d'après le nombre de commandes ; un client peut changer de segment "
        "sans acheter, parce que le temps passe ou que les autres achètent.",
        "RFM segments computed at the end of each week (Sunday night): recency scored 1 to 5 "
        "from the days since the last purchase (and, from 20 customers on, the rank among your "
        "customers), frequency from the number of orders; a customer can change segment "
        "without buying, because time passes or others buy.",
    ),
    # One at-risk notion (metrics/at_risk.py, which names its sub-lists) for Segments, Valeur
    # client, this report and the command line: its definition and counts. Read by the app too.
    "at_risk_counts": (
        "À risque : {all} clients, dont {valuable} précieux ; à appeler cette semaine : "
        "{to_call}.",
        "At risk: {all} customers, {valuable} of them valuable; to call this week: {to_call}.",
    ),
    "report_def_new_repeat": (
        "Clients dont la deuxième commande valide date de cette semaine : ils sont devenus "
        "clients fidèles, c'est le moment de les remercier.",
        "Customers whose second valid order is from this week: they just became repeat "
        "customers, the moment to thank them.",
    ),
    "report_footer": (
        "Montants nets TTC des commandes valides (ni annulées, ni remboursées, ni en attente), "
        "avoirs déduits. Rapport établi par Comptoir, sur votre ordinateur.",
        "Net amounts, tax included, of valid orders (not cancelled, refunded or pending), less "
        "credit notes. Report made by Comptoir, on your own computer.",
    ),
    "report_written": ("Rapport de la semaine {iso} écrit dans {path}",
                       "Report of week {iso} written to {path}"),
}
