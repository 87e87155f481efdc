"""PostgreSQL refuses to change or delete audit rows, whoever asks (not only this app).

The one update allowed is the actor's foreign key becoming NULL when her account is
deleted (on_delete=SET_NULL); her name stays in actor_name. SQLite relies on the model's
guard alone: its test flush deletes rows one by one, which a trigger would refuse.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION network_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
     AND (NEW.id, NEW.actor_name, NEW.action, NEW.target_type, NEW.target_id,
          NEW.target_label, NEW.details, NEW.created_at)
     IS NOT DISTINCT FROM
         (OLD.id, OLD.actor_name, OLD.action, OLD.target_type, OLD.target_id,
          OLD.target_label, OLD.details, OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER network_audit_append_only BEFORE UPDATE OR DELETE ON network_auditentry
  FOR EACH ROW EXECUTE FUNCTION network_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS network_audit_append_only ON network_auditentry;
DROP FUNCTION IF EXISTS network_audit_append_only();
"""


def _run(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
