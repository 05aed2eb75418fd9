"""Headers of the customer lists the Segments page and ``python -m metrics segment`` export."""

STRINGS: dict[str, tuple[str, str]] = {
    "export_customer_id": ("N° client", "Customer no."),
    "export_first_name": ("Prénom", "First name"),
    "export_last_name": ("Nom", "Last name"),
    "export_email": ("E-mail", "Email"),
    "export_phone": ("Téléphone", "Phone"),
    "export_postal_code": ("Code postal", "Postcode"),
    "export_city": ("Ville", "City"),
    "export_segment": ("Segment", "Segment"),
    "export_orders": ("Commandes", "Orders"),
    "export_net_spend": ("Dépense nette ({currency})", "Net spend ({currency})"),
    "export_last_order": ("Dernière commande", "Last order"),
    "export_email_marketing": ("Accepte les e-mails", "Accepts emails"),
    "export_sheet": ("Clients", "Customers"),
}
