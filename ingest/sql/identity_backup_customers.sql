-- Customers of an older copy of the database who carry one of a forgotten person's key hashes
-- (found by key, not by id: ids of a copy taken before a restore may belong to someone else).
-- A name + postcode only counts for someone without email or phone (needs the name_key macro).
select customer_id
from customer_keys
where list_contains($hashes, sha256(kind || ':' || value))
union
select customer_id
from customers
where list_contains($hashes, sha256('email:' || email))
   or list_contains($hashes, sha256('phone:' || phone))
   or (
       email is null and phone is null
       and list_contains(
           $hashes,
           sha256('name_postcode:' || name_key(first_name, last_name, full_name, postal_code))
       )
   )
order by customer_id
