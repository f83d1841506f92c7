-- A deleted user's row stays, because the instances it created name it (instances.owner_user_id)
-- and they outlive their creator; every read leaves such rows out. deleted_id is 0 while the user
-- exists and the user's own id once deleted, so that the unique address is per living user and a
-- new user may take the address again (H2 has no partial unique indexes, so the flag joins the key).
ALTER TABLE users ADD COLUMN deleted_id BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_address_unique;
ALTER TABLE users ADD CONSTRAINT users_email_address_unique UNIQUE (organization_id, email_address_key, deleted_id);
