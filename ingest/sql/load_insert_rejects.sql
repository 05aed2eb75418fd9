insert into rejects (import_id, row_number, reason, raw)
select $import_id, row_number, reason_fr, raw
from file_rejects
