select
    (select count(*) from remove_orders) as orders,
    (select count(*) from remove_customers) as customers,
    (select count(*) from remove_kept) as customers_kept
