-- A person's last contacts, newest first (the Fiche client).
select contacted_at, channel, list_name, export_id
from contact_log
where customer_id = $customer_id
order by contacted_at desc, contact_id desc
limit $limit
