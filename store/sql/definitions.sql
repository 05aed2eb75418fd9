-- name: fingerprint
-- What define last created here (no row before its first run since migration 026).
select sha256, catalog from definitions_fingerprint

-- name: catalog
-- A digest of every view's and macro's text as the catalog holds them: any version of Comptoir
-- that creates its own definitions changes it.
select md5(string_agg(definition, chr(0) order by definition)) as catalog
from (
    select sql as definition
    from duckdb_views()
    where database_name = current_database() and not internal
    union all
    select function_name || chr(0) || coalesce(macro_definition, '')
    from duckdb_functions()
    where database_name = current_database()
        and function_type in ('macro', 'table_macro')
        and not internal
)

-- name: forget
delete from definitions_fingerprint

-- name: keep
insert into definitions_fingerprint (sha256, catalog) values ($sha256, $catalog)
