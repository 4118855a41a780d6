using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Notices;

public sealed class BookingNoticeConfiguration : IEntityTypeConfiguration<BookingNotice>
{
    public void Configure(EntityTypeBuilder<BookingNotice> builder)
    {
        builder.ToTable("booking_notices");
        builder.HasKey(n => new { n.TenantId, n.Id });
        builder.HasOne<Booking>().WithMany().HasForeignKey(n => new { n.TenantId, n.BookingId }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasMaxLength(50);
        builder.Property(n => n.Status).HasSnakeCaseConversion().HasMaxLength(20);
        builder.Property(n => n.Channel).HasMaxLength(10);
        builder.Property(n => n.Recipient).HasMaxLength(255);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.Property(n => n.ProviderMessageId).HasMaxLength(100);
        builder.Property(n => n.Detail).HasMaxLength(500);
        builder.HasIndex(n => new { n.TenantId, n.BookingId, n.Kind, n.ForStartsAt }).IsUnique();
    }
}
