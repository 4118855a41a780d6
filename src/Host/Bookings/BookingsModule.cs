using ServicePro.Host.Hosting;

namespace ServicePro.Host.Bookings;

/// <summary>
/// Bookings that never double-book (docs/decisions/0009): create with an idempotency key, confirm, reschedule, cancel,
/// complete; and the customer's own booking page behind the link in their texts.
/// </summary>
public sealed class BookingsModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BookingService>();
        builder.Services.AddScoped<IdempotentRequests>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBookingEndpoints();
}
