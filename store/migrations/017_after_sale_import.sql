-- After-sale imports (issue 16, the import half).
-- A "would you recommend" question asked on 1-5 is no NPS (nps_score is 0-10 only) and a
-- satisfaction question asked on 10 is no CSAT (csat_score is 1-5 only): each is kept as
-- answered, on its own scale, rather than stretched to another.
alter table survey_answers add column recommend_5 smallint;
alter table survey_answers add column satisfaction_10 smallint;

-- A merge moves the merged customer's reviews, survey answers and tickets too ('review',
-- 'survey_answer', 'ticket' rows of customer_merge_moves, with the row's id), so a split puts
-- them back.
alter table customer_merge_moves add column row_id bigint;
