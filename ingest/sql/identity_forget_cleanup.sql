drop table forget_chain;
drop table forget_keys;
drop table forget_names;
drop table forget_hashes;
