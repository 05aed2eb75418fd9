"""Sales channels: the words files use for where a sale happened, and the three channels they
mean. A module of its own, without pandas, so a command line can offer the channels without
loading the importer."""

CHANNELS = {
    "web": "web", "site": "web", "site web": "web", "internet": "web", "en ligne": "web",
    "online": "web", "e commerce": "web", "boutique en ligne": "web", "online store": "web",
    "boutique": "shop", "magasin": "shop", "shop": "shop", "caisse": "shop", "store": "shop",
    "pos": "shop", "point of sale": "shop", "salon": "shop", "marche": "shop",
    "marketplace": "marketplace", "etsy": "marketplace", "amazon": "marketplace",
}
SALES_CHANNELS = tuple(dict.fromkeys(CHANNELS.values()))  # web, shop, marketplace
