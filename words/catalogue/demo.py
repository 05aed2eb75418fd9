"""Strings of the demo shop's removal (ui/demo.py), on the Données and Import pages."""

STRINGS: dict[str, tuple[str, str]] = {
    "demo_present": (
        "La boutique de démonstration (Savonnerie du Marais, environ 3 000 clients inventés) est "
        "chargée dans cette base.",
        "The demo shop (Savonnerie du Marais, about 3,000 made-up customers) is loaded in this "
        "database.",
    ),
    "demo_before_import": (
        "La boutique de démonstration est encore chargée : importé maintenant, votre fichier "
        "se mêlerait à ses 3 000 clients inventés. Retirez-la d'abord, vos fichiers seront "
        "les seuls dans la base.",
        "The demo shop is still loaded: imported now, your file would mix with its 3,000 "
        "made-up customers. Remove it first, so that your files are the only ones in the "
        "database.",
    ),
    "demo_remove_confirm": (
        "Je veux retirer la démonstration (mes propres imports restent)",
        "I want to remove the demo (my own imports stay)",
    ),
    "demo_remove_button": ("Retirer la démo", "Remove the demo"),
    "demo_remove_help": (
        "Supprime tout ce que la démonstration a apporté : commandes, clients, lignes rejetées, "
        "fusions et exports de ces clients. Une copie de la base est faite avant.",
        "Deletes everything the demo brought: orders, customers, rejected rows, merges and "
        "exports of those customers. A copy of the database is made first.",
    ),
    "demo_removed": (
        "Boutique de démonstration retirée : {orders} commandes et {customers} clients inventés "
        "supprimés. Vos imports sont intacts.",
        "Demo shop removed: {orders} orders and {customers} made-up customers deleted. Your "
        "imports are untouched.",
    ),
    "demo_removed_kept": (
        "{kept} clients présents aussi dans vos fichiers gardent vos commandes et perdent celles "
        "de la démonstration.",
        "{kept} customers also in your files keep your orders and lose the demo's.",
    ),
}
