-- Issue 11: hosted connect sessions, between POST /connect/sessions and the provider's redirect to
-- /connect/callback, and until the application has read the outcome. Like V1 to V8, this runs
-- unchanged on PostgreSQL and on H2 in its PostgreSQL mode.
--
-- The id is the page's address and the state the login's: both random, both unique. Every change
-- is an UPDATE conditional on what it changes from (the state unused, the status PENDING, the
-- token still the one read), so of several nodes exactly one wins. The configuration and the new
-- instance's element token are sealed like instance secrets, bound to the session. There are no
-- foreign keys: a session outlives nothing it names, and the instance may be deleted before the
-- application reads the session.
CREATE TABLE connect_sessions (
    id                     VARCHAR(64) NOT NULL PRIMARY KEY,
    organization_id        BIGINT NOT NULL,
    owner_user_id          BIGINT NOT NULL,
    element_key            VARCHAR(64) NOT NULL,
    name                   VARCHAR(1000),
    -- Each tag as <length>:<tag>, in order, so that no character of a tag needs escaping; 200 tags of
    -- 400 characters fit.
    tags                   VARCHAR(100000) NOT NULL,
    redirect_url           VARCHAR(2000) NOT NULL,
    configuration_key_id   VARCHAR(64) NOT NULL,
    configuration          BYTEA NOT NULL,
    state                  VARCHAR(64) NOT NULL,
    state_used             BOOLEAN NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    instance_id            BIGINT,
    element_token_key_id   VARCHAR(64),
    element_token          BYTEA,
    failure                VARCHAR(32),
    -- Epoch milliseconds, as every instant in this schema.
    created_at             BIGINT NOT NULL,
    expires_at             BIGINT NOT NULL,
    CONSTRAINT connect_sessions_state_unique UNIQUE (state)
);

-- Every insert first drops the sessions that expired long ago.
CREATE INDEX connect_sessions_expiry ON connect_sessions (expires_at);
