using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

public sealed class TenantSettingsConfiguration : IEntityTypeConfiguration<TenantSettings>
{
    public void Configure(EntityTypeBuilder<TenantSettings> builder)
    {
        builder.ToTable("tenant_settings");
        builder.HasKey(s => s.TenantId);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<TenantSettings>(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Flags).HasJsonConversion();
        builder.Property(s => s.ServiceArea).HasJsonConversion();
        builder.Property(s => s.BusinessHours).HasJsonConversion();
        builder.Property(s => s.SchedulerConfig).HasJsonConversion();
        builder.Property(s => s.ScheduleVersion).HasDefaultValue(0L).ValueGeneratedOnAddOrUpdate();
        builder.Property(s => s.CalendarVersion).HasDefaultValue(0L).ValueGeneratedOnAddOrUpdate();
    }
}
