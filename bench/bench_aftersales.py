"""``python -m metrics aftersales`` on a big shop, whole and part by part.

Run by hand: ``python bench/bench_aftersales.py DB [REVIEWS] [TICKETS]``. DB is a shop imported
from bench/generate_big.py's file (``python -m ingest bench/data/ventes_1000000.csv --db DB
--yes``); it is copied beside itself (``*_aftersales.duckdb``, the original is never opened) and
the copy gets REVIEWS reviews (default 100,000), TICKETS tickets (20,000) and as many NPS answers
as tickets, spread over the shop's customers and days by hashes of their row numbers (the same
rows every run; one review in five matches nobody), and a refund date a few days after each
refunded order. Then the command runs three times as its own process (imports
included; CPU and wall seconds): the first computes the loyalty comparison and keeps it (as the
refit after an import would have), the others read it. Then each query of metrics.aftersales once
in this process, the comparison computed and then read as kept.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from metrics import aftersales  # noqa: E402
from metrics.dates import latest_order_date  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
# The rows, from the row number i: a customer among those with an order (rank by hash), a day
# of the shop's span, and scores and durations from further hashes.
FILL = """
create temp table bench_buyers as
select customer_id, row_number() over (order by customer_id) as rank
from (select distinct customer_id from orders where customer_id is not null);

create temp table bench_span as
select min(ordered_at)::date as first_day, date_diff('day', min(ordered_at), max(ordered_at))
    as days
from orders;

insert into reviews (source, source_review_id, customer_id, reviewed_at, rating, import_id)
select 'bench', i::varchar,
    case when hash(i, 'matched') % 5 = 0 then null else b.customer_id end,
    s.first_day + (hash(i, 'day') % s.days)::integer + interval 10 hour,
    1 + hash(i, 'rating') % 5, 0
from range($reviews) as r(i)
cross join bench_span as s
inner join bench_buyers as b
    on b.rank = 1 + hash(i, 'who') % (select count(*) from bench_buyers);

insert into tickets (source, source_ticket_id, customer_id, opened_at, first_response_at,
    resolved_at, status, one_touch, import_id)
select 'bench', i::varchar, b.customer_id, opened,
    opened + to_hours((hash(i, 'reply') % 48)::integer),
    case when hash(i, 'solved') % 10 < 9 then opened + to_days((hash(i, 'took') % 12)::integer)
        end,
    case when hash(i, 'solved') % 10 < 9 then 'solved' else 'open' end,
    case when hash(i, 'says') % 2 = 0 then hash(i, 'once') % 3 = 0 end, 0
from (
    select i, s.first_day + (hash(i, 'day') % s.days)::integer + interval 9 hour as opened
    from range($tickets) as r(i)
    cross join bench_span as s
) as t
inner join bench_buyers as b
    on b.rank = 1 + hash(i, 'who') % (select count(*) from bench_buyers);

insert into survey_answers (source, source_answer_id, customer_id, answered_at, nps_score,
    import_id)
select 'bench', i::varchar, b.customer_id,
    s.first_day + (hash(i, 'day') % s.days)::integer + interval 12 hour,
    (hash(i, 'score') % 11)::smallint, 0
from range($tickets) as r(i)
cross join bench_span as s
inner join bench_buyers as b
    on b.rank = 1 + hash(i, 'who') % (select count(*) from bench_buyers);

update orders
set refunded_at = ordered_at + to_days((1 + hash(order_id, 'refund') % 20)::integer)
where refunded_amount > 0 or status = 'refunded';
"""
PARTS = {
    "summary (12 months)": lambda con, as_of: aftersales.summary(con, as_of),
    "loyalty comparison": lambda con, as_of: aftersales.loyalty(con, as_of),
    "loyalty comparison, kept": lambda con, as_of: aftersales.kept_loyalty(con, as_of),
    "refunds by month": lambda con, as_of: aftersales.refunds_by_month(con, as_of),
    "refunds by product": lambda con, as_of: aftersales.refunds_by_product(con, as_of),
    "retention by NPS class": lambda con, as_of: aftersales.nps_retention(con, as_of),
    "detractors to call": lambda con, as_of: aftersales.contacts(con, "detractors", as_of),
    "promoters to ask": lambda con, as_of: aftersales.contacts(con, "promoters", as_of),
    "week section": lambda con, as_of: aftersales.week_section(con, as_of),
}


def fill(path: Path, reviews: int, tickets: int) -> None:
    con = store.connect(path)
    try:
        for statement in FILL.split(";\n\n"):
            params = {name: value for name, value in (("reviews", reviews), ("tickets", tickets))
                      if f"${name}" in statement}
            con.execute(statement, params or None)
        counts = con.execute("select (select count(*) from reviews), (select count(*) from"
                             " tickets), (select count(*) from survey_answers), (select count(*)"
                             " from orders), (select count(*) from order_lines)").fetchone()
        con.execute("checkpoint")
    finally:
        con.close()
    print("reviews {:,}, tickets {:,}, answers {:,}, orders {:,}, order lines {:,}".format(
        *counts))


def main() -> None:
    source = Path(sys.argv[1])
    reviews = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
    copy = source.with_name(source.stem + "_aftersales.duckdb")
    shutil.copy(source, copy)
    fill(copy, reviews, tickets)
    command = [sys.executable, "-m", "metrics", "aftersales", "--db", str(copy), "--format",
               "json"]
    print(f"{'python -m metrics aftersales --format json':<44}{'CPU s':>8}{'wall s':>8}")
    runs = [(f"  run {run + 1}", command) for run in range(RUNS)]
    runs.append(("  starting Python and importing only", [sys.executable, "-c",
                                                          "import metrics.cli"]))
    for label, argv in runs:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"{label:<44}{cpu:>8.2f}{wall:>8.2f}")
    con = store.connect(copy)
    as_of = latest_order_date(con)
    print(f"{'part (in process, first call)':<44}{'CPU s':>8}{'wall s':>8}")
    for name, part in PARTS.items():
        cpu, wall = time.process_time(), time.perf_counter()
        part(con, as_of)
        print(f"{name:<44}{time.process_time() - cpu:>8.2f}{time.perf_counter() - wall:>8.2f}")
    con.close()


if __name__ == "__main__":
    main()
