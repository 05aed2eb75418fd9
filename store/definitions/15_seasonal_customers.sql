-- Seasons (saisons d'achat): the gift seasons of a small French shop, by calendar month. A season
-- lies within one calendar year (seasonal_customers counts on it). Their names are in
-- words/catalogue/products.py (products_season_<season>).
create or replace view seasons as
select *
from (
    values
        ('year_end', 11), ('year_end', 12),
        ('mothers_day', 5), ('mothers_day', 6)
) as season_months (season, month);

-- Seasonal buyer (acheteur saisonnier): a customer whose every valid order by the end of day as_of
-- falls in the months of one season (one order is enough: the gift bought in December). years:
-- the calendar years they bought in. season_ends: the last day of their season in the year after
-- their last order; until then (as_of <= season_ends) they are waiting for their season, not lost
-- (waiting); after it their season came round without them. Glossary: seasonal_buyers.
-- among (a list of customer ids, default every customer): only those customers' rows, read from
-- their orders only (the at-risk notes need a few thousand customers, not every order grouped).
-- Each customer's valid orders and last order come from customer_facts_as_of (summary_current as
-- there: the summary answers when as_of covers every order); the calendar years are counted for
-- the seasonal buyers only: a distinct count over every customer's orders cost more than the rest.
create or replace macro seasonal_customers(as_of, summary_current := false, among := null) as table
    with

    customer_orders as (
        select customer_id, ordered_at, month(ordered_at) as month
        from customer_orders_until(as_of)
        where among is null or customer_id in (select unnest(among))
    ),

    customer_totals as (
        select customer_id, valid_orders as orders, last_ordered_at
        from customer_facts_as_of(as_of, summary_current)
        where valid_orders > 0 and (among is null or customer_id in (select unnest(among)))
    ),

    season_orders as (
        select customer_orders.customer_id, seasons.season, count(*) as orders
        from customer_orders
        inner join seasons on seasons.month = customer_orders.month
        group by customer_orders.customer_id, seasons.season
    ),

    seasonal as (
        select
            customer_totals.customer_id,
            season_orders.season,
            customer_totals.orders,
            customer_totals.last_ordered_at
        from customer_totals
        inner join season_orders
            on season_orders.customer_id = customer_totals.customer_id
            and season_orders.orders = customer_totals.orders
    ),

    seasonal_years as (
        select customer_id, count(distinct year(ordered_at)) as years
        from customer_orders
        semi join seasonal on seasonal.customer_id = customer_orders.customer_id
        group by customer_id
    ),

    season_last_months as (
        select season, max(month) as last_month
        from seasons
        group by season
    ),

    final as (
        select
            seasonal.customer_id,
            seasonal.season,
            seasonal.orders,
            seasonal_years.years,
            seasonal.last_ordered_at,
            last_day(make_date(
                year(seasonal.last_ordered_at)::integer + 1,
                season_last_months.last_month::integer,
                1
            )) as season_ends,
            as_of::date <= season_ends as waiting
        from seasonal
        inner join seasonal_years on seasonal_years.customer_id = seasonal.customer_id
        inner join season_last_months on season_last_months.season = seasonal.season
    )

    select * from final;
