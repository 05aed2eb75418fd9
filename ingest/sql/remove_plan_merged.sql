-- Merges to forget: into a removed customer, or of a customer the removed imports created whose
-- moved orders and keys all go with them.
create or replace temp table remove_merged as
select m.merged_customer_id, m.kept_customer_id
from merged_customers as m
where m.kept_customer_id in (select customer_id from remove_customers)
    or (
        list_contains($ids, m.import_id)
        and not exists (
            select 1
            from customer_merge_moves as v
            where v.merged_customer_id = m.merged_customer_id
                and (
                    (v.kind = 'order' and v.order_id not in (select order_id from remove_orders))
                    or (v.kind = 'key' and (v.key_kind, v.key_value)
                        not in (select kind, value from remove_keys))
                )
        )
    )
