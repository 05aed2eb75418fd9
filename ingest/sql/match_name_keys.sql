-- The weak key of each person of the file (macro from match_name_key_macro.sql).
select person, name_key(first_name, last_name, full_name, postal_code) as name_key
from people_names
order by person
