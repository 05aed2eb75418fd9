-- The conversion rates the owner entered, with whether each one counts now (a rate to another
-- currency than the shop's present one waits: the shop's currency changed since).
with

rates as (
    select currency, to_currency, rate, entered_at
    from currency_rates
),

shop as (
    select currency as shop_currency
    from shop_currency
),

final as (
    select
        rates.currency,
        rates.to_currency,
        rates.rate::double as rate,
        rates.entered_at,
        rates.to_currency = shop.shop_currency and rates.currency <> shop.shop_currency as applied
    from rates
    cross join shop
    order by rates.currency
)

select * from final
