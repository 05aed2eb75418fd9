-- Fits of other data versions: the data they describe is gone.
delete from clv_fits
where import_version <> $import_version
   or merges <> $merges
   or customers <> $customers
returning as_of
