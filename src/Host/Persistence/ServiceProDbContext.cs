using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Persistence;

/// <summary>
/// The platform's one database. Provider-specific subclasses (<see cref="PostgresServiceProDbContext"/>,
/// <see cref="SqliteServiceProDbContext"/>) exist only so each provider keeps its own migrations.
/// </summary>
public abstract class ServiceProDbContext : IdentityUserContext<AppUser, Guid>
{
    private readonly ITenantContext _tenant;

    protected ServiceProDbContext(DbContextOptions options, ITenantContext tenant)
        : base(options)
    {
        _tenant = tenant;
    }

    /// <summary>The tenant every query is filtered by and every write is checked against; empty matches nothing.</summary>
    public Guid CurrentTenantId => _tenant.TenantId ?? Guid.Empty;

    public bool HasTenant => _tenant.TenantId.HasValue;

    /// <summary>
    /// The one table every other hangs off (tenant_id leads every key). Kept on the context rather than with Tenancy's
    /// tables because the migrations' foreign-key names derive from it.
    /// </summary>
    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ServiceProDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            ApplyTenantFilterMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(ServiceProDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyTenantFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, ITenantOwned =>
        builder.Entity<TEntity>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
}

public sealed class PostgresServiceProDbContext(DbContextOptions<PostgresServiceProDbContext> options, ITenantContext tenant)
    : ServiceProDbContext(options, tenant)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        JsonColumns.UseJsonb(builder);
    }
}

public sealed class SqliteServiceProDbContext(DbContextOptions<SqliteServiceProDbContext> options, ITenantContext tenant)
    : ServiceProDbContext(options, tenant)
{
    /// <summary>SQLite has no date-time type: stored as UTC ticks so timestamps compare and sort in SQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
