using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScheduleVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_tenant_id_starts_at",
                table: "bookings");

            migrationBuilder.AddColumn<long>(
                name: "schedule_version",
                table: "tenant_settings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_tenant_id_starts_at",
                table: "bookings",
                columns: new[] { "tenant_id", "starts_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "ends_at", "technician_id", "status", "id" });

            // What availability keeps in memory per tenant is valid while schedule_version stands still: every change to
            // the tenant's services, technicians, skills or shifts raises it in the same transaction, and so does any
            // change to the settings row itself. The triggers run as the writer, under the writer's row-level security,
            // which only ever lets a tenant's own rows change.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION raise_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE changed uuid;
                BEGIN
                    IF TG_OP = 'DELETE' THEN changed := OLD.tenant_id; ELSE changed := NEW.tenant_id; END IF;
                    UPDATE tenant_settings SET schedule_version = schedule_version + 1 WHERE tenant_id = changed;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER raise_schedule_version AFTER INSERT OR UPDATE OR DELETE ON services
                    FOR EACH ROW EXECUTE FUNCTION raise_schedule_version();
                CREATE TRIGGER raise_schedule_version AFTER INSERT OR UPDATE OR DELETE ON technicians
                    FOR EACH ROW EXECUTE FUNCTION raise_schedule_version();
                CREATE TRIGGER raise_schedule_version AFTER INSERT OR UPDATE OR DELETE ON technician_skills
                    FOR EACH ROW EXECUTE FUNCTION raise_schedule_version();
                CREATE TRIGGER raise_schedule_version AFTER INSERT OR UPDATE OR DELETE ON technician_shifts
                    FOR EACH ROW EXECUTE FUNCTION raise_schedule_version();

                CREATE FUNCTION raise_own_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.schedule_version = OLD.schedule_version THEN
                        NEW.schedule_version := OLD.schedule_version + 1;
                    END IF;
                    RETURN NEW;
                END $$;

                CREATE TRIGGER raise_own_schedule_version BEFORE UPDATE ON tenant_settings
                    FOR EACH ROW EXECUTE FUNCTION raise_own_schedule_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER raise_own_schedule_version ON tenant_settings;
                DROP FUNCTION raise_own_schedule_version();
                DROP TRIGGER raise_schedule_version ON technician_shifts;
                DROP TRIGGER raise_schedule_version ON technician_skills;
                DROP TRIGGER raise_schedule_version ON technicians;
                DROP TRIGGER raise_schedule_version ON services;
                DROP FUNCTION raise_schedule_version();
                """);

            migrationBuilder.DropIndex(
                name: "ix_bookings_tenant_id_starts_at",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "schedule_version",
                table: "tenant_settings");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_tenant_id_starts_at",
                table: "bookings",
                columns: new[] { "tenant_id", "starts_at" });
        }
    }
}
