using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Jobs;

/// <summary>
/// Hangfire: PostgreSQL storage in production (schema "hangfire", installed with the migrations by the owner
/// role), in-memory for the embedded default. Jobs are thin triggers; the truth stays in our tables, so a
/// lost or repeated job loses nothing and does nothing twice.
/// </summary>
public sealed class JobsModule : HostModule
{
    public const string Schema = "hangfire";
    public const string DashboardPath = "/admin/jobs";

    public override void AddServices(WebApplicationBuilder builder)
    {
        // Storage and activator are this host's own singletons. Hangfire's defaults are the process-wide
        // JobStorage.Current and JobActivator.Current, which the next host in the same process (tests run
        // dozens) would replace: jobs would then be stored, or run, in another host's database.
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            var connections = sp.GetRequiredService<DatabaseConnections>();
            if (connections.Provider != DatabaseProvider.Postgres)
            {
                return new InMemoryStorage();
            }

            var options = new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                // A job taken by a worker that then died (or stalled) is handed to another worker after this.
                // Our jobs finish in seconds and are safe to repeat, so minutes are plenty; Hangfire's default is 30.
                InvisibilityTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue("ServicePro:Jobs:InvisibilitySeconds", 300.0)),
                // The application role cannot create tables; DatabaseMigrator installs the schema as the owner.
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connections.Jobs, options), options);
        });
        builder.Services.AddHangfire((sp, config) => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddSingleton<OneRunAtATime>();
        builder.Services.RemoveAll<IJobFilterProvider>();
        builder.Services.AddSingleton<IJobFilterProvider>(sp => OneRunAtATime.WithDefaults(sp.GetRequiredService<OneRunAtATime>()));
        builder.Services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            // Delayed jobs (e.g. the next A2P status check) become due at this granularity.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue("ServicePro:Jobs:SchedulePollingSeconds", 15.0));
        });
        builder.Services.AddSingleton<TenantJobScopes>();
        builder.Services.AddHostedService<RecurringJobs.Registrar>();
        builder.Services.AddSingleton<IOwnedSchema, JobStorageSchema>();
    }

    /// <summary>The Hangfire dashboard, for platform operators on the platform's address only.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DashboardTitle = "ServicePro jobs",
            AppPath = "/admin/platform/tenants",
            Authorization = [],
            AsyncAuthorization = [new OperatorsOnly()],
        }).WithContentSecurityPolicy(ContentSecurityPolicy.JobsDashboard);

    private sealed class OperatorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.RequestServices.GetRequiredService<ITenantContext>().Tenant is not null)
            {
                return false;
            }

            var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            return cookie.Succeeded && ServiceProClaims.IsOperator(cookie.Principal);
        }
    }
}
