using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;

namespace ServicePro.Host.Bookings;

/// <remarks>On PostgreSQL the migration adds the exclusion constraint <c>bookings_no_overlap</c> (see
/// <see cref="BookingOverlap"/>); EF Core has no fluent API for it.</remarks>
public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.HasKey(b => new { b.TenantId, b.Id });
        builder.HasOne<Customer>().WithMany().HasForeignKey(b => new { b.TenantId, b.CustomerId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenantService>().WithMany().HasForeignKey(b => new { b.TenantId, b.ServiceId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Technician>().WithMany().HasForeignKey(b => new { b.TenantId, b.TechnicianId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerAsset>().WithMany().HasForeignKey(b => new { b.TenantId, b.AssetId }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Status).HasSnakeCaseConversion().HasMaxLength(20);
        builder.Property(b => b.Address).HasMaxLength(500);
        builder.Property(b => b.Answers).HasJsonConversion();
        builder.Property(b => b.EstimatedPrice).HasPrecision(12, 2);
        builder.Property(b => b.Notes).HasMaxLength(2000);
        builder.Property(b => b.Source).HasMaxLength(20);
        builder.Property(b => b.CancellationReason).HasMaxLength(50);
        builder.Property(b => b.CancellationFeedback).HasMaxLength(2000);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.CustomerCode).HasMaxLength(32);
        builder.HasIndex(b => new { b.TenantId, b.CustomerCode }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.TechnicianId, b.StartsAt });
        // Covering, so availability's read of a window's bookings is an index-only scan (PostgresScheduleLoader).
        builder.HasIndex(b => new { b.TenantId, b.StartsAt }).IncludeProperties(b => new { b.EndsAt, b.TechnicianId, b.Status, b.Id });
        builder.HasIndex(b => new { b.TenantId, b.CustomerId });

        // One booking per occurrence of a series, so generating occurrences twice cannot double them.
        builder.HasIndex(b => new { b.TenantId, b.SeriesId, b.OccurrenceDate }).IsUnique().HasFilter("series_id IS NOT NULL");
    }
}
