-- One customer's survey answers, newest first: the 0-10 recommendation (NPS) or the 1-5 one,
-- the 1-5 satisfaction (CSAT) or the one out of 10, and the comment.
select answered_at, nps_score, recommend_5, csat_score, satisfaction_10, comment, source
from survey_answers
where customer_id = $customer_id
order by answered_at desc, answer_id desc
