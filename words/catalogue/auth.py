"""Strings of the password gate (ui/auth.py), French and English."""

STRINGS: dict[str, tuple[str, str]] = {
    "auth_title": ("Connexion", "Sign in"),
    "auth_intro": (
        "Comptoir est ouvert à d'autres ordinateurs que celui-ci : donnez le mot de passe de la "
        "boutique pour voir ses données.",
        "Comptoir is open to other computers than this one: give the shop's password to see its "
        "data.",
    ),
    "auth_password": ("Mot de passe", "Password"),
    "auth_enter": ("Entrer", "Sign in"),
    "auth_wrong": ("Mot de passe incorrect.", "Wrong password."),
    "auth_missing": (
        "Comptoir écoute sur l'adresse {address}, ouverte à d'autres ordinateurs, et aucun mot de "
        "passe n'est défini : rien n'est montré. Arrêtez Comptoir, puis définissez un mot de passe "
        "avec « python -m store.password », ou remettez server.address = \"127.0.0.1\" dans "
        ".streamlit/config.toml.",
        "Comptoir listens on address {address}, open to other computers, and no password is set: "
        "nothing is shown. Stop Comptoir, then set a password with “python -m store.password”, "
        "or put server.address = \"127.0.0.1\" back in .streamlit/config.toml.",
    ),
}
