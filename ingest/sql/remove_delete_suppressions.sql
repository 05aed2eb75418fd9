-- Refusals the removed files recorded, unless the e-mail is still a known customer's: a no
-- another file may also have said is kept (no later file can undo a refusal).
delete from suppressions
where (source, since) in (
        select file_name, started_at from imports where list_contains($ids, import_id)
    )
    and email not in (select value from customer_keys where kind = 'email')
