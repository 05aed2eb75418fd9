-- Customers the removed imports created that another import still holds: they keep their row,
-- without what only the removed imports said of them (an e-mail or phone whose key goes, the
-- consent those files stated) and now date from the other import.
create or replace temp table remove_kept as
with removed as (
    select file_name, started_at from imports where list_contains($ids, import_id)
),

shared as (
    select c.*
    from customers as c
    where list_contains($ids, c.import_id)
        and c.customer_id not in (select customer_id from remove_customers)
),

left_keys as (
    select k.customer_id, k.kind, k.value
    from customer_keys as k
    inner join shared as c on c.customer_id = k.customer_id
    where (k.kind, k.value) not in (select kind, value from remove_keys)
),

left_imports as (
    select o.customer_id, o.import_id
    from orders as o
    inner join shared as c on c.customer_id = o.customer_id
    where o.order_id not in (select order_id from remove_orders)
    union all
    select k.customer_id, s.import_id
    from left_keys as k
    inner join key_sightings as s on s.kind = k.kind and s.value = k.value
    where not list_contains($ids, s.import_id)
),

kept_values as (
    select customer_id, kind, list(value order by value) as kept
    from left_keys
    group by customer_id, kind
),

final as (
    select
        c.customer_id,
        -- the row's e-mail or phone if its key stays, else the first that stays, else none
        if(list_contains(e.kept, c.email), c.email, e.kept[1]) as email,
        if(list_contains(p.kept, c.phone), c.phone, p.kept[1]) as phone,
        (c.consent_source, c.consent_at) in (select file_name, started_at from removed)
            as consent_removed,
        (select min(i.import_id) from left_imports as i where i.customer_id = c.customer_id)
            as import_id
    from shared as c
    left join kept_values as e on e.customer_id = c.customer_id and e.kind = 'email'
    left join kept_values as p on p.customer_id = c.customer_id and p.kind = 'phone'
)

select * from final
