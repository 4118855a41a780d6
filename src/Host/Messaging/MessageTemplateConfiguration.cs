using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Messaging;

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("message_templates");
        builder.HasKey(t => new { t.TenantId, t.Channel, t.Moment });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Channel).HasSnakeCaseConversion().HasMaxLength(10);
        builder.Property(t => t.Moment).HasMaxLength(50);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(10000);
    }
}
