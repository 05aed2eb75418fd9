-- Orders placed by the end of day $as_of, whatever their status, that carry a discount amount but
-- no discount code (the file gave none: no code column, or a discount such as soldes that has no
-- code), and those that carry a code: what the page says the discount cohorts can and cannot see.
select
    count(*) filter (where discount > 0 and discount_code is null) as without_code,
    count(*) filter (where discount_code is not null) as with_code
from orders
where ordered_at < $as_of::date + 1
