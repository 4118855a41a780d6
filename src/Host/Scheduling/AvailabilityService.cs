using ServicePro.Abstractions;
using ServicePro.Host.Catalog;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>A question for the availability engine, as callers ask it.</summary>
/// <param name="ServiceId">The service to be booked.</param>
/// <param name="From">First local day to search, in the tenant's time zone.</param>
/// <param name="To">Last local day to search (inclusive).</param>
public sealed record AvailabilityRequest(Guid ServiceId, DateOnly From, DateOnly To)
{
    /// <summary>Only this technician's times.</summary>
    public Guid? TechnicianId { get; init; }

    /// <summary>An exact length chosen by staff; otherwise the estimate from <see cref="Answers"/>, otherwise the service's typical length.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>Intake answers, which can make the job longer (a large SUV, a double coat).</summary>
    public IReadOnlyDictionary<string, string>? Answers { get; init; }

    /// <summary>Where the job is; checked against the service area when given.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The booking being moved, whose own time does not count as taken.</summary>
    public Guid? IgnoreBookingId { get; init; }
}

public abstract record AvailabilityAnswer;

/// <summary>The open start times, with the service, the job length they were computed for and the estimate when answers were given.</summary>
public sealed record OpenTimes(TenantService Service, string TimeZone, int DurationMinutes, JobEstimate? Estimate, IReadOnlyList<AvailableSlot> Slots)
    : AvailabilityAnswer
{
    /// <summary>The estimate from the intake answers, otherwise the service's starting price.</summary>
    public decimal Price => Estimate?.Price ?? Service.PriceMin;
}

/// <summary>The location is farther from the business than its service area reaches.</summary>
public sealed record OutsideServiceArea(double DistanceMiles, double RadiusMiles) : AvailabilityAnswer
{
    public string Message =>
        $"That address is about {DistanceMiles:0.#} miles away, outside the {RadiusMiles:0.#}-mile area this business serves.";
}

public sealed record AvailabilityRefused(int StatusCode, string Detail, Dictionary<string, string[]>? Errors = null) : AvailabilityAnswer;

/// <summary>Answers "when can this job be done?" from one read of the tenant's schedule and the pure engine.</summary>
public sealed class AvailabilityService(IScheduleLoader loader, JobEstimator estimator, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>The most days one request may search.</summary>
    public const int MaxDays = 62;

    public async Task<AvailabilityAnswer> FindAsync(AvailabilityRequest request, CancellationToken ct)
    {
        if (request.To < request.From || request.To.DayNumber - request.From.DayNumber + 1 > MaxDays)
        {
            return new AvailabilityRefused(400, $"Search from one day to {MaxDays} days at a time, with 'to' not before 'from'.",
                new() { ["to"] = [$"Choose a range of 1 to {MaxDays} days."] });
        }

        if (request.DurationMinutes is < 5 or > 24 * 60)
        {
            return new AvailabilityRefused(400, "A job lasts 5 minutes to 24 hours.", new() { ["durationMinutes"] = ["Choose 5 to 1440 minutes."] });
        }

        var zone = tenant.Tenant!.Timezone;
        var window = ZoneWindow(TimeZoneInfo.FindSystemTimeZoneById(zone), request.From, request.To);
        var snapshot = await loader.LoadAsync(
            new ScheduleWindow(request.ServiceId, request.TechnicianId, window.From, window.To) { IgnoreBookingId = request.IgnoreBookingId }, ct);
        if (snapshot?.Service is not { IsActive: true } service)
        {
            return new AvailabilityRefused(404, "There is no such service, or it is not offered at the moment.");
        }

        if (request.Location is { } location && !ServiceAreaCheck.Covers(snapshot.Settings.ServiceArea, location))
        {
            return new OutsideServiceArea(ServiceAreaCheck.DistanceMiles(snapshot.Settings.ServiceArea.Center, location), snapshot.Settings.ServiceArea.RadiusMiles);
        }

        JobEstimate? estimate = null;
        if (request.Answers is { Count: > 0 } answers)
        {
            var outcome = estimator.Estimate(service, answers);
            if (outcome.Unavailable is { } reason)
            {
                return new AvailabilityRefused(503, reason);
            }

            if (outcome.Errors.Count > 0)
            {
                return new AvailabilityRefused(400, "Some answers need attention.", outcome.Errors);
            }

            estimate = outcome.Estimate;
        }

        var duration = request.DurationMinutes ?? estimate?.DurationMinutes ?? service.DurationMinutes;
        var query = new AvailabilityQuery(zone, request.From, request.To, clock.GetUtcNow(), duration,
            SchedulingRules.FromTenantSettings(snapshot.Settings))
        { TechnicianId = request.TechnicianId };
        return new OpenTimes(service, zone, duration, estimate, AvailabilityEngine.FindOpenSlots(query, snapshot.Technicians));
    }

    /// <summary>
    /// Real time that covers the local days, widened by the longest buffer between jobs (4 h, the settings' limit),
    /// within which a neighbouring appointment still matters, and by an hour for a day that does not start at local
    /// midnight (a daylight-saving change at 00:00). Jobs end by closing time and hours never cross midnight, so
    /// nothing later counts.
    /// </summary>
    private static (DateTimeOffset From, DateTimeOffset To) ZoneWindow(TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var margin = TimeSpan.FromHours(4 + 1);
        return (StartOfDay(zone, from) - margin, StartOfDay(zone, to.AddDays(1)) + margin);
    }

    private static DateTimeOffset StartOfDay(TimeZoneInfo zone, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
