-- One customer: who they are, what they agreed to, and their figures over every valid order.
-- Occasions are calendar days with a valid order (several orders on one day are one occasion).
-- net_spend is net of the customer's credit notes (view net_revenue), orders count valid ones.
with

person as (
    select *
    from customers
    where customer_id = $customer_id
),

customer_orders as (
    select ordered_at
    from valid_orders
    where customer_id = $customer_id
),

customer_money as (
    select net_amount
    from net_revenue
    where customer_id = $customer_id
),

totals as (
    select
        count(*) as orders,
        count(distinct ordered_at::date) as occasions,
        min(ordered_at) as first_order_at,
        max(ordered_at) as last_order_at
    from customer_orders
),

spend as (
    select coalesce(sum(net_amount), 0)::double as net_spend
    from customer_money
),

all_orders as (
    select count(*) as orders_all_statuses
    from orders
    where customer_id = $customer_id
),

final as (
    select
        person.customer_id,
        coalesce(
            nullif(concat_ws(' ', person.first_name, person.last_name), ''), person.full_name
        ) as name,
        person.email,
        person.phone,
        person.postal_code,
        person.city,
        person.country,
        person.first_seen,
        person.email_consent,
        person.consent_source,
        person.consent_at,
        exists (select 1 from suppressions where suppressions.email = person.email) as suppressed,
        totals.orders,
        totals.occasions,
        spend.net_spend,
        totals.first_order_at,
        totals.last_order_at,
        round(spend.net_spend / nullif(totals.orders, 0), 2) as average_basket,
        all_orders.orders_all_statuses
    from person
    cross join totals
    cross join spend
    cross join all_orders
)

select * from final
