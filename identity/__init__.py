"""Customer identity, one person one customer: matching a file's people to customers (match),
the owner's merges, splits, keep-aparts and forgetting (decisions), and the suspected duplicates
left for the owner to decide (duplicates). Below the importer, which calls the matcher; never
imports it."""
