select key_sha256 from forget_hashes order by key_sha256
