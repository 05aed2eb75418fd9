"""Strings of the frame, the Overview and the Import pages (French, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Comptoir", "Comptoir"),
    "language": ("Langue", "Language"),
    "database": ("Base de données", "Database"),
    "week": ("Semaine", "Week"),
    "week_help": ("Semaine affichée (du lundi au dimanche)", "Week shown (Monday to Sunday)"),
    # Navigation sections (app.py)
    "nav_understand": ("Comprendre", "Understand"),
    "nav_act": ("Agir", "Act"),
    "nav_data": ("Vos données", "Your data"),
    "page_overview": ("Vue d'ensemble", "Overview"),
    "page_import": ("Import", "Import"),
    "empty_title": ("Votre base est vide", "Your database is empty"),
    "empty_body": (
        "Importez l'export de votre boutique (CSV ou Excel) sur la page Import, ou découvrez "
        "Comptoir avec une boutique de démonstration.",
        "Import your shop's export (CSV or Excel) on the Import page, or try Comptoir with a "
        "demo shop.",
    ),
    "load_demo": ("Charger la boutique de démonstration", "Load the demo shop"),
    "demo_loaded": ("Boutique de démonstration chargée : {orders}, {customers}.",
                    "Demo shop loaded: {orders}, {customers}."),
    "n_orders": ({"one": "{count} commande", "other": "{count} commandes"},
                 {"one": "{count} order", "other": "{count} orders"}),
    "n_customers": ({"one": "{count} client", "other": "{count} clients"},
                    {"one": "{count} customer", "other": "{count} customers"}),
    "overview_intro": (
        "Votre semaine en un coup d'œil : ce que vous avez vendu, à qui, et si vos clients "
        "reviennent — comparé à la semaine précédente et à la même semaine l'an dernier.",
        "Your week at a glance: what you sold, to whom, and whether customers come back — "
        "compared with the previous week and the same week last year.",
    ),
    "kpi_revenue": ("Chiffre d'affaires", "Revenue"),
    "kpi_orders": ("Commandes", "Orders"),
    "kpi_customers": ("Clients (semaine)", "Customers (week)"),
    "kpi_new_customers": ("Nouveaux clients (semaine)", "New customers (week)"),
    "kpi_returning_customers": ("Clients revenus (semaine)", "Returning customers (week)"),
    "kpi_average_basket": ("Panier moyen", "Average basket"),
    "kpi_repeat_rate": ("Taux de réachat (12 mois)", "Repeat rate (12 months)"),
    "vs_last_week": ("Les flèches comparent à la semaine précédente.",
                     "Arrows compare with the previous week."),
    "last_year": ("Même semaine l'an dernier : {value}", "Same week last year: {value}"),
    "trend_title": ("Chiffre d'affaires par semaine (12 mois)", "Revenue per week (12 months)"),
    "trend_axis_week": ("Semaine", "Week"),
    "trend_axis_revenue": ("Chiffre d'affaires ({unit})", "Revenue ({unit})"),
    "trend_orders": ("Commandes", "Orders"),
    "week_of": ("Semaine du {start} au {end}", "Week of {start} to {end}"),
    "definitions": ("Définitions", "Definitions"),
    "page_definitions": ("Définitions", "Definitions"),
    "definitions_intro": (
        "Chaque chiffre de Comptoir, sur les pages, dans le rapport du lundi, les exports et la "
        "ligne de commande, suit une seule définition : la voici. Quand deux pages mesurent sur "
        "des fenêtres différentes, leur libellé le dit.",
        "Every figure in Comptoir, on the pages, in the Monday report, the exports and the "
        "command line, follows one definition: here it is. When two pages measure over "
        "different windows, their label says so.",
    ),
    "import_intro": (
        "Déposez les fichiers que vous avez déjà : export de votre site ou de votre caisse, "
        "fichier clients Excel. Comptoir reconnaît le format, vous montre ce qu'il a compris, "
        "puis importe.",
        "Drop the files you already have: your web shop or till export, an Excel customer file. "
        "Comptoir recognises the format, shows you what it understood, then imports.",
    ),
    "upload_hint": ("Glissez-déposez vos fichiers ici ou cliquez sur le bouton : CSV, TXT, TSV "
                    "ou Excel, {size} Mo par fichier au plus",
                    "Drag and drop your files here or click the button: CSV, TXT, TSV or "
                    "Excel, {size} MB per file at most"),
    "input_at_least": ("Écrivez un nombre supérieur ou égal à {low} : ce filtre est ignoré.",
                       "Enter a number greater than or equal to {low}: this filter is ignored."),
    "input_between": ("Écrivez un nombre entre {low} et {high} : ce filtre est ignoré.",
                      "Enter a number between {low} and {high}: this filter is ignored."),
    "detected": ("Ce que Comptoir a compris", "What Comptoir understood"),
    "source": ("Format", "Format"),
    "encoding": ("Encodage", "Encoding"),
    "delimiter": ("Séparateur", "Delimiter"),
    "header_row": ("Ligne d'en-tête", "Header row"),
    "sheet": ("Feuille", "Sheet"),
    "date_order": ("Ordre des dates", "Date order"),
    "date_auto": ("Automatique", "Automatic"),
    "date_dmy": ("jour/mois/année", "day/month/year"),
    "date_mdy": ("mois/jour/année", "month/day/year"),
    "date_ymd": ("année-mois-jour", "year-month-day"),
    "mapping": ("Correspondance des colonnes", "Column mapping"),
    "mapping_help": (
        "Chaque colonne de votre fichier et le champ Comptoir qu'elle alimente. Corrigez si "
        "besoin ; « — » = colonne ignorée.",
        "Each column of your file and the Comptoir field it feeds. Correct it if needed; "
        "“—” = column ignored.",
    ),
    "column": ("Colonne du fichier", "File column"),
    "field": ("Champ Comptoir", "Comptoir field"),
    "ignored": ("—", "—"),
    "preview_rows": ("Premières lignes", "First rows"),
    "import_button": ("Importer", "Import"),
    "import_done_once": (
        "Ces fichiers sont importés tels quels : changez un réglage ou déposez un autre fichier "
        "pour importer à nouveau.",
        "These files are imported as they are: change a setting or drop another file to import "
        "again.",
    ),
    "import_once": (
        "« {file} » est importé une seule fois (import n° {import_id}) : le second clic n'a "
        "rien refait. Son compte rendu est dans Données.",
        "“{file}” is imported once (import no. {import_id}): the second click did not do it "
        "again. Its report is in Data.",
    ),
    "doubts": ("À vérifier avant d'importer", "To check before importing"),
    "accept_guesses": ("J'ai vérifié : importer avec ces choix",
                       "I have checked: import with these choices"),
    "order_ids": ("Numéros de commande déjà importés avec une autre date ou un autre montant",
                  "Order numbers already imported with another date or amount"),
    "order_ids_separate": ("Une autre caisse ou un autre fichier : garder les deux",
                           "Another till or file: keep both"),
    "order_ids_same": ("Les mêmes commandes : mettre à jour celles déjà importées",
                       "The same orders: update those already imported"),
    "unsure_help": ("Corrigez le choix ci-dessus ou cochez « J'ai vérifié » sous l'aperçu du "
                    "fichier, puis importez à nouveau.",
                    "Correct the choice above or tick “I have checked” under the file's "
                    "preview, then import again."),
    "importing": ("Import en cours…", "Importing…"),
    "report": ("Compte rendu d'import", "Import report"),
    "rows_read": ("Lignes lues", "Rows read"),
    "rows_loaded": ("Importées", "Imported"),
    "rows_rejected": ("Rejetées", "Rejected"),
    "orders_new": ("Commandes nouvelles", "New orders"),
    "orders_updated": ("Mises à jour", "Updated"),
    "orders_unchanged": ("Inchangées", "Unchanged"),
    "customers_new": ("Nouvelles fiches clients", "New customer records"),
    "download_rejects": ("Télécharger les lignes rejetées (CSV)", "Download rejected rows (CSV)"),
    "rejects_title": ("Lignes rejetées", "Rejected rows"),
    "row": ("Ligne", "Row"),
    "reason": ("Raison", "Reason"),
    "raw": ("Contenu", "Content"),
    "see_overview": ("Voir la vue d'ensemble", "See the overview"),
    "kind_orders": ("ventes", "sales"),
    "kind_customers": ("fichier clients", "customer file"),
    "kind_both": ("ventes et clients", "sales and customers"),
    "kind": ("Contenu", "Content"),
}
