using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

public sealed class TimeOffRequestConfiguration : IEntityTypeConfiguration<TimeOffRequest>
{
    public void Configure(EntityTypeBuilder<TimeOffRequest> builder)
    {
        builder.ToTable("time_off_requests");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.HasOne<Technician>().WithMany().HasForeignKey(r => new { r.TenantId, r.TechnicianId }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Status).HasSnakeCaseConversion().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.RequestedBy).HasMaxLength(100);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.DecisionNote).HasMaxLength(500);
        builder.HasIndex(r => new { r.TenantId, r.TechnicianId, r.StartsAt });
    }
}
