-- V15: team mode — the server that runs the routes holds an exclusive lock on this (empty) table in an open
-- transaction; the other servers wait for that lock. The database releases it when the leader's session ends.

CREATE TABLE INTEGRATION_LEADER (
  NODE VARCHAR(200) COLLATE "C" NOT NULL PRIMARY KEY
);
