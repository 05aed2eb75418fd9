-- Keep one fit; a second session that fitted the same version at the same time changes nothing.
insert or ignore into clv_fits (
    import_version, merges, customers, as_of, horizon_weeks, fitted_at, summary, backtest
)
values (
    $import_version, $merges, $customers, $as_of, $horizon_weeks, $fitted_at, $summary,
    $backtest
)
returning as_of
