-- Issue 3: renewal leases, due renewals, idempotency records and the first-organization marker.
-- Like V1, this runs unchanged on PostgreSQL and on H2 in its PostgreSQL mode.

-- The renewal lease lives on the instance row it guards: taking it is one conditional UPDATE of
-- that row, so the database's row lock decides between nodes. The lease columns are written by
-- nobody else: an instance update leaves them alone, and taking a lease leaves the instance's
-- version alone.
ALTER TABLE instances ADD COLUMN renewal_holder VARCHAR;
ALTER TABLE instances ADD COLUMN renewal_lease_until BIGINT;

-- The renewal sweep asks for the earliest due instances, ties broken by id; NULL (no renewal
-- planned) never matches "next_renewal_at <= now".
DROP INDEX instances_next_renewal;
CREATE INDEX instances_due_for_renewal ON instances (next_renewal_at, id);

-- Idempotency-Key of POST /instances, per organization. The primary key is what lets exactly one
-- request claim a key, also across nodes. The answer is sealed like instance secrets (it carries
-- the element token, shown once) and is null while the first request is still running.
CREATE TABLE idempotency_records (
    organization_id   BIGINT NOT NULL REFERENCES organizations (id),
    -- 255 characters, as other APIs with this header allow; the unbounded form would fail on
    -- PostgreSQL's index only for keys of some kilobytes, and differently on H2.
    idempotency_key   VARCHAR(255) NOT NULL,
    fingerprint       VARCHAR NOT NULL,
    created_at        BIGINT NOT NULL,
    answer_key_id     VARCHAR(64),
    answer_ciphertext BYTEA,
    PRIMARY KEY (organization_id, idempotency_key),
    CONSTRAINT idempotency_records_answer_whole CHECK ((answer_key_id IS NULL) = (answer_ciphertext IS NULL))
);

-- A key rotation re-encrypts the answers under old keys.
CREATE INDEX idempotency_records_answer_key ON idempotency_records (answer_key_id);

-- At most one row, ever: the first organization. Creating the first organization inserts this row
-- in the same transaction, so when several nodes start on an empty database the primary key lets
-- exactly one of them commit; the others roll back and create nothing.
CREATE TABLE bootstrap (
    id                    INTEGER PRIMARY KEY,
    first_organization_id BIGINT NOT NULL REFERENCES organizations (id),
    created_at            BIGINT NOT NULL,
    CONSTRAINT bootstrap_single_row CHECK (id = 1)
);

-- A database that already has organizations was bootstrapped before this table existed.
INSERT INTO bootstrap (id, first_organization_id, created_at)
SELECT 1, id, created_at FROM organizations ORDER BY id LIMIT 1;
