using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Customers;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.HasIndex(c => new { c.TenantId, c.Phone }).IsUnique();
        builder.Property(c => c.Email).HasMaxLength(255);
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.Property(c => c.SmsConsentSource).HasMaxLength(100);
    }
}
