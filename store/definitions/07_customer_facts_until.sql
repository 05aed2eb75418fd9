-- One row per customer with money by the end of day as_of (a valid order, or only a credit note):
-- their valid orders, first, second and last valid order, purchase days, net spend (their valid
-- orders less their credit notes), the currency of their money (NULL when several), and their
-- valid orders per channel. Contacts who never bought have no row. The customer_summary table
-- holds it as of the latest data, with the person's e-mail consent (store/summary.py); metrics
-- read that table when their date covers every order (customer_facts_as_of). customer_ids: only
-- these customers (a merge, split or forget refreshes two people, not every row; a date a week
-- back, the few who bought since), matched by a hash join, not a search of the list per order.
create or replace macro customer_facts_until(as_of, customer_ids := null) as table
    with

    customer_orders as (
        select customer_id, ordered_at, channel
        from customer_orders_until(as_of)
        where customer_ids is null or customer_id in (select unnest(customer_ids))
    ),

    customer_money as (
        select customer_id, net_amount, currency
        from customer_money_until(as_of)
        where customer_ids is null or customer_id in (select unnest(customer_ids))
    ),

    order_totals as (
        select
            customer_id,
            count(*) as valid_orders,
            min(ordered_at, 2) as first_two,
            max(ordered_at) as last_ordered_at,
            count(distinct ordered_at::date) as purchase_days,
            count(*) filter (where channel = 'web') as web_orders,
            count(*) filter (where channel = 'shop') as shop_orders,
            count(*) filter (where channel = 'marketplace') as marketplace_orders
        from customer_orders
        group by customer_id
    ),

    spend as (
        select
            customer_id,
            sum(net_amount) as net_spend,
            case when min(currency) = max(currency) then min(currency) end as currency
        from customer_money
        group by customer_id
    ),

    final as (
        select
            customer_id,
            coalesce(order_totals.valid_orders, 0) as valid_orders,
            order_totals.first_two[1] as first_ordered_at,
            order_totals.first_two[2] as second_ordered_at,
            order_totals.last_ordered_at,
            coalesce(order_totals.purchase_days, 0) as purchase_days,
            spend.net_spend::decimal(18, 2) as net_spend,
            spend.currency,
            coalesce(order_totals.web_orders, 0) as web_orders,
            coalesce(order_totals.shop_orders, 0) as shop_orders,
            coalesce(order_totals.marketplace_orders, 0) as marketplace_orders
        from spend
        left join order_totals using (customer_id)
    )

    select * from final;
