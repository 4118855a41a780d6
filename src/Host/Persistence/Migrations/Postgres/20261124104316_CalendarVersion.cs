using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "calendar_version",
                table: "tenant_settings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The calendar windows availability keeps in memory are valid while calendar_version stands still: every
            // change to the tenant's bookings or time off that can move what is taken raises it. A deferred constraint
            // trigger does it at commit, so a booking holds the tenant's settings row only for its commit (bookings for
            // different technicians of one tenant still go through side by side, and a transaction that writes several
            // bookings cannot deadlock on that row while it waits for another's booking). raise_own_schedule_version
            // now leaves schedule_version alone for that update: a booking changes nothing kept with the schedule.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION raise_calendar_version() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE changed uuid;
                BEGIN
                    IF TG_OP = 'DELETE' THEN changed := OLD.tenant_id; ELSE changed := NEW.tenant_id; END IF;
                    UPDATE tenant_settings SET calendar_version = calendar_version + 1 WHERE tenant_id = changed;
                    RETURN NULL;
                END $$;

                CREATE CONSTRAINT TRIGGER raise_calendar_version
                    AFTER INSERT OR DELETE OR UPDATE OF tenant_id, technician_id, starts_at, ends_at, status ON bookings
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_calendar_version();
                CREATE CONSTRAINT TRIGGER raise_calendar_version
                    AFTER INSERT OR DELETE OR UPDATE OF tenant_id, technician_id, starts_at, ends_at, status ON time_off_requests
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_calendar_version();

                CREATE OR REPLACE FUNCTION raise_own_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.schedule_version = OLD.schedule_version AND NEW.calendar_version = OLD.calendar_version THEN
                        NEW.schedule_version := OLD.schedule_version + 1;
                    END IF;
                    RETURN NEW;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION raise_own_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.schedule_version = OLD.schedule_version THEN
                        NEW.schedule_version := OLD.schedule_version + 1;
                    END IF;
                    RETURN NEW;
                END $$;

                DROP TRIGGER raise_calendar_version ON time_off_requests;
                DROP TRIGGER raise_calendar_version ON bookings;
                DROP FUNCTION raise_calendar_version();
                """);

            migrationBuilder.DropColumn(
                name: "calendar_version",
                table: "tenant_settings");
        }
    }
}
