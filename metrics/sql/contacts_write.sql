-- The contact log gains one row per person in $customer_ids (a list exported or called).
insert into contact_log (customer_id, contacted_at, channel, list_name, export_id)
select unnest($customer_ids), $contacted_at, $channel, $list_name, $export_id
returning contact_id
