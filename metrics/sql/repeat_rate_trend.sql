-- Monthly trend: for customers acquired in each month (first valid order), the share who made a
-- second valid order within $within_days calendar days of the first. Only months whose last
-- acquired customer has been watched for the full $within_days by the end of day $as_of.
with

customer_firsts as (
    select customer_id, first_day as first_date, second_day as second_date
    from customer_first_days($as_of)
),

final as (
    select
        date_trunc('month', first_date)::date as month,
        count(*) as customers,
        count(*) filter (where second_date - first_date <= $within_days::integer)
            as repeat_customers,
        count(*) filter (where second_date - first_date <= $within_days::integer) / count(*)
            as repeat_rate
    from customer_firsts
    group by month
    having last_day(month) + $within_days::integer <= $as_of::date
)

select * from final
order by month
