using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Persistence;

public sealed class PersistenceModule : HostModule
{
    public const string AppConnectionName = "ServicePro";
    public const string MigrationConnectionName = "ServiceProMigrations";

    /// <summary>
    /// EF Core on PostgreSQL (production) or SQLite (the embedded default). On PostgreSQL the app connects
    /// as a role that owns nothing and is subject to row-level security; migrations use the owner's connection.
    /// </summary>
    /// <remarks>Everything here is read when first resolved, not at registration, so tests and tools can override configuration.</remarks>
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        // A request's scope holds the request's own tenant (set by tenant resolution, kept on the request); any other
        // scope — a job's, a command's, one TenantScopeFactory opens for another tenant — a fresh one.
        builder.Services.AddScoped<TenantContext>(sp =>
            RequestServices.HttpContextOf(sp) is { } request ? TenantContext.ForRequest(request) : new TenantContext());
        builder.Services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        builder.Services.AddRequestValue(TenantContext.ForRequest);
        builder.Services.AddRequestValue<ITenantContext>(TenantContext.ForRequest);
        builder.Services.AddSingleton<TenantSaveGuard>();
        builder.Services.AddSingleton<TenantConnectionInterceptor>();
        builder.Services.AddSingleton(sp => DatabaseConnections.From(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));

        builder.Services.AddDbContext<PostgresServiceProDbContext>((sp, db) => db
            .UseNpgsql(sp.GetRequiredService<DatabaseConnections>().App)
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(FailuresAreTheCallersToLog)
            .AddInterceptors(sp.GetRequiredService<TenantSaveGuard>(), sp.GetRequiredService<TenantConnectionInterceptor>()));
        builder.Services.AddDbContext<SqliteServiceProDbContext>((sp, db) => db
            .UseSqlite(sp.GetRequiredService<DatabaseConnections>().App)
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(FailuresAreTheCallersToLog)
            .AddInterceptors(sp.GetRequiredService<TenantSaveGuard>()));
        builder.Services.AddScoped<ServiceProDbContext>(sp =>
            sp.GetRequiredService<DatabaseConnections>().Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresServiceProDbContext>()
                : sp.GetRequiredService<SqliteServiceProDbContext>());

        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddExceptionHandler<UniqueViolationHandler>();
        builder.Services.AddExceptionHandler<UnstorableInputHandler>();
        builder.Services.AddHealthChecks().AddDbContextCheck<ServiceProDbContext>("database", tags: ["ready"]);
        builder.Services.AddStartupTask<MigrateOnStartup>();
        builder.Services.AddHostCommand(MigrateCommand, preparesItself: true);
    }

    private static Command MigrateCommand(IServiceProvider services)
    {
        var command = new Command("migrate", "Apply database migrations, record the loaded packs and seed ROOT.");
        command.SetAction(async (_, ct) =>
        {
            // With MigrateOnStartup on, the start-up tasks migrate first anyway; otherwise this is the one place that does.
            if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            {
                await HostCommands.InScope(services, sp => Migrate(sp, ct));
            }

            await services.PrepareAsync(ct);
            Console.WriteLine("Database is up to date.");
            return 0;
        });
        return command;
    }

    private static async Task<int> Migrate(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        return 0;
    }

    /// <summary>Brings the database up to date before anything reads it, unless <c>MigrateOnStartup</c> is off.</summary>
    private sealed class MigrateOnStartup(IOptions<DatabaseOptions> options) : IStartupTask
    {
        public int Order => 0;

        public async Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            if (options.Value.MigrateOnStartup)
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            }
        }
    }

    /// <summary>
    /// EF Core logs every failed command and save at Error, with the stack trace. Many failures are expected answers
    /// — a booking that lost the race for a time (23P01), a notice another job already claimed (23505) — and the
    /// rest reach a caller that logs them once: the exception handler for requests, Hangfire for jobs. At Debug they
    /// stay available for diagnosis without flooding the log (and costing a formatted stack trace per lost race).
    /// </summary>
    private static void FailuresAreTheCallersToLog(WarningsConfigurationBuilder warnings) =>
        warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug));
}

/// <summary>The app's connection, the (possibly different) one migrations run on, and the job storage's.</summary>
public sealed record DatabaseConnections(DatabaseProvider Provider, string App, string Migrations)
{
    /// <summary>
    /// Hangfire's storage: the application role, in a pool of its own (a connection string differs, so does the pool)
    /// that keeps Npgsql's reset on return. Its internals are not ours to vouch for; the app's pool skips the reset
    /// (see <see cref="From"/>).
    /// </summary>
    public string Jobs { get; init; } = App;

    public static DatabaseConnections From(IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider)
    {
        var app = configuration.GetConnectionString(PersistenceModule.AppConnectionName);
        var migrations = configuration.GetConnectionString(PersistenceModule.MigrationConnectionName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(app) || string.IsNullOrWhiteSpace(migrations))
            {
                throw new InvalidOperationException(
                    "PostgreSQL needs two connection strings: ConnectionStrings:ServicePro (the application role, which owns " +
                    "no tables) and ConnectionStrings:ServiceProMigrations (the owner role that runs migrations).");
            }

            if (new NpgsqlConnectionStringBuilder(app).Username == new NpgsqlConnectionStringBuilder(migrations).Username)
            {
                throw new InvalidOperationException(
                    "ConnectionStrings:ServicePro must use a different role from ConnectionStrings:ServiceProMigrations: " +
                    "row-level security does not bind the role that owns the tables.");
            }

            return new(provider, WithoutResetOnReturn(app), migrations) { Jobs = ForJobs(app) };
        }

        if (string.IsNullOrWhiteSpace(app))
        {
            var folder = Path.Combine(environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            app = $"Data Source={Path.Combine(folder, "servicepro.db")}";
        }

        return new(provider, app, string.IsNullOrWhiteSpace(migrations) ? app : migrations);
    }

    /// <summary>The connection strings the host pools under for the application role's <paramref name="app"/> on
    /// PostgreSQL: its own and the job storage's (tests close both pools when a host stops).</summary>
    public static IReadOnlyList<string> PoolsFor(string app) => [WithoutResetOnReturn(app), ForJobs(app)];

    /// <summary>
    /// The app's pool does not reset a connection when it comes back (unless the connection string says otherwise):
    /// the reset (<c>RESET ALL</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, … in one round trip) cost a third of a raw
    /// primary-key read's PostgreSQL time (bench/results/pg-cost.md). Nothing we do leaves session state behind that
    /// the next user could see: EF Core writes <c>app.tenant_id</c> on every open (TenantConnectionInterceptor), the
    /// raw reads set it local to their batch, Npgsql still rolls back an open transaction on return, and the only
    /// <c>LISTEN</c> has an unpooled connection of its own (TenantChanges). Prepared statements stay, as they should.
    /// </summary>
    private static string WithoutResetOnReturn(string app)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows; a plain one tells what the string says.
        var said = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = app };
        if (said.ContainsKey("No Reset On Close") || said.ContainsKey("NoResetOnClose"))
        {
            return app;
        }

        return new NpgsqlConnectionStringBuilder(app) { NoResetOnClose = true }.ConnectionString;
    }

    private static string ForJobs(string app)
    {
        var builder = new NpgsqlConnectionStringBuilder(app) { NoResetOnClose = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "servicepro-jobs";
        }

        return builder.ConnectionString;
    }
}
