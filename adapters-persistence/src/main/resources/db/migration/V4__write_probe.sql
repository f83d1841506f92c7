-- One row the server rewrites to learn whether the database stores writes: at start-up (a read-only
-- database is refused), and after a write failed (a full disk), until one succeeds again.
CREATE TABLE write_probe (
    id INTEGER PRIMARY KEY,
    probed_at BIGINT NOT NULL
);
INSERT INTO write_probe (id, probed_at) VALUES (1, 0);
