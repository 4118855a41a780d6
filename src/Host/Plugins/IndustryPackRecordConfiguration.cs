using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Plugins;

public sealed class IndustryPackRecordConfiguration : IEntityTypeConfiguration<IndustryPackRecord>
{
    public void Configure(EntityTypeBuilder<IndustryPackRecord> builder)
    {
        builder.ToTable("industry_packs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(255);
        builder.Property(p => p.Icon).HasMaxLength(50);
        builder.Property(p => p.Version).HasMaxLength(50);
        builder.Property(p => p.Source).HasMaxLength(20);
        builder.Property(p => p.DefaultServices).HasJsonConversion();
        builder.Property(p => p.IntakeFields).HasJsonConversion();
        builder.Property(p => p.WeatherThresholds).HasJsonConversion();
        builder.Property(p => p.SchedulerDefaults).HasJsonConversion();
        builder.Property(p => p.SmsTemplates).HasJsonConversion();
        builder.Property(p => p.EmailTemplates).HasJsonConversion();
        builder.Property(p => p.AiPrompts).HasJsonConversion();
        builder.Property(p => p.LoyaltyConfig).HasJsonConversion();
        builder.Property(p => p.FeatureDefaults).HasJsonConversion();
    }
}
