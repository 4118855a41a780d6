using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePro.Host.Technicians;

public sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> builder)
    {
        builder.ToTable("time_entries");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.HasOne<Technician>().WithMany().HasForeignKey(e => new { e.TenantId, e.TechnicianId }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.HasIndex(e => new { e.TenantId, e.TechnicianId, e.StartedAt });

        // One open entry per technician, kept by the database so two clock-ins at the same moment cannot both open one.
        builder.HasIndex(e => new { e.TenantId, e.TechnicianId }).IsUnique().HasFilter("ended_at IS NULL").HasDatabaseName("ux_time_entries_one_open");
    }
}
