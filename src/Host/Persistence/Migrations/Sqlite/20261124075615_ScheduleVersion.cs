using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduleVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "schedule_version",
                table: "tenant_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "schedule_version",
                table: "tenant_settings");
        }
    }
}
