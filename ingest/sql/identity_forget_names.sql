-- The person's names as word lists (two words at least, or one name would match half the file).
create or replace temp table forget_names as
with rows as (
    select first_name, last_name, full_name
    from customers
    where customer_id in (select customer_id from forget_chain)
    union all
    select first_name, last_name, full_name
    from merged_customers
    where merged_customer_id in (select customer_id from forget_chain)
),

final as (
    select distinct name_words(first_name, last_name, full_name) as words
    from rows
    where len(name_words(first_name, last_name, full_name)) >= 2
)

select * from final
