-- Who each customer is, for the value lists: display name, email, phone, and the day of their
-- latest valid order up to the end of day $as_of. Only people with a valid order by then (the
-- customers of DESIGN.md), so a list never shows a contact who never bought. $customer_ids: the
-- people wanted (NULL: everyone); a list names 20 or a few thousand of 768,000 customers.
with

wanted as (
    select unnest($customer_ids::integer[]) as customer_id
),

customers as (
    select customer_id, email, phone, first_name, last_name, full_name
    from customers
    where $customer_ids is null or customer_id in (select customer_id from wanted)
),

customer_orders as (
    select customer_id, ordered_at
    from customer_orders_until($as_of)
    where customer_id in (select customer_id from customers)
),

last_orders as (
    select customer_id, max(ordered_at)::date as last_order_on
    from customer_orders
    group by customer_id
),

final as (
    select
        customers.customer_id,
        coalesce(
            nullif(trim(customers.full_name), ''),
            nullif(concat_ws(' ', customers.first_name, customers.last_name), '')
        ) as name,
        customers.email,
        customers.phone,
        last_orders.last_order_on
    from customers
    inner join last_orders using (customer_id)
)

select * from final
order by customer_id
