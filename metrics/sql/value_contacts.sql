-- Who each customer is, for the value lists: display name, email, phone, and the day of their
-- latest valid order up to the end of day $as_of. Only people with a valid order by then (the
-- customers of DESIGN.md), so a list never shows a contact who never bought. $customer_ids: the
-- people wanted (NULL: everyone); a list names 20 or a few thousand of 768,000 customers. The
-- last order comes from the store's definition customer_facts_as_of (the customer_summary table
-- when $as_of covers every order), not from every order.
with

wanted as (
    select unnest($customer_ids::integer[]) as customer_id
),

customers as (
    select customer_id, email, phone, first_name, last_name, full_name
    from customers
    where $customer_ids is null or customer_id in (select customer_id from wanted)
),

last_orders as (
    select customer_id, last_ordered_at::date as last_order_on
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
        and customer_id in (select customer_id from customers)
),

final as (
    select
        customers.customer_id,
        customer_name(customers.first_name, customers.last_name, customers.full_name) as name,
        customers.email,
        customers.phone,
        last_orders.last_order_on
    from customers
    inner join last_orders using (customer_id)
)

select * from final
order by customer_id
