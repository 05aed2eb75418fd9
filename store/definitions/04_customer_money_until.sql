-- A customer's money as of a day: the rows of net_revenue (valid orders and credit notes) of
-- known customers placed before the end of day as_of. Every per-customer or per-period sum of a
-- customer's spend reads this. Anonymous credit notes have no customer: they count in the shop's
-- revenue (net_revenue) only. Glossary: net_spend.
create or replace macro customer_money_until(as_of) as table
    select order_id, customer_id, ordered_at, currency, net_amount
    from net_revenue
    where customer_id is not null
        and ordered_at < as_of::date + 1;
