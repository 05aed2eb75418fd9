-- The merged customer comes back as it was before the merge.
insert into customers (
    customer_id, email, phone, first_name, last_name, full_name, postal_code, city, country,
    email_consent, consent_source, consent_at, first_seen, import_id
)
select
    merged_customer_id, email, phone, first_name, last_name, full_name, postal_code, city, country,
    email_consent, consent_source, consent_at, first_seen, import_id
from merged_customers
where merged_customer_id = $merged
