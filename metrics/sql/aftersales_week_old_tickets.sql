-- Tickets still open at the end of day $sunday that were opened more than $days days before it,
-- oldest first, with who opened them.
select
    t.customer_id,
    customer_name(p.first_name, p.last_name, p.full_name) as name,
    p.email,
    p.phone,
    t.opened_at,
    date_diff('day', t.opened_at::date, $sunday::date) as days_open,
    t.reason,
    t.status
from tickets as t
left join customers as p using (customer_id)
where ticket_open_on(t.opened_at, t.resolved_at, t.status, $sunday)
    and t.opened_at < $sunday::date - $days::integer
order by t.opened_at, t.ticket_id
