-- New customers, each attribute from the most recent row that has it.
insert into customers (
    customer_id, email, phone, first_name, last_name, full_name, postal_code, city, country,
    first_seen, import_id
)
select
    customer,
    arg_max(email, seen_at) filter (where email is not null),
    arg_max(phone, seen_at) filter (where phone is not null),
    arg_max(first_name, seen_at) filter (where first_name is not null),
    arg_max(last_name, seen_at) filter (where last_name is not null),
    arg_max(full_name, seen_at) filter (where full_name is not null),
    arg_max(postal_code, seen_at) filter (where postal_code is not null),
    arg_max(city, seen_at) filter (where city is not null),
    arg_max(country, seen_at) filter (where country is not null),
    min(seen_at),
    $import_id
from matched_people
where is_new
group by customer
