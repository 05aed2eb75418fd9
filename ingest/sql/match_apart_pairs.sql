-- Pairs of customers the owner said are two people (apart_pairs of match_name_key_macro.sql).
select x, y
from apart_pairs()
