"""Consent per channel, the contact log and commercial pressure (issue 17): import notes, export
counts, the profile's contacts and the overview's pressure figure."""

STRINGS: dict[str, object] = {
    "consent_cli_help_channel": (
        "canal de la liste : email, sms ou phone (appels) ; chacun avec son propre consentement",
        "the list's channel: email, sms or phone (calls); each with its own consent",
    ),
    "consent_cli_help_not_contacted": (
        "laisser de côté les personnes contactées ces N derniers jours (par défaut le réglage, "
        "14 ; 0 : personne)",
        "leave out the people contacted in the last N days (default: the setting, 14; 0: "
        "nobody)",
    ),
    "consent_cli_recent": (
        {"one": " {count} personne contactée ces {days} derniers jours laissée de côté.",
         "other": " {count} personnes contactées ces {days} derniers jours laissées de côté."},
        {"one": " {count} person contacted in the last {days} days left out.",
         "other": " {count} people contacted in the last {days} days left out."},
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
