-- Every update of a user is conditional on the version it was made from, as instances' are, so
-- that two racing writers (a secret renewal and a deactivation, two admins demoting each other)
-- cannot silently undo each other. Organizations are never updated, so they need none.
ALTER TABLE users ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
