-- The dashboard's live updates: every statement that changes a table the dashboard shows sends
-- one NOTIFY on ai_lab_changes (the payload names the table; PostgreSQL folds repeats within a
-- transaction). Version 3, not 2, so a migration another branch adds as V2 does not collide.
CREATE OR REPLACE FUNCTION ai_lab_notify_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('ai_lab_changes', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER work_item_notify AFTER INSERT OR UPDATE OR DELETE ON work_item
    FOR EACH STATEMENT EXECUTE FUNCTION ai_lab_notify_change();
CREATE TRIGGER project_notify AFTER INSERT OR UPDATE OR DELETE ON project
    FOR EACH STATEMENT EXECUTE FUNCTION ai_lab_notify_change();
CREATE TRIGGER idea_notify AFTER INSERT OR UPDATE OR DELETE ON idea
    FOR EACH STATEMENT EXECUTE FUNCTION ai_lab_notify_change();
CREATE TRIGGER ai_session_notify AFTER INSERT OR UPDATE OR DELETE ON ai_session
    FOR EACH STATEMENT EXECUTE FUNCTION ai_lab_notify_change();
CREATE TRIGGER ai_session_work_item_notify AFTER INSERT OR UPDATE OR DELETE ON ai_session_work_item
    FOR EACH STATEMENT EXECUTE FUNCTION ai_lab_notify_change();
