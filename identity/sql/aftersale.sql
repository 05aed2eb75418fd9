-- name: forget_reviews
-- A forgotten person's reviews, survey answers and tickets go whole: their words and scores are
-- about them (the orders stay, as the shop's accounts).
delete from reviews where customer_id in (select customer_id from forget_chain)

-- name: forget_survey_answers
delete from survey_answers where customer_id in (select customer_id from forget_chain)

-- name: forget_tickets
delete from tickets where customer_id in (select customer_id from forget_chain)

-- name: merge_moves
-- The merged customer's reviews, survey answers and tickets, about to move to the kept customer.
insert into customer_merge_moves (merged_customer_id, kind, row_id)
select $merged, 'review', review_id from reviews where customer_id = $merged
union all
select $merged, 'survey_answer', answer_id from survey_answers where customer_id = $merged
union all
select $merged, 'ticket', ticket_id from tickets where customer_id = $merged

-- name: merge_reviews
update reviews set customer_id = $kept where customer_id = $merged

-- name: merge_survey_answers
update survey_answers set customer_id = $kept where customer_id = $merged

-- name: merge_tickets
update tickets set customer_id = $kept where customer_id = $merged

-- name: split_reviews
-- What the merge moved goes back (rows imported since the merge stay with the kept customer).
update reviews
set customer_id = $merged
where customer_id = $kept
  and review_id in (
      select row_id from customer_merge_moves
      where merged_customer_id = $merged and kind = 'review'
  )

-- name: split_survey_answers
update survey_answers
set customer_id = $merged
where customer_id = $kept
  and answer_id in (
      select row_id from customer_merge_moves
      where merged_customer_id = $merged and kind = 'survey_answer'
  )

-- name: split_tickets
update tickets
set customer_id = $merged
where customer_id = $kept
  and ticket_id in (
      select row_id from customer_merge_moves
      where merged_customer_id = $merged and kind = 'ticket'
  )
