-- Keys of this file's people that already belong to a customer.
select k.person, k.priority, ck.customer_id
from person_keys as k
inner join customer_keys as ck
    on ck.kind = k.kind and ck.value = k.value
