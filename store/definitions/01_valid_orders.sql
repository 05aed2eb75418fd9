-- Valid order (commande valide): not cancelled, not refunded, not pending, and a positive net
-- amount (amount - refunded amount). Anonymous orders (customer_id NULL) count in revenue and
-- orders, not in customer figures. Glossary: valid_order.
create or replace view valid_orders as
select
    order_id, source, source_order_id, customer_id, ordered_at, currency, amount,
    refunded_amount, amount - refunded_amount as net_amount, status, channel, import_id
from orders
where status not in ('cancelled', 'refunded', 'pending')
    and amount - refunded_amount > 0;
