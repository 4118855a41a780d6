using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ServicePro.Host.Persistence;

#nullable disable

namespace ServicePro.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OnboardingAndIntegrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "findings",
                table: "tenant_integrations",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "last_summary",
                table: "tenant_integrations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "a2p_registrations",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    campaign = table.Column<string>(type: "jsonb", nullable: false),
                    provider_ids = table.Column<string>(type: "jsonb", nullable: false),
                    step_statuses = table.Column<string>(type: "jsonb", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_a2p_registrations", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_a2p_registrations_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_templates",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    moment = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_templates", x => new { x.tenant_id, x.channel, x.moment });
                    table.ForeignKey(
                        name: "fk_message_templates_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "onboarding_progress",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_progress", x => new { x.tenant_id, x.step });
                    table.ForeignKey(
                        name: "fk_onboarding_progress_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Completed steps from the tenants' old JSON map become rows, before row-level security is on.
            migrationBuilder.Sql("""
                INSERT INTO onboarding_progress (tenant_id, step, status, updated_by, updated_at)
                SELECT t.id, p.key, 'completed', 'migration', now()
                FROM tenants t, jsonb_each_text(t.onboarding_progress) p
                WHERE p.value = 'true';
                """);
            RowLevelSecurity.Enable(migrationBuilder, "onboarding_progress");
            RowLevelSecurity.Enable(migrationBuilder, "a2p_registrations");
            RowLevelSecurity.Enable(migrationBuilder, "message_templates");

            migrationBuilder.DropColumn(
                name: "onboarding_progress",
                table: "tenants");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurity.Disable(migrationBuilder, "message_templates");
            RowLevelSecurity.Disable(migrationBuilder, "a2p_registrations");
            RowLevelSecurity.Disable(migrationBuilder, "onboarding_progress");

            migrationBuilder.DropTable(
                name: "a2p_registrations");

            migrationBuilder.DropTable(
                name: "message_templates");

            migrationBuilder.DropTable(
                name: "onboarding_progress");

            migrationBuilder.DropColumn(
                name: "findings",
                table: "tenant_integrations");

            migrationBuilder.DropColumn(
                name: "last_summary",
                table: "tenant_integrations");

            migrationBuilder.AddColumn<string>(
                name: "onboarding_progress",
                table: "tenants",
                type: "jsonb",
                nullable: false,
                defaultValue: "");
        }
    }
}
