select row_number, reason, raw
from rejects
where import_id = $import_id
order by row_number
