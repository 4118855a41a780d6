using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Integrations;

public sealed class TenantIntegrationConfiguration : IEntityTypeConfiguration<TenantIntegration>
{
    public void Configure(EntityTypeBuilder<TenantIntegration> builder)
    {
        builder.ToTable("tenant_integrations");
        builder.HasKey(i => new { i.TenantId, i.Provider });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Provider).HasMaxLength(50);
        builder.Property(i => i.Status).HasSnakeCaseConversion();
        builder.HasIndex(i => new { i.TenantId, i.Status });
        builder.Property(i => i.LastError).HasMaxLength(1000);
        builder.Property(i => i.Config).HasJsonConversion();
        builder.Property(i => i.Findings).HasJsonConversion();
        builder.Property(i => i.LastSummary).HasMaxLength(1000);
    }
}
