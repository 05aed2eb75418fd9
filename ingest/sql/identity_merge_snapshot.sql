-- Keep the merged customer's row as it is, with what the merge is about to change on the kept one.
insert into merged_customers
select
    m.customer_id,
    k.customer_id,
    $now,
    m.email, m.phone, m.first_name, m.last_name, m.full_name, m.postal_code, m.city, m.country,
    m.email_consent, m.consent_source, m.consent_at, m.first_seen, m.import_id,
    list_filter([
        case when k.email is null and m.email is not null then 'email' end,
        case when k.phone is null and m.phone is not null then 'phone' end,
        case when k.first_name is null and m.first_name is not null then 'first_name' end,
        case when k.last_name is null and m.last_name is not null then 'last_name' end,
        case when k.full_name is null and m.full_name is not null then 'full_name' end,
        case when k.postal_code is null and m.postal_code is not null then 'postal_code' end,
        case when k.city is null and m.city is not null then 'city' end,
        case when k.country is null and m.country is not null then 'country' end
    ], lambda c: c is not null),
    k.email_consent, k.consent_source, k.consent_at, k.first_seen
from customers as m
cross join customers as k
where m.customer_id = $merged and k.customer_id = $kept
