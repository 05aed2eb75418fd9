-- People of a file known only by a name + postcode that a merge gave to a customer.
with strong as (
    select distinct person from decision_keys where kind in ('platform_id', 'email', 'phone')
),

final as (
    select k.person, ck.customer_id
    from decision_keys as k
    inner join customer_keys as ck on ck.kind = k.kind and ck.value = k.value
    where k.kind = 'name_postcode'
      and k.person not in (select person from strong)
)

select * from final
