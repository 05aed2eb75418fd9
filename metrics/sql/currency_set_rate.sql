-- The owner's rate for $currency: 1 $currency = $rate of the shop's currency (replaces any).
insert or replace into currency_rates (currency, to_currency, rate, entered_at)
select $currency, currency, $rate, $entered_at
from shop_currency
returning currency, to_currency
