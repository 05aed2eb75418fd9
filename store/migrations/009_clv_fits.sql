-- Customer-value fits kept per data version, as-of date and horizon asked
-- (metrics.clv.kept_customer_value): the three purchase models, their backtest and Gamma-Gamma
-- run once per version, not at every page view or app start. One row holds the summary of
-- metrics.clv.customer_value (status, chosen model, its parameters, Gamma-Gamma's, the
-- forecast's ranges, the backtest's figures and words) and the backtest's weekly series, as
-- JSON text; each customer's predictions are recomputed from the parameters. Rows of older data
-- versions are dropped when a new one is kept. Numbered 009: 008 is left to the importer's
-- branch, which may add it at the same time.
create table clv_fits (
    import_version integer not null,  -- store.data_version: latest import id,
    merges         integer not null,  -- customer merges,
    customers      integer not null,  -- customers
    as_of          date not null,
    horizon_weeks  integer not null,  -- asked; the summary says the horizon used
    fitted_at      timestamp not null,
    summary        varchar not null,
    backtest       varchar,
    primary key (import_version, merges, customers, as_of, horizon_weeks)
);
