-- Keys only the removed imports carried, every key of a removed customer, and the name +
-- postcode aliases that forgotten merges gave.
delete from customer_keys as k
where (k.kind, k.value) in (select kind, value from remove_keys)
    or k.customer_id in (select customer_id from remove_customers)
    or (
        k.import_id is null
        and (k.customer_id, k.kind, k.value) in (
            select m.kept_customer_id, v.key_kind, v.key_value
            from customer_merge_moves as v
            inner join remove_merged as m on m.merged_customer_id = v.merged_customer_id
            where v.kind = 'alias'
        )
    )
