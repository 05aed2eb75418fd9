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
