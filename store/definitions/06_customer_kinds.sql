-- Repeat customer (client fidèle, the numerator of the repeat rate): at least 2 valid orders in the
-- window counted. New customer of a window: their first valid order ever falls in it; a
-- returning customer of a window bought in it and had bought before it. Glossary: repeat_rate,
-- new_customers, returning_customers.
create or replace macro is_repeat_customer(valid_orders) as valid_orders >= 2;

create or replace macro is_new_customer(first_ordered_at, window_start) as
    first_ordered_at >= window_start;
