-- One customer: who they are, what they agreed to, and their figures over every valid order, from
-- their customer_summary row (store/definitions/07_customer_facts_until.sql). Occasions are
-- calendar days with a valid order (several orders on one day are one occasion). net_spend is
-- net of the customer's credit notes, orders count valid ones. Consent is each channel's own
-- (customer_channels: what the person said last, the date they said it, the file that says so).
with

person as (
    select *
    from customers
    where customer_id = $customer_id
),

customer_facts as (
    select valid_orders, purchase_days, net_spend, first_ordered_at, last_ordered_at
    from customer_summary
    where customer_id = $customer_id
),

channels as (
    select *
    from customer_channels
    where customer_id = $customer_id
),

all_orders as (
    select count(*) as orders_all_statuses
    from orders
    where customer_id = $customer_id
),

final as (
    select
        person.customer_id,
        customer_name(person.first_name, person.last_name, person.full_name) as name,
        person.email,
        person.phone,
        person.postal_code,
        person.city,
        person.country,
        person.first_seen,
        channels.email_consent,
        channels.email_source as consent_source,
        channels.email_stated_at as consent_at,
        channels.sms_consent,
        channels.sms_source,
        channels.sms_stated_at,
        channels.call_consent,
        channels.call_source,
        channels.call_stated_at,
        exists (select 1 from suppressions where suppressions.email = person.email) as suppressed,
        coalesce(customer_facts.valid_orders, 0) as orders,
        coalesce(customer_facts.purchase_days, 0) as occasions,
        coalesce(customer_facts.net_spend, 0)::double as net_spend,
        customer_facts.first_ordered_at as first_order_at,
        customer_facts.last_ordered_at as last_order_at,
        round(customer_facts.net_spend / nullif(customer_facts.valid_orders, 0), 2)::double
            as average_basket,
        all_orders.orders_all_statuses
    from person
    left join customer_facts on true
    left join channels on true
    cross join all_orders
)

select * from final
