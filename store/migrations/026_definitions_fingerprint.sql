-- What store.db.define last created in this database: the SHA-256 of store/definitions/ and a
-- digest of the views and macros the catalog then held (catalog). Every connection used to
-- create again all views and macros, ~80 ms and a commit even for a command that only reads;
-- now only when the files differ from those the database holds, after a migration, or when
-- the catalog no longer matches (another version of Comptoir opened the file since and created
-- its own). One row at most.
create table definitions_fingerprint (
    sha256  varchar not null,
    catalog varchar not null
);
