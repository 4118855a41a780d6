using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Catalog;

public sealed class TenantServiceConfiguration : IEntityTypeConfiguration<TenantService>
{
    public void Configure(EntityTypeBuilder<TenantService> builder)
    {
        builder.ToTable("services");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.PriceMin).HasPrecision(10, 2);
        builder.Property(s => s.PriceMax).HasPrecision(10, 2);
        builder.Property(s => s.PackServiceKey).HasMaxLength(100);
    }
}
