-- The run store's first schema (PostgreSQL). Instants are ISO 8601 UTC text ('2026-12-01T07:40:00.123Z'): text order is time order.
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NULL,
    parent_id TEXT NULL,
    cached_from TEXT NULL,
    data_fingerprint TEXT NULL,
    git_commit TEXT NULL,
    git_dirty INTEGER NULL,
    host TEXT NULL,
    pid INTEGER NULL,
    ci_system TEXT NULL,
    ci_run_url TEXT NULL,
    tool_versions TEXT NULL,
    model_sha256 TEXT NULL,
    package_id TEXT NULL,
    package_version TEXT NULL
);
CREATE TABLE params (run_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key));
CREATE TABLE metrics (run_id TEXT NOT NULL, split TEXT NOT NULL, key TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, split, key));
CREATE TABLE tags (run_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key));
CREATE TABLE documents (run_id TEXT NOT NULL, name TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (run_id, name));
CREATE INDEX ix_runs_model_started ON runs (model, started_at);
CREATE INDEX ix_runs_parent ON runs (parent_id);
CREATE INDEX ix_runs_status ON runs (status);
CREATE INDEX ix_metrics_split_key_value ON metrics (split, key, value);
CREATE INDEX ix_params_key_value ON params (key, value);
