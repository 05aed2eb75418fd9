-- The file and catalog name of the connection's database (path is NULL in memory).
select path, database_name from duckdb_databases() where database_name = current_database()
