using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Scheduling;

/// <summary>One open start: the instant, the same on the business's wall clock, and (for staff) who is free.</summary>
public sealed record SlotDto(DateTimeOffset StartsAt, string LocalStart, IReadOnlyList<Guid>? Technicians)
{
    public static SlotDto From(AvailableSlot slot, bool showTechnicians) =>
        new(slot.StartUtc, slot.LocalStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), showTechnicians ? slot.Technicians : null);
}

public sealed record AvailabilityDto(string TimeZone, int DurationMinutes, decimal? EstimatedPrice, IReadOnlyList<SlotDto> Slots);

public static class AvailabilityEndpoints
{
    /// <summary>Query keys starting with this carry intake answers: <c>answers.vehicle_size=suv</c>.</summary>
    private const string AnswerPrefix = "answers.";

    public static RouteHandlerBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/availability", Find)
            .WithName("findAvailability")
            .OnTenantAddress()
            .WithTags("Scheduling")
            .WithSummary("Open start times for a service between two local dates (default: the next 7 days). Public, for the booking widget; " +
                         "staff also see which technicians are free and may ask for one technician or an exact length. " +
                         "Intake answers go in as answers.{key}={value}; lat/lng check the service area.")
            .RequireRateLimiting(RateLimiting.Public);

    private static async Task<Results<Ok<AvailabilityDto>, NotFoundProblem, UnprocessableProblem, UnavailableProblem, ValidationProblem>> Find(
        Guid serviceId, [PlausibleDate] DateOnly? from, [PlausibleDate] DateOnly? to, Guid? technicianId, int? durationMinutes,
        [Latitude] double? lat, [Longitude] double? lng,
        HttpContext http, ITenantContext tenant, AvailabilityService availability, IAuthorizationService authorization, TimeProvider clock,
        CancellationToken ct)
    {
        if (tenant.Tenant is null)
        {
            return Problems.NotFound("Open times belong to a business: ask at the business's own address.");
        }

        // Staff of THIS business: a cookie from another business (or an operator's) signs someone in, but not here.
        var isStaff = http.User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(http.User, Policies.TenantMember)).Succeeded;
        if (!isStaff && (technicianId is not null || durationMinutes is not null))
        {
            return Problems.Invalid(technicianId is not null ? "technicianId" : "durationMinutes", "Only the business's staff can ask for this.");
        }

        if ((lat is null) != (lng is null) || lat is < -90 or > 90 || lng is < -180 or > 180
            || lat is { } la0 && !double.IsFinite(la0) || lng is { } ln0 && !double.IsFinite(ln0))
        {
            return Problems.Invalid("lat", "Give both latitude (−90 to 90) and longitude (−180 to 180), or neither.");
        }

        var today = LocalDates.Of(clock.GetUtcNow(), tenant.Tenant.Timezone);
        var first = from ?? today;
        var answers = http.Request.Query.Where(q => q.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            .ToDictionary(q => q.Key[AnswerPrefix.Length..], q => q.Value.ToString());
        var answer = await availability.FindAsync(new AvailabilityRequest(serviceId, first, to ?? first.AddDays(6))
        {
            TechnicianId = technicianId,
            DurationMinutes = durationMinutes,
            Answers = answers,
            Location = lat is { } la && lng is { } ln ? new GeoPoint(la, ln) : null,
        }, ct);

        return answer switch
        {
            OpenTimes open => TypedResults.Ok(new AvailabilityDto(open.TimeZone, open.DurationMinutes, open.Estimate?.Price,
                open.Slots.Select(s => SlotDto.From(s, isStaff)).ToList())),
            OutsideServiceArea outside => Problems.Unprocessable("Outside the service area", outside.Message,
                new Dictionary<string, object?>
                {
                    ["distanceMiles"] = Math.Round(outside.DistanceMiles, 1),
                    ["radiusMiles"] = Math.Round(outside.RadiusMiles, 1),
                }),
            AvailabilityRefused { Errors: { } errors } => Problems.Invalid(errors),
            AvailabilityRefused { StatusCode: StatusCodes.Status404NotFound } refused => Problems.NotFound(refused.Detail),
            AvailabilityRefused { StatusCode: StatusCodes.Status503ServiceUnavailable } refused => Problems.PackUnavailable(refused.Detail),
            AvailabilityRefused refused => TypedResults.ValidationProblem(new Dictionary<string, string[]>(), refused.Detail, title: "Some fields need attention"),
            _ => throw new InvalidOperationException($"Unexpected availability answer {answer.GetType().Name}."),
        };
    }
}
