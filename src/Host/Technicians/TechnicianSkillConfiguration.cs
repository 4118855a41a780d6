using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Catalog;

namespace ServicePro.Host.Technicians;

public sealed class TechnicianSkillConfiguration : IEntityTypeConfiguration<TechnicianSkill>
{
    public void Configure(EntityTypeBuilder<TechnicianSkill> builder)
    {
        builder.ToTable("technician_skills");
        builder.HasKey(s => new { s.TenantId, s.TechnicianId, s.ServiceId });
        builder.HasOne<Technician>().WithMany().HasForeignKey(s => new { s.TenantId, s.TechnicianId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TenantService>().WithMany().HasForeignKey(s => new { s.TenantId, s.ServiceId }).OnDelete(DeleteBehavior.Cascade);
    }
}
