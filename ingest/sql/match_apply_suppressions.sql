-- A suppressed email never counts as consenting, whatever file brought the customer.
update customers
set email_consent = false
where email in (select email from suppressions)
  and email_consent is distinct from false
