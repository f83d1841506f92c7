-- Issue 12: the PKCE verifiers of logins under way, between GET /elements/{key}/oauth/url and the
-- POST /instances (or re-authorization) that brings the code back. Like V1 to V5, this runs
-- unchanged on PostgreSQL and on H2 in its PostgreSQL mode.
--
-- One row per element and state: the primary key makes a second login with the same state
-- replace the first. Taking one is a read and a DELETE of exactly the row read, so of several
-- nodes taking it at once only the one whose DELETE counted the row uses it. The verifier is
-- sealed like instance secrets, bound to its element and state.
CREATE TABLE pending_authorizations (
    element_key         VARCHAR(64) NOT NULL,
    -- As long as core lets a state be (InputLimits.OAUTH_STATE).
    state               VARCHAR(512) NOT NULL,
    verifier_key_id     VARCHAR(64) NOT NULL,
    verifier_ciphertext BYTEA NOT NULL,
    -- Epoch milliseconds, as every instant in this schema.
    created_at          BIGINT NOT NULL,
    expires_at          BIGINT NOT NULL,
    PRIMARY KEY (element_key, state)
);

-- Every save first drops the expired rows, so that they never count against the limit.
CREATE INDEX pending_authorizations_expiry ON pending_authorizations (expires_at);
