-- Everything that identifies the person to forget: their keys, and the email, phone and
-- name + postcode of their row and of the customers merged into them (name_key macro needed).
create or replace temp table forget_keys as
with rows as (
    select email, phone, first_name, last_name, full_name, postal_code
    from customers
    where customer_id in (select customer_id from forget_chain)
    union all
    select email, phone, first_name, last_name, full_name, postal_code
    from merged_customers
    where merged_customer_id in (select customer_id from forget_chain)
),

candidates as (
    select kind, value
    from customer_keys
    where customer_id in (select customer_id from forget_chain)
    union all
    select 'email', email from rows
    union all
    select 'phone', phone from rows
    union all
    select 'name_postcode', name_key(first_name, last_name, full_name, postal_code) from rows
),

final as (
    select distinct kind, value from candidates where value is not null
)

select * from final
