-- The segment builder (metrics.segment.SegmentFilter): everyone in the customer file with their
-- figures as of the end of day $as_of, kept when they pass every filter that is set; a filter
-- bound to NULL does not filter. The caller registers rfm_segments(customer_id, segment, r_score,
-- f_score, m_score), the table of metrics.rfm.rfm, so the builder and the RFM grid always agree;
-- people without a valid order by $as_of are in the segment 'none'. orders counts valid orders;
-- net_spend is net of the person's credit notes (customer_facts_as_of). It also registers
-- predictions(customer_id, p_alive, predicted_value, days_overdue) (metrics.clv.customer_rows;
-- empty when no prediction is asked), for the win-back filters, and due_ids(customer_id): the
-- people due now for the replenishment of $due_for (metrics.replenishment.due; empty otherwise).
-- Consent is each channel's own (customer_channels, store/definitions/10_channel_consent.sql):
-- email_marketing (an e-mail and a yes), sms_marketing (a phone and a yes to SMS), callable (a
-- phone and no refusal of calls), each reachable_on its channel; reachable is the one of $channel,
-- what consent_only keeps.
-- recently_contacted: in the contact log at or after $contacted_since (NULL: nobody is).
with

people as (
    select
        customers.customer_id, first_name, last_name, full_name, email, phone, postal_code, city,
        country, channels.email_consent, channels.email_source as consent_source,
        channels.email_stated_at as consent_at, channels.sms_consent, channels.call_consent
    from customers
    left join customer_channels as channels on channels.customer_id = customers.customer_id
),

contacted as (
    select customer_id, max(contacted_at) as last_contacted_at
    from contact_log
    group by customer_id
),

suppressed as (
    select email
    from suppressions
),

customer_facts as (
    select customer_id, valid_orders, net_spend, first_ordered_at, last_ordered_at
    from customer_facts_as_of($as_of, $summary_current)
),

product_orders as (
    select order_id, customer_id
    from customer_orders_until($as_of)
    where $products is not null
),

product_buyers as (
    select distinct product_orders.customer_id
    from product_orders
    inner join order_lines on order_lines.order_id = product_orders.order_id
    where list_contains($products, order_lines.product)
),

channel_buyers as (
    select distinct customer_id
    from customer_orders_until($as_of)
    where $sales_channels is not null and list_contains($sales_channels, channel)
),

code_buyers as (
    select distinct customer_orders.customer_id
    from customer_orders_until($as_of) as customer_orders
    inner join orders on orders.order_id = customer_orders.order_id
    where $discount_codes is not null
        and len(list_intersect(
            list_transform(string_split(orders.discount_code, ','), lambda code: upper(trim(code))),
            $discount_codes
        )) > 0
),

seasonal_waiting as (
    select customer_id
    from seasonal_customers($as_of, summary_current := $summary_current)
    where $leave_out_seasonal and waiting
),

joined as (
    select
        people.customer_id,
        customer_name(people.first_name, people.last_name, people.full_name) as name,
        people.first_name,
        people.last_name,
        people.email,
        people.phone,
        people.postal_code,
        people.city,
        people.country,
        people.email_consent,
        people.consent_source,
        people.consent_at,
        people.sms_consent,
        people.call_consent,
        suppressed.email is not null as suppressed,
        reachable_on('email', people.email, people.phone, people.email_consent,
            people.sms_consent, people.call_consent) as email_marketing,
        reachable_on('sms', people.email, people.phone, people.email_consent,
            people.sms_consent, people.call_consent) as sms_marketing,
        reachable_on('phone', people.email, people.phone, people.email_consent,
            people.sms_consent, people.call_consent) as callable,
        reachable_on($channel, people.email, people.phone, people.email_consent,
            people.sms_consent, people.call_consent) as reachable,
        contacted.last_contacted_at,
        coalesce(contacted.last_contacted_at >= $contacted_since, false) as recently_contacted,
        coalesce(customer_facts.valid_orders, 0) as orders,
        coalesce(customer_facts.net_spend, 0)::double as net_spend,
        customer_facts.first_ordered_at as first_order_at,
        customer_facts.last_ordered_at as last_order_at,
        coalesce(rfm_segments.segment, 'none') as segment,
        rfm_segments.r_score,
        rfm_segments.f_score,
        rfm_segments.m_score,
        predictions.p_alive::double as p_alive,
        predictions.predicted_value::double as predicted_value,
        predictions.days_overdue::double as days_overdue
    from people
    left join suppressed on suppressed.email = people.email
    left join contacted on contacted.customer_id = people.customer_id
    left join customer_facts on customer_facts.customer_id = people.customer_id
    left join rfm_segments on rfm_segments.customer_id = people.customer_id
    left join predictions on predictions.customer_id = people.customer_id
),

final as (
    select *
    from joined
    where ($segments is null or list_contains($segments, segment))
        and ($last_order_from is null or last_order_at >= $last_order_from::date)
        and ($last_order_to is null or last_order_at < $last_order_to::date + 1)
        and ($spend_min is null or net_spend >= $spend_min)
        and ($spend_max is null or net_spend <= $spend_max)
        and ($orders_min is null or orders >= $orders_min)
        and ($orders_max is null or orders <= $orders_max)
        and ($products is null or customer_id in (select customer_id from product_buyers))
        and (
            $places is null
            or len(list_filter(
                $places,
                lambda place: starts_with(postal_code, place)
                    or strip_accents(lower(city)) = strip_accents(lower(place))
            )) > 0
        )
        and (not $consent_only or reachable)
        and ($min_p_alive is null or p_alive >= $min_p_alive)
        and ($min_predicted_value is null or predicted_value >= $min_predicted_value)
        and ($min_days_overdue is null or days_overdue >= $min_days_overdue)
        and (not $at_risk_only or customer_id in (select customer_id from at_risk_ids))
        and (
            $sales_channels is null
            or customer_id in (select customer_id from channel_buyers)
        )
        and ($due_for is null or customer_id in (select customer_id from due_ids))
        and (
            $discount_codes is null
            or customer_id in (select customer_id from code_buyers)
        )
        and (
            not $leave_out_seasonal
            or customer_id not in (select customer_id from seasonal_waiting)
        )
)

select * from final
order by net_spend desc, customer_id
