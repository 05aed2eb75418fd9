-- The SHA-256 of store/definitions/ as last created in this database (store.db.define): every
-- connection used to create again all views and macros, ~80 ms and a commit even for a command
-- that only reads; now only when the files differ from the ones the database holds, or after a
-- migration. One row at most.
create table definitions_fingerprint (
    sha256 varchar not null
);
