-- One meaning of "a customer's money as of a day" (DESIGN.md: credit notes and returns reduce net
-- revenue, of their order where it is named, else of the customer): the rows of net_revenue
-- (valid orders and credit notes) of known customers placed before the end of day as_of. Every
-- per-customer or per-period sum of a customer's spend reads this; counts of orders, customers
-- and purchase occasions keep reading customer_orders_until. Anonymous credit notes have no
-- customer: they count in the shop's revenue (net_revenue) only.
create macro customer_money_until(as_of) as table
    select order_id, customer_id, ordered_at, net_amount
    from net_revenue
    where customer_id is not null
        and ordered_at < as_of::date + 1;
