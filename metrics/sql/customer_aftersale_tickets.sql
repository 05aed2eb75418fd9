-- One customer's after-sales tickets, newest first.
select opened_at, reason, status, first_response_at, resolved_at, order_ref, source
from tickets
where customer_id = $customer_id
order by opened_at desc, ticket_id desc
