-- After the sale (issue 16): the one place each after-sales term is written. Glossary keys
-- aftersales_*; the measures read these views and macros (metrics/sql/aftersales_*.sql).
--
-- Orders placed (commandes passées): what a customer did buy, refunded orders included: not
-- cancelled, not pending, not a credit note, a positive amount. The denominator of the refund
-- rates and of tickets per 100 orders (a fully refunded order is no valid order, yet it is an
-- order that was refunded). Amounts in the shop's currency, like valid_orders (an order in a
-- currency without a rate is in no figure). refunded_value: a 'refunded' status refunds the
-- whole order even where the file gives no amount. refund_day: the refund's own date where the
-- file gives it (orders.refunded_at), otherwise the order's day (refund_dated says which).
create or replace view placed_orders as
select
    o.order_id,
    o.customer_id,
    o.ordered_at,
    o.refunded_at,
    f.to_currency as currency,
    case when f.rate = 1 then o.amount
        else round(o.amount * f.rate, 2)::decimal(18,2) end as amount,
    case when f.rate = 1 then refund.value
        else round(refund.value * f.rate, 2)::decimal(18,2) end as refunded_value,
    o.status,
    refund.value > 0 as refunded,
    coalesce(o.refunded_at, o.ordered_at)::date as refund_day,
    o.refunded_at is not null as refund_dated
from orders as o
cross join lateral (
    select case when o.status = 'refunded' then greatest(o.amount, o.refunded_amount)
        else least(o.refunded_amount, o.amount) end as value
) as refund
inner join currency_factors as f on f.currency = o.currency
where o.status not in ('cancelled', 'pending', 'credit_note')
    and o.amount > 0;

-- NPS class of a 0-10 "would you recommend" score: promoter 9-10, passive 7-8, detractor 0-6.
-- A 1-5 satisfaction score is no NPS score (it goes to CSAT).
create or replace macro nps_class(score) as
    case
        when score >= 9 then 'promoter'
        when score >= 7 then 'passive'
        when score >= 0 then 'detractor'
    end;

-- Satisfied (CSAT): 4 or 5 out of 5.
create or replace macro is_satisfied(score) as score >= 4;

-- Low score: an NPS detractor (0-6), a satisfaction of 1-2 out of 5 or a review of 2 stars or
-- fewer, with the day it was given.
create or replace view low_scores as
select customer_id, answered_at::date as day
from survey_answers
where nps_class(nps_score) = 'detractor' or csat_score <= 2
union all
select customer_id, reviewed_at::date as day
from reviews
where rating <= 2;

-- A ticket still open at the end of day `day`: opened by then, and not resolved by then (a
-- ticket without a resolution date is open unless the file says solved or closed).
create or replace macro ticket_open_on(opened_at, resolved_at, status, day) as
    opened_at < day::date + 1
    and (
        resolved_at >= day::date + 1
        or (resolved_at is null and status not in ('solved', 'closed'))
    );
