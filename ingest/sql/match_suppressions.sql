-- Whoever says no to email marketing goes on the suppression list, which no later file undoes.
insert into suppressions (email, since, source)
select email, $now, $file_name
from matched_people
where opt_in = false and email is not null
group by email
on conflict do nothing
