-- The project hub, SQLite flavour. Timestamps are ISO-8601 UTC text with milliseconds
-- (fixed width, so they sort as text); due dates are yyyy-MM-dd; labels and tags are stored
-- as ',a,b,' so a label filter is one LIKE on one row. Keep in step with ../postgresql.
CREATE TABLE project (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL UNIQUE,
    path           TEXT,
    template       TEXT,
    profile        TEXT,
    repository_url TEXT,
    archived       INTEGER NOT NULL DEFAULT 0,
    archive_file   TEXT,
    folder_missing INTEGER NOT NULL DEFAULT 0,
    registered_at  TEXT    NOT NULL,
    synced_at      TEXT
);

CREATE TABLE work_item (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id   INTEGER REFERENCES project (id) ON DELETE SET NULL,
    title        TEXT    NOT NULL,
    body         TEXT,
    status       TEXT    NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'blocked', 'done')),
    priority     INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    labels       TEXT    NOT NULL DEFAULT '',
    assignee     TEXT,
    due_date     TEXT,
    parent_id    INTEGER REFERENCES work_item (id) ON DELETE SET NULL,
    external_ref TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX work_item_status_idx ON work_item (status);
CREATE INDEX work_item_project_idx ON work_item (project_id);
CREATE INDEX work_item_parent_idx ON work_item (parent_id);

CREATE TABLE idea (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    title                 TEXT NOT NULL,
    body                  TEXT,
    tags                  TEXT NOT NULL DEFAULT '',
    promoted_work_item_id INTEGER REFERENCES work_item (id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL
);

CREATE TABLE ai_session (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER REFERENCES project (id) ON DELETE SET NULL,
    agent      TEXT    NOT NULL,
    model      TEXT,
    started_at TEXT    NOT NULL,
    ended_at   TEXT,
    summary    TEXT,
    tokens_in  INTEGER,
    tokens_out INTEGER,
    cost       REAL
);
CREATE INDEX ai_session_project_idx ON ai_session (project_id);

CREATE TABLE ai_session_work_item (
    session_id   INTEGER NOT NULL REFERENCES ai_session (id) ON DELETE CASCADE,
    work_item_id INTEGER NOT NULL REFERENCES work_item (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, work_item_id)
);

CREATE TABLE ai_session_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES ai_session (id) ON DELETE CASCADE,
    logged_at  TEXT    NOT NULL,
    message    TEXT    NOT NULL
);
CREATE INDEX ai_session_log_session_idx ON ai_session_log (session_id);
