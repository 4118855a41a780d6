using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Secrets;

public sealed class TenantSecretConfiguration : IEntityTypeConfiguration<TenantSecret>
{
    public void Configure(EntityTypeBuilder<TenantSecret> builder)
    {
        builder.ToTable("tenant_secrets");
        builder.HasKey(s => new { s.TenantId, s.Provider, s.Field });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Provider).HasMaxLength(50);
        builder.Property(s => s.Field).HasMaxLength(50);
        builder.Property(s => s.Last4).HasMaxLength(4);
        builder.HasIndex(s => s.KeyVersion);
    }
}
