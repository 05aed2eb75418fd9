-- One customer's reviews (stars out of 5), newest first.
select reviewed_at, rating::double as rating, title, body, product, order_ref, source
from reviews
where customer_id = $customer_id
order by reviewed_at desc, review_id desc
