using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Series;

public sealed class SeriesOccurrenceConfiguration : IEntityTypeConfiguration<SeriesOccurrence>
{
    public void Configure(EntityTypeBuilder<SeriesOccurrence> builder)
    {
        builder.ToTable("series_occurrences");
        builder.HasKey(o => new { o.TenantId, o.SeriesId, o.Date });
        builder.HasOne<BookingSeries>().WithMany().HasForeignKey(o => new { o.TenantId, o.SeriesId }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.State).HasSnakeCaseConversion().HasMaxLength(20);
        builder.Property(o => o.Detail).HasMaxLength(500);
    }
}
