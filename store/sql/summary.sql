-- name: delete
-- The customer_summary rows of the people $customer_ids (every row when NULL), before they are
-- computed again.
delete from customer_summary
where $customer_ids is null or list_contains($customer_ids, customer_id)

-- name: insert
-- The customer_summary rows of the people $customer_ids (everyone when NULL) from their
-- definition over every order (up to the last day a date can name), with their e-mail consent.
insert into customer_summary
with

customer_facts as (
    select *
    from customer_facts_until(date '9999-12-30', customer_ids := $customer_ids)
),

people as (
    select customer_id, email_consent
    from customers
),

final as (
    select customer_facts.*, people.email_consent
    from customer_facts
    inner join people using (customer_id)
)

select * from final

-- name: repeat_spend_delete
-- The customer_repeat_spend rows of the people $customer_ids (every row when NULL), before they
-- are computed again.
delete from customer_repeat_spend
where $customer_ids is null or list_contains($customer_ids, customer_id)

-- name: repeat_spend_insert
-- The customer_repeat_spend rows of the people $customer_ids (everyone when NULL) from their
-- definition over every order (up to the last day a date can name): no row for a customer with
-- a single purchase occasion.
insert into customer_repeat_spend
select customer_id, repeat_spend
from customer_occasions_until(date '9999-12-30', customer_ids := $customer_ids)
where occasions > 1

-- name: product_days_delete
-- The customer_product_days rows of the people $customer_ids (every row when NULL), before they
-- are computed again.
delete from customer_product_days
where $customer_ids is null or list_contains($customer_ids, customer_id)

-- name: product_days_insert
-- The customer_product_days rows of the people $customer_ids (everyone when NULL) from their
-- definition over every order (product_purchases_from_orders).
insert into customer_product_days
select *
from product_purchases_from_orders(customer_ids := $customer_ids)

-- name: baskets_delete
-- Every product_basket_days row, before they are computed again.
delete from product_basket_days

-- name: baskets_insert
-- The product_basket_days rows from their definition over every valid order.
insert into product_basket_days
select *
from product_baskets_from_orders()
