-- The kept fit of one data version, as-of date and horizon (store/migrations/009_clv_fits.sql).
select summary, backtest
from clv_fits
where import_version = $import_version
  and merges = $merges
  and customers = $customers
  and as_of = $as_of
  and horizon_weeks = $horizon_weeks
