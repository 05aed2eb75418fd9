-- Consent as this file states it (its last row per customer), unless the person is suppressed.
with stated as (
    select customer, arg_max(opt_in, consent_rank) as opt_in
    from matched_people
    where opt_in is not null
    group by customer
)

update customers as c
set
    email_consent = s.opt_in and not exists (select 1 from suppressions as x where x.email = c.email),
    consent_source = $file_name,
    consent_at = $now
from stated as s
where c.customer_id = s.customer
