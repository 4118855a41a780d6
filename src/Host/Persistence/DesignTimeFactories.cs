using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Persistence;

/// <summary>Lets `dotnet ef migrations add X --context PostgresServiceProDbContext` build the model without a database.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresServiceProDbContext>
{
    public PostgresServiceProDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresServiceProDbContext>()
            .UseNpgsql("Host=localhost;Database=servicepro_design;Username=design")
            .UseSnakeCaseNamingConvention()
            .Options,
        new TenantContext());
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteServiceProDbContext>
{
    public SqliteServiceProDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteServiceProDbContext>()
            .UseSqlite("Data Source=design.db")
            .UseSnakeCaseNamingConvention()
            .Options,
        new TenantContext());
}
