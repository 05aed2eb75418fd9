-- Pairs of customers the owner said are two people (kept apart, or a merge split again): an
-- import never merges them.
select distinct
    least(kept_customer_id, merged_customer_id) as x,
    greatest(kept_customer_id, merged_customer_id) as y
from customer_merges
where action in ('split', 'distinct')
