update customers as c
set
    email = k.email,
    phone = k.phone,
    email_consent = case when k.consent_removed then null else c.email_consent end,
    consent_source = case when k.consent_removed then null else c.consent_source end,
    consent_at = case when k.consent_removed then null else c.consent_at end,
    import_id = coalesce(k.import_id, c.import_id)
from remove_kept as k
where c.customer_id = k.customer_id
