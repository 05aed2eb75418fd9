-- Kept comparisons of other data versions or days: the data they describe is gone.
delete from aftersales_loyalty_kept
where import_version <> $import_version
   or merges <> $merges
   or customer_count <> $customer_count
   or as_of <> $as_of
