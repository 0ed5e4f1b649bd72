-- The queue of extract partition requests a manager (ingest with etl.workers=remote) sends to its
-- workers (store/PartitionRequests): Spring Integration's JDBC channel message store table and the
-- sequence it numbers messages with, as the PostgreSQL schema script inside the spring-integration-jdbc
-- jar (7.1) defines them; only this table of that script is used.
-- Remote partitioning runs on PostgreSQL only, so H2 has no such migration.
CREATE SEQUENCE INT_MESSAGE_SEQ START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE INT_CHANNEL_MESSAGE (
    MESSAGE_ID CHAR(36) NOT NULL,
    GROUP_KEY CHAR(36) NOT NULL,
    CREATED_DATE BIGINT NOT NULL,
    MESSAGE_PRIORITY BIGINT,
    MESSAGE_SEQUENCE BIGINT NOT NULL DEFAULT nextval('INT_MESSAGE_SEQ'),
    MESSAGE_CONTENT BYTEA,
    REGION VARCHAR(100) NOT NULL,
    CONSTRAINT INT_CHANNEL_MESSAGE_PK PRIMARY KEY (REGION, GROUP_KEY, CREATED_DATE, MESSAGE_SEQUENCE)
);

CREATE INDEX INT_CHANNEL_MSG_DELETE_IDX ON INT_CHANNEL_MESSAGE (REGION, GROUP_KEY, MESSAGE_ID);
