insert into forget_log (
    forgotten_at, orders_detached, keys_removed, merged_removed, suppressions_removed,
    rejects_redacted
)
values ($now, $orders_detached, $keys_removed, $merged_removed, $suppressions_removed,
        $rejects_redacted)
