-- Issue 4: the latest usage reading of each provider budget (such as one Facebook application's
-- rate limit), shared by every node so that all instances of an application slow down together
-- before the provider locks the application out. Like V1 and V2, this runs unchanged on
-- PostgreSQL and on H2 in its PostgreSQL mode.
--
-- One row per budget, replaced only by a reading observed later: the primary key lets exactly one
-- node insert a budget's first row, and the guarded update (observed_at <= the new reading's)
-- keeps a late writer with an older reading from undoing a newer one.
CREATE TABLE provider_usage (
    bucket        VARCHAR(255) PRIMARY KEY,
    usage_percent INT NOT NULL,
    -- Epoch milliseconds, as every instant in this schema.
    observed_at   BIGINT NOT NULL,
    -- Until when the provider refuses every call of the budget; null when it does not.
    blocked_until BIGINT NULL
);
