-- The kept customer gives back what the merge gave it, unless an import changed it since: blanks
-- it took from the merged customer, the merged customer's consent, its earlier first visit.
with merged as (
    select * from merged_customers where merged_customer_id = $merged
),

restored as (
    select
        c.customer_id,
        case when list_contains(m.filled, 'email') and c.email = m.email then null else c.email end
            as email,
        case when list_contains(m.filled, 'phone') and c.phone = m.phone then null else c.phone end
            as phone,
        case when list_contains(m.filled, 'first_name') and c.first_name = m.first_name
            then null else c.first_name end as first_name,
        case when list_contains(m.filled, 'last_name') and c.last_name = m.last_name
            then null else c.last_name end as last_name,
        case when list_contains(m.filled, 'full_name') and c.full_name = m.full_name
            then null else c.full_name end as full_name,
        case when list_contains(m.filled, 'postal_code') and c.postal_code = m.postal_code
            then null else c.postal_code end as postal_code,
        case when list_contains(m.filled, 'city') and c.city = m.city then null else c.city end
            as city,
        case when list_contains(m.filled, 'country') and c.country = m.country
            then null else c.country end as country,
        (c.email_consent is not distinct from m.email_consent
            and c.consent_source is not distinct from m.consent_source
            and c.consent_at is not distinct from m.consent_at) as consent_from_merged,
        case when c.first_seen = m.first_seen then m.kept_first_seen else c.first_seen end
            as first_seen,
        m.kept_email_consent,
        m.kept_consent_source,
        m.kept_consent_at
    from customers as c
    cross join merged as m
    where c.customer_id = $kept
)

update customers as c
set
    email = r.email,
    phone = r.phone,
    first_name = r.first_name,
    last_name = r.last_name,
    full_name = r.full_name,
    postal_code = r.postal_code,
    city = r.city,
    country = r.country,
    email_consent = case
        when r.consent_from_merged then r.kept_email_consent else c.email_consent
    end,
    consent_source = case
        when r.consent_from_merged then r.kept_consent_source else c.consent_source
    end,
    consent_at = case when r.consent_from_merged then r.kept_consent_at else c.consent_at end,
    first_seen = r.first_seen
from restored as r
where c.customer_id = r.customer_id
