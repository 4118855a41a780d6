using ServicePro.Host.Bookings;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;

namespace ServicePro.Bench.Seed;

/// <summary>One bench tenant as seeded.</summary>
/// <param name="Number">1-based; the slug is bench-{Number:0000}.</param>
public sealed record TenantPlan(
    int Number, Guid Id, string Slug, string Zone, IReadOnlyList<ServicePlan> Services, IReadOnlyList<TechnicianPlan> Technicians,
    IReadOnlyList<CustomerPlan> Customers, IReadOnlyList<BookingPlan> Bookings);

/// <summary>A service row; <paramref name="TemplateId"/> is ROOT's service it was copied from.</summary>
public sealed record ServicePlan(Guid Id, Guid TemplateId, int DurationMinutes, bool IsActive, decimal PriceMin);

public sealed record TechnicianPlan(Guid Id, List<InstantRange> TimeOff);

public sealed record CustomerPlan(Guid Id, string Address, GeoPoint Location);

public sealed record BookingPlan(Guid Id, Guid TechnicianId, CustomerPlan Customer, ServicePlan Service, InstantRange Time, BookingStatus Status);
