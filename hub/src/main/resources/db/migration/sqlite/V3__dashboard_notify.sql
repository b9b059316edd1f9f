-- Kept in step with ../postgresql/V3 (its NOTIFY triggers): SQLite needs nothing, the dashboard
-- watches the database file and PRAGMA data_version instead.
SELECT 1;
