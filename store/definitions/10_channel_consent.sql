-- Consent per customer and channel (glossary: consent_channel). Every statement about one of the
-- customer's addresses counts: consent_channels rows (suppression files, SMS and call flags), and
-- for e-mails the older records, customers.email_consent and the suppression list, as undated.
-- Rule: a refusal wins unless a yes is dated strictly later than every refusal. An undated
-- refusal always wins; an undated yes loses to any refusal. So the outcome is the same whatever
-- the order the files were imported in. consent is NULL when nothing was ever said.
create or replace view channel_statements as
with

addresses as (
    select customer_id, kind, value
    from customer_keys
    where kind in ('email', 'phone')
),

stated as (
    select a.customer_id, s.channel, s.consent, s.stated_at, s.source, s.import_id
    from consent_channels as s
    inner join addresses as a
        on a.value = s.address
        and a.kind = case when s.channel = 'email' then 'email' else 'phone' end
),

flags as (
    select customer_id, 'email' as channel, email_consent as consent, null::timestamp as stated_at,
        consent_source as source, null::integer as import_id
    from customers
    where email_consent is not null
),

suppressed as (
    select c.customer_id, 'email' as channel, false as consent, null::timestamp as stated_at,
        x.source, null::integer as import_id
    from customers as c
    inner join suppressions as x on x.email = c.email
),

final as (
    select * from stated
    union all
    select * from flags
    union all
    select * from suppressed
)

select * from final;

create or replace view channel_consent as
with

ranked as (
    select
        customer_id,
        channel,
        max(coalesce(stated_at, 'infinity'::timestamp)) filter (where not consent) as last_no,
        max(coalesce(stated_at, '-infinity'::timestamp)) filter (where consent) as last_yes,
        arg_max(source, coalesce(stated_at, 'infinity'::timestamp)) filter (where not consent)
            as no_source,
        arg_max(source, coalesce(stated_at, '-infinity'::timestamp)) filter (where consent)
            as yes_source
    from channel_statements
    group by customer_id, channel
),

final as (
    select
        customer_id,
        channel,
        last_no is null or (last_yes is not null and last_yes > last_no) as consent,
        case when last_no is null or (last_yes is not null and last_yes > last_no)
            then last_yes else last_no end as stated_at,
        case when last_no is null or (last_yes is not null and last_yes > last_no)
            then yes_source else no_source end as source
    from ranked
)

select
    customer_id,
    channel,
    consent,
    case when isfinite(stated_at) then stated_at end as stated_at,
    source
from final;

-- One row per customer: their consent on each channel (NULL: never said).
create or replace view customer_channels as
select
    c.customer_id,
    e.consent as email_consent,
    e.stated_at as email_stated_at,
    e.source as email_source,
    s.consent as sms_consent,
    s.stated_at as sms_stated_at,
    s.source as sms_source,
    p.consent as call_consent,
    p.stated_at as call_stated_at,
    p.source as call_source
from customers as c
left join channel_consent as e on e.customer_id = c.customer_id and e.channel = 'email'
left join channel_consent as s on s.customer_id = c.customer_id and s.channel = 'sms'
left join channel_consent as p on p.customer_id = c.customer_id and p.channel = 'phone';

-- Reachable on a channel (joignable): the address to use and no refusal standing in the way.
-- Marketing e-mails and SMS need a yes (consent TRUE); a call needs only no refusal (a shop may
-- call its customers until they say no). channel: 'email', 'sms' or 'phone'.
create or replace macro reachable_on(channel, email, phone, email_consent, sms_consent,
        call_consent) as
    case channel
        when 'sms' then phone is not null and coalesce(sms_consent, false)
        when 'phone' then phone is not null and call_consent is distinct from false
        else email is not null and coalesce(email_consent, false)
    end;
