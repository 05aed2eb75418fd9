-- The suppression list forgets the address: its hash in forgotten_keys now keeps the person out.
delete from suppressions where email in (select value from forget_keys where kind = 'email')
