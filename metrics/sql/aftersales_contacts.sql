-- Who to get back to, from their survey answers up to the end of day $as_of: $kind 'detractors'
-- (recent detractors to call back: a latest answer in the $days days up to $as_of that is an NPS
-- of 0-6 or a satisfaction of 1-2 out of 5) or 'promoters' (to ask for a review: a latest answer
-- in those days with an NPS of 9-10, and no review from them since). Most recent answer first,
-- with the contact details, the e-mail consent (the channel's own: customer_channels, NULL: never
-- said) and whether a ticket of theirs is still open. Of two answers at the same moment, the one
-- with the greater (source, answer id) is the latest: the same one at every run.
with

latest as (
    select customer_id, arg_max(answer, (answered_at, source, source_answer_id)) as answer
    from (
        select customer_id, answered_at, source, source_answer_id,
            struct_pack(answered_at, nps_score, csat_score, comment) as answer
        from survey_answers
        where customer_id is not null and answered_at < $as_of::date + 1
    )
    group by customer_id
),

recent as (
    select customer_id, answer.*
    from latest
    where answer.answered_at >= $as_of::date + 1 - $days::integer
),

chosen as (
    select *
    from recent as r
    where case $kind
        when 'detractors' then nps_class(nps_score) = 'detractor' or csat_score <= 2
        when 'promoters' then nps_class(nps_score) = 'promoter' and not exists (
            select 1 from reviews as v
            where v.customer_id = r.customer_id and v.reviewed_at >= r.answered_at
                and v.reviewed_at < $as_of::date + 1
        )
    end
),

open_tickets as (
    select distinct customer_id
    from tickets
    where customer_id is not null and ticket_open_on(opened_at, resolved_at, status, $as_of)
),

final as (
    select
        c.customer_id,
        customer_name(p.first_name, p.last_name, p.full_name) as name,
        p.email,
        p.phone,
        channels.email_consent,
        c.answered_at,
        c.nps_score,
        c.csat_score,
        c.comment,
        o.customer_id is not null as open_ticket
    from chosen as c
    inner join customers as p using (customer_id)
    inner join customer_channels as channels using (customer_id)
    left join open_tickets as o using (customer_id)
)

select * from final order by answered_at desc, customer_id
