using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePro.Host.Technicians;

public sealed class TechnicianShiftConfiguration : IEntityTypeConfiguration<TechnicianShift>
{
    public void Configure(EntityTypeBuilder<TechnicianShift> builder)
    {
        builder.ToTable("technician_shifts");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.HasOne<Technician>().WithMany().HasForeignKey(s => new { s.TenantId, s.TechnicianId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.TechnicianId, s.Weekday });
    }
}
