"""Consent per channel, the contact log and commercial pressure (issue 17): import notes, export
counts, the profile's contacts and the overview's pressure figure."""

STRINGS: dict[str, object] = {
    "consent_pressure_caption": (
        {"one": "{count} personne contactée plus de {threshold} fois en {days} jours",
         "other": "{count} personnes contactées plus de {threshold} fois en {days} jours"},
        {"one": "{count} person contacted more than {threshold} times in {days} days",
         "other": "{count} people contacted more than {threshold} times in {days} days"},
    ),
    "consent_export_channel": ("Canal de contact", "Contact channel"),
    "consent_export_channel_help": (
        "Chaque canal de contact a son propre consentement : e-mail et SMS seulement avec un "
        "accord, appels tant que la personne ne les a pas refusés.",
        "Each contact channel has its own consent: email and SMS only with a yes, calls as long "
        "as the person has not refused them.",
    ),
    "consent_export_days": ("Pas contacté depuis (jours)", "Not contacted for (days)"),
    "consent_export_days_help": (
        "Laisse de côté les personnes du journal des contacts de ces derniers jours (0 : "
        "personne). Le choix est gardé pour les prochaines listes.",
        "Leaves out the people in the contact log of these last days (0: nobody). The choice is "
        "kept for the next lists.",
    ),
    "consent_state_yes": ("accepte", "accepts"),
    "consent_state_no": ("refuse", "refuses"),
    "consent_state_unknown": ("jamais dit", "never said"),
    "consent_profile_line": ("**{channel}** : {state}", "**{channel}**: {state}"),
    "consent_profile_line_source": ("**{channel}** : {state} ({said})",
                                    "**{channel}**: {state} ({said})"),
    "consent_profile_dated": ("{source}, le {day}", "{source}, on {day}"),
    "consent_profile_undated": ("{source}, sans date", "{source}, undated"),
    "consent_last_contacts": ("Derniers contacts", "Last contacts"),
    "consent_no_contact": ("Aucun contact enregistré.", "No contact recorded."),
    "consent_contact_line": ("{day} — {channel} — {list}", "{day} — {channel} — {list}"),
    "consent_mark_called": ("Marquer comme appelé", "Mark as called"),
    "consent_mark_called_help": (
        "Note dans le journal des contacts que vous avez appelé cette personne aujourd'hui : "
        "les listes la laisseront de côté pendant le délai réglé.",
        "Records in the contact log that you called this person today: lists will leave them "
        "out for the set delay.",
    ),
    "consent_called_list": ("Appel depuis la fiche client", "Call from the customer profile"),
    "consent_marked_called": ("Appel noté dans le journal des contacts.",
                              "Call recorded in the contact log."),
    "consent_call_refused": ("Cette personne a refusé les appels.",
                             "This person refused calls."),
    "consent_cli_help_channel": (
        "canal de contact de la liste : email, sms ou phone (appels) ; chacun avec son propre consentement",
        "the list's contact channel: email, sms or phone (calls); each with its own consent",
    ),
    "consent_cli_help_not_contacted": (
        "laisser de côté les personnes contactées ces N derniers jours (par défaut le réglage, "
        "14 ; 0 : personne)",
        "leave out the people contacted in the last N days (default: the setting, 14; 0: "
        "nobody)",
    ),
    "consent_recent_left_out": (
        {"one": "{count} personne contactée ces {days} derniers jours laissée de côté.",
         "other": "{count} personnes contactées ces {days} derniers jours laissées de côté."},
        {"one": "{count} person contacted in the last {days} days left out.",
         "other": "{count} people contacted in the last {days} days left out."},
    ),
    "export_sms_marketing": ("Accepte les SMS", "Accepts SMS"),
    "export_calls_refused": ("Refuse les appels", "Refuses calls"),
    "consent_describe_sms": ("accepte les SMS", "accepts SMS"),
    "consent_describe_phone": ("n'a pas refusé les appels", "has not refused calls"),
    "consent_describe_not_contacted": (
        {"one": "pas contacté depuis {count} jour", "other": "pas contacté depuis {count} jours"},
        {"one": "not contacted in the last {count} day",
         "other": "not contacted in the last {count} days"},
    ),
    "consent_channel_email": ("e-mail", "email"),
    "consent_channel_sms": ("SMS", "SMS"),
    "consent_channel_phone": ("appel", "call"),
    "consent_channel_call": ("Appels", "Calls"),
    "consent_doubt_source": (
        "ce fichier ressemble à « {label_fr} » mais ne dit pas le statut de chaque contact : "
        "importez-le seulement si c'est bien la liste des personnes qui ont refusé",
        "this file looks like “{label_en}” but does not state each contact's status: import it "
        "only if it is the list of people who refused",
    ),
    "consent_reject_no_address": (
        "ni e-mail ni téléphone lisible pour ce refus ou ce consentement",
        "no readable email or phone for this refusal or consent",
    ),
    "consent_nothing_read": (
        "aucune ligne ne donne une adresse e-mail ou un téléphone lisible : rien n'a été "
        "importé. Vérifiez que la colonne des adresses est bien reconnue.",
        "no row gives a readable email address or phone: nothing was imported. Check that the "
        "address column is recognised.",
    ),
    "consent_note_no_email": (
        {"one": "{count} refus d'e-mails enregistré", "other": "{count} refus d'e-mails enregistrés"},
        {"one": "{count} email refusal recorded", "other": "{count} email refusals recorded"},
    ),
    "consent_note_no_sms": (
        {"one": "{count} refus de SMS enregistré", "other": "{count} refus de SMS enregistrés"},
        {"one": "{count} SMS refusal recorded", "other": "{count} SMS refusals recorded"},
    ),
    "consent_note_no_phone": (
        {"one": "{count} refus d'appel enregistré", "other": "{count} refus d'appels enregistrés"},
        {"one": "{count} call refusal recorded", "other": "{count} call refusals recorded"},
    ),
    "consent_note_yes_email": (
        {"one": "{count} accord pour les e-mails enregistré",
         "other": "{count} accords pour les e-mails enregistrés"},
        {"one": "{count} email consent recorded", "other": "{count} email consents recorded"},
    ),
    "consent_note_yes_sms": (
        {"one": "{count} accord pour les SMS enregistré",
         "other": "{count} accords pour les SMS enregistrés"},
        {"one": "{count} SMS consent recorded", "other": "{count} SMS consents recorded"},
    ),
    "consent_note_yes_phone": (
        {"one": "{count} accord pour les appels enregistré",
         "other": "{count} accords pour les appels enregistrés"},
        {"one": "{count} call consent recorded", "other": "{count} call consents recorded"},
    ),
    "consent_note_known": (
        {"one": "{count} adresse du fichier est celle d'un client connu ; un refus s'applique "
                "aussi aux clients importés plus tard",
         "other": "{count} adresses du fichier sont celles de clients connus ; un refus "
                  "s'applique aussi aux clients importés plus tard"},
        {"one": "{count} address of the file is a known customer's; a refusal also applies to "
                "customers imported later",
         "other": "{count} addresses of the file are known customers'; a refusal also applies "
                  "to customers imported later"},
    ),
}

# key -> (term fr, term en), (definition fr, definition en); computed by CONSENT_COMPUTED_BY
CONSENT_GLOSSARY: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "consent_channel": (
        ("Consentement par canal de contact", "Consent per contact channel"),
        ("Ce que la personne a dit pour chaque canal de contact (e-mail, SMS, appel), avec sa "
         "date et le fichier qui le dit (liste de désinscrits Mailchimp, Brevo, Klaviyo, export Shopify…). "
         "Un refus l'emporte sur tout accord plus ancien ou non daté, quel que soit l'ordre "
         "des imports ; seul un accord daté après le dernier refus le lève. E-mails et SMS : "
         "seulement avec un accord ; appels : tant que la personne ne les a pas refusés.",
         "What the person said for each contact channel (email, SMS, call), with its date and "
         "the file that says so (Mailchimp, Brevo or Klaviyo unsubscribe list, Shopify export…). A "
         "refusal wins over any older or undated yes, whatever the import order; only a yes "
         "dated after the last refusal lifts it. Emails and SMS: only with a yes; calls: as "
         "long as the person has not refused them."),
    ),
    "contact_log": (
        ("Journal des contacts", "Contact log"),
        ("Qui a été contacté, quand, par quel canal de contact et dans quelle liste : écrit à "
         "chaque export d'une liste et quand un appel est noté. Effacé avec la personne (droit à "
         "l'oubli).",
         "Who was contacted, when, through which contact channel and in which list: written at "
         "each export of a list and when a call is recorded. Erased with the person (right to be "
         "forgotten)."),
    ),
    "recently_contacted": (
        ("Contacté récemment", "Recently contacted"),
        ("Présent dans le journal des contacts pendant les N derniers jours (réglage, 14 par "
         "défaut) : les exports le laissent de côté et disent combien.",
         "In the contact log within the last N days (a setting, 14 by default): exports leave "
         "them out and say how many."),
    ),
    "commercial_pressure": (
        ("Pression commerciale", "Commercial pressure"),
        ("Nombre de personnes contactées plus de N fois (réglage, 2 par défaut) sur les 30 "
         "derniers jours, d'après le journal des contacts.",
         "People contacted more than N times (a setting, 2 by default) in the last 30 days, "
         "from the contact log."),
    ),
}
CONSENT_COMPUTED_BY: dict[str, str] = {
    "consent_channel": "view channel_consent (store/definitions/10_channel_consent.sql)",
    "contact_log": "table contact_log, metrics.contacts",
    "recently_contacted": "metrics/sql/segment_customers.sql (recently_contacted)",
    "commercial_pressure": "metrics.contacts.pressure (metrics/sql/contacts_pressure.sql)",
}
