using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Weather;

public sealed class WeatherRiskConfiguration : IEntityTypeConfiguration<WeatherRisk>
{
    public void Configure(EntityTypeBuilder<WeatherRisk> builder)
    {
        builder.ToTable("weather_risks");
        builder.HasKey(r => new { r.TenantId, r.BookingId });
        builder.HasOne<Booking>().WithOne().HasForeignKey<WeatherRisk>(r => new { r.TenantId, r.BookingId }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Status).HasSnakeCaseConversion().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Alternatives).HasJsonConversion();
    }
}
