-- Merges that stand, newest first, with both people and what moved; a split needs the kept
-- customer to exist (it may itself have been merged since).
with moved as (
    select merged_customer_id, count(*) filter (where kind = 'order') as orders_moved
    from customer_merge_moves
    group by merged_customer_id
),

final as (
    select
        m.merged_at,
        m.kept_customer_id as kept_id,
        coalesce(nullif(trim(concat_ws(' ', k.first_name, k.last_name)), ''), k.full_name)
            as kept_name,
        k.email as kept_email,
        m.merged_customer_id as merged_id,
        coalesce(nullif(trim(concat_ws(' ', m.first_name, m.last_name)), ''), m.full_name)
            as merged_name,
        m.email as merged_email,
        m.phone as merged_phone,
        coalesce(v.orders_moved, 0) as orders_moved,
        k.customer_id is not null as can_split
    from merged_customers as m
    left join customers as k on k.customer_id = m.kept_customer_id
    left join moved as v on v.merged_customer_id = m.merged_customer_id
)

select * from final
order by merged_at desc, merged_id
