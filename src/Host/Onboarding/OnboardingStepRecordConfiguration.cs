using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

public sealed class OnboardingStepRecordConfiguration : IEntityTypeConfiguration<OnboardingStepRecord>
{
    public void Configure(EntityTypeBuilder<OnboardingStepRecord> builder)
    {
        builder.ToTable("onboarding_progress");
        builder.HasKey(s => new { s.TenantId, s.Step });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Step).HasMaxLength(50);
        builder.Property(s => s.Status).HasSnakeCaseConversion();
        builder.Property(s => s.UpdatedBy).HasMaxLength(100);
    }
}
