"""Strings of the Données page: imports log, rejected rows, duplicates, forgetting a customer."""

STRINGS: dict[str, tuple[str, str]] = {
    "page_data": ("Données", "Data"),
    "data_intro": (
        "Ce que vos fichiers ont apporté, les lignes refusées, les clients qui sont peut-être la "
        "même personne, et l'effacement d'un client qui le demande.",
        "What your files brought in, the rows that were refused, customers who may be the same "
        "person, and erasing a customer who asks for it.",
    ),
    "data_tab_imports": ("Imports", "Imports"),
    "data_tab_rejects": ("Lignes rejetées", "Rejected rows"),
    "data_tab_duplicates": ("Doublons", "Duplicates"),
    "data_tab_forget": ("Oublier un client", "Forget a customer"),
    # figures
    "data_imports": ("Fichiers importés", "Files imported"),
    "data_imports_help": ("Nombre de fichiers importés dans cette base, démonstration comprise.",
                          "Number of files imported into this database, demo included."),
    "data_rejected": ("Lignes rejetées", "Rejected rows"),
    "data_rejected_help": (
        "Lignes des fichiers qui n'ont pas pu être importées (date ou montant illisible…), "
        "tous imports confondus.",
        "Rows of the files that could not be imported (unreadable date or amount…), all imports "
        "together.",
    ),
    "data_pairs": ("Doublons à examiner", "Duplicates to review"),
    "data_pairs_help": (
        "Paires de fiches clients qui désignent peut-être la même personne (même téléphone, même "
        "nom et code postal…), ni fusionnées, ni déclarées différentes.",
        "Pairs of customer records that may be the same person (same phone, same name and "
        "postcode…), neither merged nor marked as different.",
    ),
    "data_merges": ("Fusions en cours", "Merges in place"),
    "data_merges_help": ("Fiches fusionnées dans une autre et pas séparées depuis.",
                         "Records merged into another and not split since."),
    # imports log
    "data_col_import": ("N°", "No."),
    "data_col_file": ("Fichier", "File"),
    "data_col_when": ("Importé le", "Imported on"),
    "data_col_source": ("Source", "Source"),
    "data_col_kind": ("Contenu", "Content"),
    "data_col_read": ("Lignes lues", "Rows read"),
    "data_col_loaded": ("Importées", "Loaded"),
    "data_col_rejected": ("Rejetées", "Rejected"),
    "data_col_new": ("Commandes nouvelles", "New orders"),
    "data_col_updated": ("Mises à jour", "Updated"),
    "data_col_unchanged": ("Inchangées", "Unchanged"),
    "data_col_customers_new": ("Nouvelles fiches clients", "New customer records"),
    "data_kind_orders": ("commandes", "orders"),
    "data_kind_customers": ("clients", "customers"),
    "data_kind_both": ("commandes et clients", "orders and customers"),
    "data_kind_consent": ("consentements et désinscriptions", "consent and unsubscribes"),
    # rejects
    "data_no_rejects": ("Aucune ligne rejetée : tout ce que vous avez importé a été chargé.",
                        "No rejected row: everything you imported was loaded."),
    "data_rejects_of": ("Import", "Import"),
    "data_rejects_option": (
        {"one": "{file} — {when} ({count} ligne rejetée)",
         "other": "{file} — {when} ({count} lignes rejetées)"},
        {"one": "{file} — {when} ({count} rejected row)",
         "other": "{file} — {when} ({count} rejected rows)"},
    ),
    "data_col_row": ("Ligne", "Row"),
    "data_col_reason": ("Motif", "Reason"),
    "data_col_raw": ("Contenu de la ligne", "Row as written"),
    "data_rejects_download": ("Télécharger les lignes rejetées (CSV)",
                              "Download the rejected rows (CSV)"),
    "data_rejects_shown": ("{shown} lignes affichées sur {total} ; le fichier CSV les contient "
                           "toutes.",
                           "{shown} rows shown of {total}; the CSV file holds them all."),
    # duplicates
    "data_no_pairs": ("Aucun doublon suspect : chaque fiche semble être une personne différente.",
                      "No suspected duplicate: every record looks like a different person."),
    "data_col_score": ("Ressemblance", "Likeness"),
    "data_col_reasons": ("Pourquoi", "Why"),
    "data_col_kept": ("Fiche gardée", "Record kept"),
    "data_col_merged": ("Fiche fusionnée", "Record merged"),
    "data_reason_same_email": ("même e-mail", "same email"),
    "data_reason_same_phone": ("même téléphone", "same phone"),
    "data_reason_name_postcode_no_email": ("même nom et code postal, un seul e-mail",
                                           "same name and postcode, one email at most"),
    "data_reason_email_local_name": ("même nom, e-mail identique avant le @",
                                     "same name, same email before the @"),
    "data_reason_name_postcode_other_email": ("même nom et code postal, e-mails différents",
                                              "same name and postcode, different emails"),
    "data_reason_name_no_email": ("même nom, sans e-mail ni code postal en commun",
                                  "same name, no email or postcode in common"),
    "data_pair_pick": ("Paire à examiner", "Pair to review"),
    "data_pairs_shown": (
        "Les {shown} paires les plus probables sur {total} : fusionnez ou séparez-les, les "
        "suivantes prendront leur place.",
        "The {shown} most likely pairs of {total}: merge them or keep them apart, and the next "
        "ones take their place.",
    ),
    "data_pair_option": ("{kept} (n° {kept_id}) ↔ {merged} (n° {merged_id}) — {score}",
                         "{kept} (no. {kept_id}) ↔ {merged} (no. {merged_id}) — {score}"),
    "data_field_id": ("N° client", "Customer no."),
    "data_field_name": ("Nom", "Name"),
    "data_field_email": ("E-mail", "Email"),
    "data_field_phone": ("Téléphone", "Phone"),
    "data_field_postal_code": ("Code postal", "Postcode"),
    "data_field_city": ("Ville", "City"),
    "data_field_orders": ("Commandes valides", "Valid orders"),
    "data_field_spend": ("Montant net dépensé", "Net spend"),
    "data_merge_button": ("Fusionner ces deux fiches", "Merge these two records"),
    "data_merge_help": (
        "Les commandes et identifiants de la fiche fusionnée passent sur la fiche gardée, qui "
        "complète ses champs vides ; un refus d'e-mails l'emporte. Les prochains imports la "
        "respectent, et vous pouvez séparer à nouveau plus bas.",
        "The merged record's orders and identifiers move to the kept one, which fills its blank "
        "fields; an email opt-out wins. Later imports keep to it, and you can split again below.",
    ),
    "data_apart_button": ("Ce sont deux personnes différentes",
                          "These are two different people"),
    "data_apart_help": ("La paire ne sera plus proposée.", "The pair will not be suggested again."),
    "data_merged_done": ("Fiches fusionnées : {merged} (n° {merged_id}) fait désormais partie de "
                         "{kept} (n° {kept_id}).",
                         "Records merged: {merged} (no. {merged_id}) is now part of {kept} "
                         "(no. {kept_id})."),
    "data_apart_done": ("Noté : {first} (n° {first_id}) et {second} (n° {second_id}) sont deux "
                        "personnes différentes.",
                        "Noted: {first} (no. {first_id}) and {second} (no. {second_id}) are two "
                        "different people."),
    "data_merges_title": ("Fusions passées", "Past merges"),
    "data_no_merges": ("Aucune fusion en cours.", "No merge in place."),
    "data_col_merged_at": ("Fusionnée le", "Merged on"),
    "data_col_orders_moved": ("Commandes déplacées", "Orders moved"),
    "data_col_merged_by": ("Fusion faite par", "Merged by"),
    "data_merged_by_import": ("l'import (même personne dans un fichier)",
                              "an import (same person in a file)"),
    "data_merged_by_owner": ("vous", "you"),
    "data_merge_pick": ("Fusion à défaire", "Merge to undo"),
    "data_merge_option": ("{merged} (n° {merged_id}) → {kept} (n° {kept_id}), le {when}",
                          "{merged} (no. {merged_id}) → {kept} (no. {kept_id}), on {when}"),
    "data_split_button": ("Séparer", "Split"),
    "data_split_help": (
        "La fiche fusionnée revient telle qu'elle était, avec ses commandes et ses identifiants ; "
        "les commandes importées depuis la fusion restent sur la fiche gardée.",
        "The merged record comes back as it was, with its orders and identifiers; orders "
        "imported since the merge stay with the kept record.",
    ),
    "data_split_blocked": ("Séparez d'abord la fusion de la fiche gardée elle-même.",
                           "First split the merge of the kept record itself."),
    "data_split_done": ("Fusion défaite : {merged} (n° {merged_id}) est de nouveau une fiche à "
                        "part.",
                        "Merge undone: {merged} (no. {merged_id}) is a record of its own again."),
    # forget
    "data_forget_intro": (
        "Droit à l'oubli (RGPD) : la personne disparaît de la base — fiche, identifiants, "
        "fusions, liste d'opposition, lignes rejetées qui la montrent. Ses commandes restent dans "
        "vos comptes, sans nom. Seule une empreinte chiffrée (SHA-256) de ses identifiants est "
        "gardée pour qu'un ancien fichier ne la recrée pas et qu'elle ne soit plus jamais "
        "contactée.",
        "Right to erasure (GDPR): the person disappears from the database — record, identifiers, "
        "merges, opt-out list, rejected rows that show them. Their orders stay in your accounts, "
        "without a name. Only a one-way fingerprint (SHA-256) of their identifiers is kept, so "
        "an old file cannot bring them back and they are never contacted again.",
    ),
    "data_forget_search": ("Nom, e-mail ou téléphone", "Name, email or phone"),
    "data_forget_none": ("Aucun client ne correspond à « {text} ».",
                         "No customer matches “{text}”."),
    "data_forget_pick": ("Client à oublier", "Customer to forget"),
    "data_forget_option": ("{name} — {email} — n° {id}", "{name} — {email} — no. {id}"),
    "data_forget_confirm": (
        "Je confirme l'effacement définitif de {name} : cela ne peut pas être annulé.",
        "I confirm the permanent erasure of {name}: this cannot be undone.",
    ),
    "data_forget_button": ("Oublier ce client", "Forget this customer"),
    "data_forget_done": (
        "Effacement terminé pour {name} : {orders} commandes gardées sans nom, {keys} "
        "identifiants, "
        "{merged} fiches fusionnées, {suppressions} entrées de la liste d'opposition et "
        "{rejects} lignes rejetées effacés. Le fichier de la base et ses {backups} sauvegarde(s) "
        "d'avant import ont été réécrits sans ces données.",
        "Erasure done for {name}: {orders} orders kept without a name, {keys} identifiers, "
        "{merged} merged records, {suppressions} opt-out entries and {rejects} rejected rows "
        "erased. The database file and its {backups} pre-import backup(s) were rewritten "
        "without this data.",
    ),
    "data_forget_outside": (
        "Hors de la base, Comptoir ne peut rien effacer : supprimez aussi les exports et les "
        "fichiers d'origine qui mentionnent cette personne (dossier Téléchargements, fichiers "
        "envoyés à Brevo ou Mailchimp…).",
        "Outside the database Comptoir cannot erase anything: also delete the exports and the "
        "original files that mention this person (Downloads folder, files sent to Brevo or "
        "Mailchimp…).",
    ),
    # definitions
    "data_definitions_body": (
        "- **Fusionner** : la fiche fusionnée disparaît des listes et des chiffres, ses commandes "
        "comptent pour la fiche gardée ; tout est noté pour pouvoir **séparer** à nouveau.\n"
        "- **Oublier** : efface la personne de la base et réécrit le fichier pour qu'il n'en "
        "garde aucune trace ; ses commandes restent comptées dans le chiffre d'affaires, comme "
        "des ventes anonymes.",
        "- **Merge**: the merged record leaves the lists and figures, its orders count for the "
        "kept record; everything is recorded so you can **split** again.\n"
        "- **Forget**: erases the person from the database and rewrites the file so it keeps no "
        "trace; their orders still count in revenue, as anonymous sales.",
    ),
}
