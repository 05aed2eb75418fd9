-- One row per customer with a repeat purchase occasion (a second day of valid orders) as of the
-- latest data: the net spend of their occasions after the first, which Gamma-Gamma averages per
-- repeat occasion (metrics/sql/clv_summary_current.sql). Kept beside customer_summary, refreshed
-- in the same transactions (store/summary.py), so that the forecasts "as of today" read one row
-- per person instead of every order; filled for an existing database right after this migration.
create table customer_repeat_spend (
    customer_id  integer primary key,
    repeat_spend decimal(18,2) not null
);
