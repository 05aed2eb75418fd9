-- The import of a file with these bytes started at or after a moment, if any.
select min(import_id)
from imports
where sha256 = $sha256 and started_at >= $since
