-- The customer_summary rows of the people $customer_ids (everyone when NULL) from their
-- definition over every order (up to the last day a date can name), with their e-mail consent.
insert into customer_summary
with

customer_facts as (
    select *
    from customer_facts_until(date '9999-12-30')
),

people as (
    select customer_id, email_consent
    from customers
),

final as (
    select customer_facts.*, people.email_consent
    from customer_facts
    inner join people using (customer_id)
    where $customer_ids is null or list_contains($customer_ids, customer_id)
)

select * from final
