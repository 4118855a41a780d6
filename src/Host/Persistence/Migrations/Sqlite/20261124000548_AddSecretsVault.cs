using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSecretsVault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "key_checks",
                columns: table => new
                {
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    @sealed = table.Column<byte[]>(name: "sealed", type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_checks", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "tenant_secrets",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ciphertext = table.Column<byte[]>(type: "BLOB", nullable: false),
                    wrapped_data_key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    key_version = table.Column<int>(type: "INTEGER", nullable: false),
                    last4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_secrets", x => new { x.tenant_id, x.provider, x.field });
                    table.ForeignKey(
                        name: "fk_tenant_secrets_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tenant_secrets_key_version",
                table: "tenant_secrets",
                column: "key_version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "key_checks");

            migrationBuilder.DropTable(
                name: "tenant_secrets");
        }
    }
}
