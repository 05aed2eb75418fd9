-- Cohorts by what the first valid order was ($by: 'first_product', 'channel' or 'discount';
-- allow-listed in Python), as of the end of day $as_of: per cohort, its customers, how many came
-- back (repeat rate), how many came back within 90 days among those followed 90 days, the
-- 12-month value (net spend in the 365 days from the first order, per customer followed a whole
-- year), and the average basket of all their valid orders (net spend / valid orders).
-- segment_kind says what segment is: 'value' (a product, channel or code), 'unknown' (no product
-- line, no channel), or for discounts 'discount_without_code' (a discount amount, no code given)
-- and 'no_discount'.
with

firsts as (
    select customer_id, first_product, channel, discount_code, discount
    from customer_first_orders($as_of)
),

facts as (
    select customer_id, valid_orders, net_spend, first_ordered_at, second_ordered_at
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

cohort_customers as (
    select
        facts.*,
        case $by::varchar
            when 'first_product' then firsts.first_product
            when 'channel' then firsts.channel
            when 'discount' then firsts.discount_code
        end as segment,
        case
            when segment is not null then 'value'
            when $by::varchar <> 'discount' then 'unknown'
            when firsts.discount > 0 then 'discount_without_code'
            else 'no_discount'
        end as segment_kind,
        facts.first_ordered_at::date <= $as_of::date - $early_days as followed_90d,
        facts.first_ordered_at::date <= $as_of::date - 364 as followed_12m
    from facts
    inner join firsts using (customer_id)
),

first_year as (
    select money.customer_id, sum(money.net_amount) as value_12m
    from customer_money_until($as_of) as money
    inner join cohort_customers as c using (customer_id)
    where c.followed_12m
        and money.ordered_at < c.first_ordered_at::date + 365
    group by money.customer_id
),

final as (
    select
        c.segment_kind,
        c.segment,
        count(*) as customers,
        count(*) filter (where is_repeat_customer(c.valid_orders)) as repeat_customers,
        repeat_customers / customers as repeat_rate,
        count(*) filter (where c.followed_90d) as customers_90d,
        count(*) filter (
            where c.followed_90d
                and c.second_ordered_at::date - c.first_ordered_at::date <= $early_days
        ) as back_within_90d,
        back_within_90d / nullif(customers_90d, 0) as back_within_90d_rate,
        count(*) filter (where c.followed_12m) as customers_12m,
        round(sum(first_year.value_12m) / nullif(customers_12m, 0), 2)::double as value_12m,
        round(sum(c.net_spend) / sum(c.valid_orders), 2)::double as average_basket
    from cohort_customers as c
    left join first_year using (customer_id)
    group by c.segment_kind, c.segment
)

select * from final
order by customers desc, segment_kind, segment
