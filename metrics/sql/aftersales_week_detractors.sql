-- Answers of the week $monday to $sunday that are an NPS of 0-6 or a satisfaction of 1-2 out of
-- 5, with who gave them.
select
    a.customer_id,
    customer_name(p.first_name, p.last_name, p.full_name) as name,
    p.email,
    p.phone,
    a.answered_at,
    a.nps_score,
    a.csat_score,
    a.comment
from survey_answers as a
left join customers as p using (customer_id)
where a.answered_at >= $monday::date and a.answered_at < $sunday::date + 1
    and (nps_class(a.nps_score) = 'detractor' or a.csat_score <= 2)
order by a.answered_at, a.customer_id
