-- Seasonal buyers per season (glossary: seasonal_buyers), from seasonal_customers up to the end
-- of day $as_of: buyers (customers whose every valid order falls in the season), repeat_buyers
-- (of them, those with two valid orders or more), several_years (those who bought in it in two
-- calendar years or more), waiting (those whose season has not yet come round again since their
-- last order: not lost), and customers (every customer, the base of the share). $summary_current:
-- as customer_facts_as_of's (metrics.dates.facts_as_of).
with

seasonal as (
    select season, orders, years, waiting
    from seasonal_customers($as_of, summary_current := $summary_current)
),

customers as (
    select count(*) as customers
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

per_season as (
    select
        season,
        count(*) as buyers,
        count(*) filter (where is_repeat_customer(orders)) as repeat_buyers,
        count(*) filter (where years > 1) as several_years,
        count(*) filter (where waiting) as waiting
    from seasonal
    group by season
),

final as (
    select
        seasons.season,
        coalesce(per_season.buyers, 0) as buyers,
        coalesce(per_season.repeat_buyers, 0) as repeat_buyers,
        coalesce(per_season.several_years, 0) as several_years,
        coalesce(per_season.waiting, 0) as waiting,
        customers.customers,
        seasons.first_month,
        seasons.last_month
    from (
        select season, min(month) as first_month, max(month) as last_month
        from seasons
        group by season
    ) as seasons
    left join per_season on per_season.season = seasons.season
    cross join customers
)

select * from final
order by first_month desc
