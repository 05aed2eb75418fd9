-- The kept customer fills its blanks from the merged one, goes back to the earlier first visit and
-- keeps the stricter consent: a no from either side wins, then a yes, then "never said".
with merged as (
    select * from merged_customers where merged_customer_id = $merged
),

consent as (
    select
        case
            when m.email_consent = false and k.email_consent is distinct from false then 'merged'
            when m.email_consent = true and k.email_consent is null then 'merged'
            else 'kept'
        end as side
    from merged as m
    cross join customers as k
    where k.customer_id = $kept
)

update customers as c
set
    email = coalesce(c.email, m.email),
    phone = coalesce(c.phone, m.phone),
    first_name = coalesce(c.first_name, m.first_name),
    last_name = coalesce(c.last_name, m.last_name),
    full_name = coalesce(c.full_name, m.full_name),
    postal_code = coalesce(c.postal_code, m.postal_code),
    city = coalesce(c.city, m.city),
    country = coalesce(c.country, m.country),
    email_consent = case when s.side = 'merged' then m.email_consent else c.email_consent end,
    consent_source = case when s.side = 'merged' then m.consent_source else c.consent_source end,
    consent_at = case when s.side = 'merged' then m.consent_at else c.consent_at end,
    first_seen = least(c.first_seen, m.first_seen)
from merged as m, consent as s
where c.customer_id = $kept
