using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePro.Host.Secrets;

public sealed class KeyCheckConfiguration : IEntityTypeConfiguration<KeyCheck>
{
    public void Configure(EntityTypeBuilder<KeyCheck> builder)
    {
        builder.ToTable("key_checks");
        builder.HasKey(k => k.Version);
        builder.Property(k => k.Version).ValueGeneratedNever();
    }
}
