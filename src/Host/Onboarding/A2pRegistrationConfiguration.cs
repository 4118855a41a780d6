using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

public sealed class A2pRegistrationConfiguration : IEntityTypeConfiguration<A2pRegistration>
{
    public void Configure(EntityTypeBuilder<A2pRegistration> builder)
    {
        builder.ToTable("a2p_registrations");
        builder.HasKey(r => r.TenantId);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<A2pRegistration>(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.Campaign).HasJsonConversion();
        builder.Property(r => r.ProviderIds).HasJsonConversion();
        builder.Property(r => r.StepStatuses).HasJsonConversion();
        builder.Property(r => r.FailureReason).HasMaxLength(1000);
    }
}
