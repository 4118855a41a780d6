using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Customers;

public sealed class CustomerAssetConfiguration : IEntityTypeConfiguration<CustomerAsset>
{
    public void Configure(EntityTypeBuilder<CustomerAsset> builder)
    {
        builder.ToTable("customer_assets");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => new { a.TenantId, a.CustomerId }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasMaxLength(50);
        builder.Property(a => a.Label).HasMaxLength(200);
        builder.Property(a => a.Details).HasJsonConversion();
        builder.HasIndex(a => new { a.TenantId, a.CustomerId });
    }
}
