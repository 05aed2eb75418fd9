delete from currency_rates
where currency = $currency
returning currency
