using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;


namespace ServicePro.Host.Series;

public sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> builder)
    {
        builder.ToTable("booking_series");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => new { s.TenantId, s.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenantService>().WithMany().HasForeignKey(s => new { s.TenantId, s.ServiceId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Technician>().WithMany().HasForeignKey(s => new { s.TenantId, s.TechnicianId }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Pattern).HasJsonConversion();
        builder.Property(s => s.Status).HasSnakeCaseConversion().HasMaxLength(20);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.Answers).HasJsonConversion();
        builder.Property(s => s.EstimatedPrice).HasPrecision(12, 2);
        builder.Property(s => s.Notes).HasMaxLength(2000);
    }
}
