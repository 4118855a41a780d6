using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Technicians;

public sealed class TechnicianConfiguration : IEntityTypeConfiguration<Technician>
{
    public void Configure(EntityTypeBuilder<Technician> builder)
    {
        builder.ToTable("technicians");
        builder.HasKey(t => new { t.TenantId, t.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Phone).HasMaxLength(20);
        builder.Property(t => t.Email).HasMaxLength(255);
        builder.Property(t => t.Color).HasMaxLength(7);
        builder.Property(t => t.HomeBaseAddress).HasMaxLength(500);
        builder.Property(t => t.CalendarFeedTokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.CalendarFeedTokenHash).IsUnique();
    }
}
