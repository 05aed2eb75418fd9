-- Keep one event's row of the loyalty comparison; a second session that computed the same
-- version at the same time changes nothing.
insert or ignore into aftersales_loyalty_kept (
    import_version, merges, customer_count, as_of, rank, event, customers, repeat_customers,
    repeat_rate_after, matched_customers, repeat_rate_after_matched, comparable_customers,
    repeat_rate_without, value_customers, value_12m_after, value_12m_without
)
values (
    $import_version, $merges, $customer_count, $as_of, $rank, $event, $customers,
    $repeat_customers, $repeat_rate_after, $matched_customers, $repeat_rate_after_matched,
    $comparable_customers, $repeat_rate_without, $value_customers, $value_12m_after,
    $value_12m_without
)
