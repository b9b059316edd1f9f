-- What `ai-lab github sync` needs (issue 14). Keep in step with ../postgresql.

-- The last state both sides agreed on, one column per synced field (labels as ',a,b,').
CREATE TABLE github_sync_base (
    work_item_id  INTEGER PRIMARY KEY REFERENCES work_item (id) ON DELETE CASCADE,
    repository    TEXT    NOT NULL,
    issue_number  INTEGER,
    title         TEXT    NOT NULL,
    body          TEXT,
    status        TEXT    NOT NULL,
    labels        TEXT    NOT NULL DEFAULT '',
    assignee      TEXT,
    due_date      TEXT,
    remote_updated_at TEXT,
    synced_at     TEXT    NOT NULL
);
CREATE UNIQUE INDEX github_sync_base_issue_idx ON github_sync_base (repository, issue_number);

-- Fields changed differently on both sides, until `ai-lab github resolve` settles them.
CREATE TABLE github_sync_conflict (
    work_item_id INTEGER NOT NULL REFERENCES work_item (id) ON DELETE CASCADE,
    field        TEXT    NOT NULL,
    local_value  TEXT,
    remote_value TEXT,
    found_at     TEXT    NOT NULL,
    PRIMARY KEY (work_item_id, field)
);

-- Per repository: how far the issue listing got (updated_at of the last page stored), the
-- ETag and body of the last conditional listing, and who holds the sync lock.
CREATE TABLE github_sync_state (
    repository   TEXT PRIMARY KEY,
    since        TEXT,
    pages_done   INTEGER NOT NULL DEFAULT 0,
    etag_url     TEXT,
    etag         TEXT,
    etag_body    TEXT,
    locked_by    TEXT,
    locked_at    TEXT
);

-- Webhook deliveries already handled, so a replayed delivery id is refused.
CREATE TABLE github_delivery (
    delivery_id TEXT PRIMARY KEY,
    event       TEXT NOT NULL,
    received_at TEXT NOT NULL
);
