-- The owner's decision: 'merge', 'split' or 'distinct' (not the same person: never suggest again).
insert into customer_merges (merged_at, action, kept_customer_id, merged_customer_id)
values ($now, $action, $kept, $merged)
