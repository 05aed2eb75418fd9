-- The kept loyalty comparison of one data version and as-of day
-- (store/migrations/021_aftersales_loyalty_kept.sql), in the columns and order of
-- aftersales_loyalty.sql.
select
    event, customers, repeat_customers, repeat_rate_after, matched_customers,
    repeat_rate_after_matched, comparable_customers, repeat_rate_without, value_customers,
    value_12m_after, value_12m_without
from aftersales_loyalty_kept
where import_version = $import_version
  and merges = $merges
  and customer_count = $customer_count
  and as_of = $as_of
order by rank
