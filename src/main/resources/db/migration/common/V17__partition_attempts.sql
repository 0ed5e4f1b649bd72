-- Remote partitioning's leases (store/PartitionRequests): the worker processes with their heartbeats, and
-- every request a manager sent for a partition (an attempt), who took it, its lease and how it ended, so that
-- a partition whose worker died is sent again and the run report and `runs` show what was re-sent.
-- Times are the database server's (LOCALTIMESTAMP), so workers on other machines share one clock.
-- Portable SQL: remote partitioning runs on PostgreSQL only, but H2 keeps the same schema version.
CREATE TABLE partition_worker (
    worker_id VARCHAR(200) NOT NULL PRIMARY KEY,
    started TIMESTAMP NOT NULL,
    heartbeat TIMESTAMP NOT NULL,
    stopped TIMESTAMP
);

CREATE TABLE partition_attempt (
    step_execution_id BIGINT NOT NULL,
    attempt INT NOT NULL,
    job_execution_id BIGINT NOT NULL,
    step_name VARCHAR(100) NOT NULL,
    message_id CHAR(36) NOT NULL,
    sent TIMESTAMP NOT NULL,
    worker_id VARCHAR(200),
    claimed TIMESTAMP,
    heartbeat TIMESTAMP,
    ended TIMESTAMP,
    outcome VARCHAR(20),
    reason VARCHAR(1000),
    CONSTRAINT partition_attempt_pk PRIMARY KEY (step_execution_id, attempt)
);

CREATE INDEX partition_attempt_message ON partition_attempt (message_id);
CREATE INDEX partition_attempt_run ON partition_attempt (job_execution_id);
