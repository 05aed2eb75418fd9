-- A decision: 'merge', 'split' or 'distinct' (not the same person: never suggest again) by the
-- owner, or 'auto', a merge made by an import whose record showed two customers to be one person.
insert into customer_merges (merged_at, action, kept_customer_id, merged_customer_id)
values ($now, $action, $kept, $merged)
