-- A customer's name as shown (nom du client): their first and last name, otherwise the full name
-- the file gave, blanks trimmed; NULL when no file named them. Every list, profile, export and
-- report that shows who a customer is reads this, so one person has one name on every page.
create or replace macro customer_name(first_name, last_name, full_name) as
    coalesce(
        nullif(trim(concat_ws(' ', first_name, last_name)), ''),
        nullif(trim(full_name), '')
    );
