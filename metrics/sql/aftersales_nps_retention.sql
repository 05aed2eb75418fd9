-- Retention by NPS class: customers by the class of their first NPS answer up to the end of day
-- $as_of, and for each of the $months calendar months after the month of that answer, the share
-- with a valid order in that month. A month counts only once it has ended by $as_of, so every
-- point of a curve is measured on customers who all had the whole month. Of two first answers at
-- the same moment, the one with the smaller (source, answer id) is the first: the same at every run.
with

first_answers as (
    select
        customer_id,
        arg_min(nps_class(nps_score), (answered_at, source, source_answer_id)) as nps_class,
        date_trunc('month', min(answered_at))::date as month
    from survey_answers
    where customer_id is not null and nps_score is not null
        and answered_at < $as_of::date + 1
    group by customer_id
),

observed as (
    select a.customer_id, a.nps_class, a.month, m.months_after
    from first_answers as a
    cross join (select range as months_after from range(1, $months + 1)) as m
    where a.month + to_months(m.months_after + 1) <= $as_of::date + 1
),

bought as (
    select distinct customer_id, date_trunc('month', ordered_at)::date as month
    from customer_orders_until($as_of)
),

final as (
    select
        o.nps_class,
        o.months_after,
        count(*) as customers,
        count(b.customer_id) as retained,
        count(b.customer_id) / count(*) as retention
    from observed as o
    left join bought as b
        on b.customer_id = o.customer_id and b.month = o.month + to_months(o.months_after)
    group by o.nps_class, o.months_after
)

select * from final
order by case nps_class when 'promoter' then 1 when 'passive' then 2 else 3 end, months_after
