using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeClaimedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "claimed_at",
                table: "booking_notices",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "claimed_at",
                table: "booking_notices");
        }
    }
}
