using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(255);
        builder.Property(t => t.BrandName).HasMaxLength(255);
        builder.Property(t => t.CustomDomain).HasMaxLength(255);
        builder.HasIndex(t => t.CustomDomain).IsUnique();
        builder.Property(t => t.Industry).HasMaxLength(100);
        builder.Property(t => t.Status).HasSnakeCaseConversion();
        builder.HasIndex(t => t.Status);
        builder.Property(t => t.Timezone).HasMaxLength(64);
        builder.Property(t => t.PrimaryColor).HasMaxLength(7);
        builder.Property(t => t.SecondaryColor).HasMaxLength(7);
        builder.Property(t => t.Email).HasMaxLength(255);
        builder.Property(t => t.Phone).HasMaxLength(20);
        builder.Property(t => t.OnboardingStep).HasMaxLength(50);
    }
}
