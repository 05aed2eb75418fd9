-- Every customer with a valid order by the end of day $as_of: contact details, orders and
-- purchase rhythm, for the weekly report's new repeat customers and the at-risk lists
-- (metrics.at_risk), from the store's definition customer_facts_as_of (valid orders, first,
-- second and last valid order, net spend). suppressed: their email is on the suppression list
-- (asked to be left alone). email_consent and call_consent: their consent on each channel
-- (customer_channels, store/definitions/10_channel_consent.sql; NULL: never said). expected_next_order = last purchase day + the average gap between
-- the customer's purchase days (several orders on one day are one purchase occasion,
-- DESIGN.md); NULL with one purchase day only.
with

customer_facts as (
    select
        customer_id, valid_orders, net_spend, first_ordered_at, second_ordered_at,
        last_ordered_at, purchase_days
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

suppressed as (
    select email
    from suppressions
),

contacts as (
    select
        customers.customer_id,
        customer_name(customers.first_name, customers.last_name, customers.full_name) as name,
        customers.email,
        customers.phone,
        channels.email_consent,
        channels.call_consent,
        suppressed.email is not null as suppressed
    from customers
    left join customer_channels as channels on channels.customer_id = customers.customer_id
    left join suppressed on suppressed.email = customers.email
),

final as (
    select
        customer_facts.customer_id,
        contacts.name,
        contacts.email,
        contacts.phone,
        contacts.email_consent,
        contacts.call_consent,
        contacts.suppressed,
        customer_facts.valid_orders as orders,
        customer_facts.net_spend::double as spend,
        customer_facts.first_ordered_at,
        customer_facts.second_ordered_at,
        customer_facts.last_ordered_at,
        case when customer_facts.purchase_days > 1 then
            customer_facts.last_ordered_at::date + round(
                date_diff(
                    'day',
                    customer_facts.first_ordered_at::date,
                    customer_facts.last_ordered_at::date
                ) / (customer_facts.purchase_days - 1)
            )::integer
        end as expected_next_order
    from customer_facts
    inner join contacts using (customer_id)
)

select * from final
order by customer_id
