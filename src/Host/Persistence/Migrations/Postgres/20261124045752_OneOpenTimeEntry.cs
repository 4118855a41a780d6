using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOpenTimeEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_time_entries_one_open",
                table: "time_entries",
                columns: new[] { "tenant_id", "technician_id" },
                unique: true,
                filter: "ended_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_time_entries_one_open",
                table: "time_entries");
        }
    }
}
