-- The person to forget and every customer merged into them, directly or through another merge.
create or replace temp table forget_chain as
with recursive chain (customer_id) as (
    select $customer_id
    union
    select m.merged_customer_id
    from merged_customers as m
    inner join chain as c on m.kept_customer_id = c.customer_id
)

select * from chain
