drop table remove_orders;
drop table remove_keys;
drop table remove_customers;
drop table remove_merged;
drop table remove_kept;
