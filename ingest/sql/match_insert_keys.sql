-- Every key of this file's people now points to their customer (known keys keep theirs).
insert into customer_keys (kind, value, customer_id, import_id)
select kind, value, min(customer_id), $import_id
from person_keys
where customer_id is not null
group by kind, value
on conflict do nothing
