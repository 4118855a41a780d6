using Microsoft.EntityFrameworkCore;
using Microsoft.FeatureManagement;
using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Features;
using ServicePro.Host.Integrations;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Weather;

/// <summary>What one check of a tenant's upcoming outdoor work came to.</summary>
/// <param name="SkippedBecause">Why nothing was checked (flag off, pack or forecaster not loaded); null when it ran.</param>
public sealed record WeatherCheckReport(int BookingsChecked, int ForecastsFetched, int AtRisk, int Cleared, string? SkippedBecause = null)
{
    public static WeatherCheckReport Skipped(string because) => new(0, 0, 0, 0, because);
}

/// <summary>
/// Checks the current tenant's upcoming outdoor bookings against the forecast and its trade's thresholds, and
/// keeps weather_risks in step: a booking whose weather breaks a threshold is at risk, with the reason and the
/// next good times for the same job; one whose weather has become fine again, or that moved or ended, is cleared.
/// </summary>
/// <remarks>
/// Every forecast is fetched before anything is decided, and every change is saved at once: a forecast that
/// can't be had (Open-Meteo down) fails the whole check and leaves the table as it was, for the job's retry.
/// A second run over the same forecast changes nothing but the check time. Open-Meteo needs no key, so the
/// tenant's weather_rescheduling_enabled flag alone decides whether a tenant is watched; no tenant_integrations
/// row is needed (docs/decisions/0011-weather-watch.md).
/// </remarks>
public sealed class WeatherWatch(
    ServiceProDbContext db,
    ITenantContext tenantContext,
    IFeatureManager features,
    PluginCatalog plugins,
    TenantIntegrations integrations,
    AvailabilityService availability,
    TimeProvider clock,
    ILogger<WeatherWatch> logger)
{
    public const string ForecasterKey = "open_meteo";

    /// <summary>How far ahead bookings are checked: further out, forecasts change too much to bother a customer.</summary>
    public static readonly TimeSpan BookingsAhead = TimeSpan.FromDays(3);

    /// <summary>Days of forecast fetched: more than <see cref="BookingsAhead"/>, so the proposed times can be checked too.</summary>
    public const int ForecastDays = 7;

    /// <summary>How many new times an at-risk booking is offered, each on its own day.</summary>
    public const int AlternativesOffered = 3;

    private const int AlternativeSearchDays = 14;

    public async Task<WeatherCheckReport> CheckAsync(CancellationToken ct)
    {
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("The weather watch runs for one tenant.");
        if (!await features.IsEnabledAsync(FeatureFlags.WeatherRescheduling, new TenantFeatureContext(tenant)))
        {
            return WeatherCheckReport.Skipped("weather rescheduling is off");
        }

        if (plugins.FindPack(tenant.Industry) is not { } pack)
        {
            logger.LogWarning("Weather watch for {Tenant} skipped: its industry pack {Industry} is not loaded", tenant.Slug, tenant.Industry);
            return WeatherCheckReport.Skipped($"the {tenant.Industry} pack is not loaded");
        }

        if (plugins.FindProvider(ForecasterKey) is not { } provider || provider is not IWeatherForecaster forecaster)
        {
            logger.LogWarning("Weather watch for {Tenant} skipped: no {Provider} forecaster is loaded", tenant.Slug, ForecasterKey);
            return WeatherCheckReport.Skipped("no weather forecaster is loaded");
        }

        var now = clock.GetUtcNow();
        var upcoming = await UpcomingOutdoorBookingsAsync(now, ct);
        var upcomingIds = upcoming.Select(b => b.Id).ToList();
        var risks = await db.WeatherRisks
            .Where(r => r.Status == WeatherRiskStatus.AtRisk || r.Status == WeatherRiskStatus.Notified || upcomingIds.Contains(r.BookingId))
            .ToDictionaryAsync(r => r.BookingId, ct);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.Timezone);
        var area = (await db.TenantSettings.AsNoTracking().FirstAsync(ct)).ServiceArea.Center;
        var forecasts = await FetchForecastsAsync(forecaster, provider, upcoming.Select(b => ForecastPoint.Of(b, area)), tenant.Timezone, ct);

        var atRisk = 0;
        var cleared = 0;
        foreach (var booking in upcoming)
        {
            risks.TryGetValue(booking.Id, out var risk);
            if (risk is { Status: WeatherRiskStatus.Dismissed } && risk.ForStartsAt == booking.StartsAt)
            {
                continue; // the owner decided to go ahead at this time
            }

            var forecast = forecasts[ForecastPoint.Of(booking, area)];
            var assessment = WeatherRules.Assess(pack.Weather, forecast, Local(booking.StartsAt, zone), Local(booking.EndsAt, zone));
            if (!assessment.Covered)
            {
                continue;
            }

            if (assessment.AtRisk)
            {
                var alternatives = await AlternativesAsync(booking, forecast, pack.Weather, zone, ct);
                MarkAtRisk(risk, booking, assessment.Reason, alternatives, now);
                atRisk++;
            }
            else if (risk is not null && (risk.ForStartsAt != booking.StartsAt || risk.Status != WeatherRiskStatus.Cleared))
            {
                Clear(risk, booking.StartsAt, now);
                cleared++;
            }
        }

        var watched = upcomingIds.ToHashSet();
        cleared += ClearUnwatched(risks.Values.Where(r => !watched.Contains(r.BookingId)), now);
        await db.SaveChangesAsync(ct);

        logger.LogInformation(
            "Weather watch for {Tenant}: {Bookings} outdoor bookings, {Forecasts} forecasts, {AtRisk} at risk, {Cleared} cleared",
            tenant.Slug, upcoming.Count, forecasts.Count, atRisk, cleared);
        return new WeatherCheckReport(upcoming.Count, forecasts.Count, atRisk, cleared);
    }

    /// <summary>Bookings holding time for outdoor services, starting between now and <see cref="BookingsAhead"/>.</summary>
    private Task<List<Booking>> UpcomingOutdoorBookingsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var until = now + BookingsAhead;
        return (from booking in db.Bookings.AsNoTracking()
                join service in db.Services on booking.ServiceId equals service.Id
                where service.IsOutdoor
                      && (booking.Status == BookingStatus.Pending || booking.Status == BookingStatus.Confirmed)
                      && booking.StartsAt >= now && booking.StartsAt < until
                orderby booking.StartsAt
                select booking).ToListAsync(ct);
    }

    /// <summary>One forecast per distinct place, one after another (Open-Meteo limits requests per minute).</summary>
    private async Task<Dictionary<ForecastPoint, IReadOnlyList<HourlyWeather>>> FetchForecastsAsync(
        IWeatherForecaster forecaster, IIntegrationProvider provider, IEnumerable<ForecastPoint> points, string timezone, CancellationToken ct)
    {
        var forecasts = new Dictionary<ForecastPoint, IReadOnlyList<HourlyWeather>>();
        var distinct = points.Distinct().OrderBy(p => p.Lat).ThenBy(p => p.Lng).ToList();
        if (distinct.Count == 0)
        {
            return forecasts;
        }

        var context = await integrations.ContextAsync(provider, ct);
        foreach (var point in distinct)
        {
            forecasts[point] = await forecaster.GetHourlyForecastAsync(context, point.Lat, point.Lng, timezone, ForecastDays, ct);
        }

        return forecasts;
    }

    /// <summary>
    /// The same job with the same technician at other times that the forecast doesn't rule out, from the booking's
    /// day on: on each day the time nearest the booked time of day, so the customer chooses between days, not
    /// between 9:00 and 9:30. Times beyond the forecast are offered as they are: nothing is known against them.
    /// </summary>
    private async Task<List<AlternativeSlot>> AlternativesAsync(
        Booking booking, IReadOnlyList<HourlyWeather> forecast, WeatherThresholds limits, TimeZoneInfo zone, CancellationToken ct)
    {
        var duration = (int)(booking.EndsAt - booking.StartsAt).TotalMinutes;
        var bookedAt = Local(booking.StartsAt, zone);
        var firstDay = DateOnly.FromDateTime(bookedAt);
        var answer = await availability.FindAsync(
            new AvailabilityRequest(booking.ServiceId, firstDay, firstDay.AddDays(AlternativeSearchDays - 1))
            {
                TechnicianId = booking.TechnicianId,
                DurationMinutes = duration,
                IgnoreBookingId = booking.Id,
            }, ct);
        if (answer is not OpenTimes open)
        {
            logger.LogWarning("No alternative times for booking {BookingId}: availability answered {Answer}", booking.Id, answer.GetType().Name);
            return [];
        }

        return open.Slots
            .Where(s => s.StartUtc != booking.StartsAt)
            .Where(s => !WeatherRules.Assess(limits, forecast, s.LocalStart, s.LocalStart.AddMinutes(duration)).AtRisk)
            .GroupBy(s => DateOnly.FromDateTime(s.LocalStart))
            .OrderBy(day => day.Key)
            .Select(day => day.MinBy(s => (s.LocalStart.TimeOfDay - bookedAt.TimeOfDay).Duration())!)
            .Take(AlternativesOffered)
            .Select(s => new AlternativeSlot(s.StartUtc, booking.TechnicianId))
            .ToList();
    }

    private void MarkAtRisk(WeatherRisk? risk, Booking booking, string reason, List<AlternativeSlot> alternatives, DateTimeOffset now)
    {
        if (risk is null)
        {
            risk = new WeatherRisk { BookingId = booking.Id, Reason = reason, Status = WeatherRiskStatus.AtRisk, ForStartsAt = booking.StartsAt };
            db.WeatherRisks.Add(risk);
        }
        else if (risk.ForStartsAt != booking.StartsAt)
        {
            // A moved booking is a new question: what the customer was told was about the old time.
            risk.ForStartsAt = booking.StartsAt;
            risk.Status = WeatherRiskStatus.AtRisk;
            risk.NotifiedAt = null;
        }
        else if (risk.Status == WeatherRiskStatus.Cleared)
        {
            risk.Status = WeatherRiskStatus.AtRisk;
        }

        risk.Reason = reason;
        risk.Alternatives = alternatives;
        risk.CheckedAt = now;
    }

    private static void Clear(WeatherRisk risk, DateTimeOffset startsAt, DateTimeOffset now)
    {
        risk.Status = WeatherRiskStatus.Cleared;
        risk.ForStartsAt = startsAt;
        risk.CheckedAt = now;
    }

    /// <summary>
    /// Open risks whose booking is no longer among the upcoming outdoor work: it was cancelled, moved out of the
    /// window, made indoor work, or its time has come. The reason stays on the row as history.
    /// </summary>
    private static int ClearUnwatched(IEnumerable<WeatherRisk> unwatched, DateTimeOffset now)
    {
        var cleared = 0;
        foreach (var risk in unwatched.Where(r => r.Status is WeatherRiskStatus.AtRisk or WeatherRiskStatus.Notified))
        {
            risk.Status = WeatherRiskStatus.Cleared;
            risk.CheckedAt = now;
            cleared++;
        }

        return cleared;
    }

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>
    /// Where a job's forecast is asked for: the booking's own coordinates, or the middle of the service area. Rounded
    /// to hundredths of a degree (about a kilometre), well inside Open-Meteo's grid, so neighbours share one request.
    /// </summary>
    private readonly record struct ForecastPoint(double Lat, double Lng)
    {
        public static ForecastPoint Of(Booking booking, GeoPoint areaCenter) =>
            booking is { Lat: { } lat, Lng: { } lng }
                ? new(Math.Round(lat, 2), Math.Round(lng, 2))
                : new(Math.Round(areaCenter.Lat, 2), Math.Round(areaCenter.Lng, 2));
    }
}
