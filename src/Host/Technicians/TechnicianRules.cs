using ServicePro.Host.Customers;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Technicians;

/// <summary>The checks on what a business says about its technicians that need no database. Errors are keyed by
/// field, ready for ProblemDetails.</summary>
public static partial class TechnicianRules
{
    /// <summary>Split shifts are fine; more than this in one day is almost surely a mistake.</summary>
    public const int MaxShiftsPerDay = 4;

    /// <summary>Longer absences are leave, not time off, and should be arranged with the owner directly.</summary>
    public const int MaxTimeOffDays = 60;

    public const int MaxNoteLength = 500;

    private static readonly Dictionary<string, DayOfWeek> WeekdaysByName =
        Enum.GetValues<DayOfWeek>().ToDictionary(d => WeekdayName(d));

    /// <summary>"monday" ... "sunday", as business hours name them.</summary>
    public static string WeekdayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>Monday first, as the week reads in the admin UI.</summary>
    public static int WeekOrder(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>Checks a profile; the phone comes back in E.164 when one was given and is valid.</summary>
    public static (string? Phone, Dictionary<string, string[]> Errors) CheckProfile(TechnicianRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        // The shape of each field (length, phone, e-mail, colour, coordinates) was checked by the request's attributes.
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["Enter the technician's name."];
        }

        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : PhoneRules.ToE164(request.Phone);
        GeoRules.CheckPair(request.HomeBaseLat, request.HomeBaseLng, "homeBaseLat", "homeBaseLng", errors);
        return (phone, errors);
    }

    /// <summary>Checks a whole weekly schedule: valid days and times, each shift within one day, and per day no
    /// overlaps and at most <see cref="MaxShiftsPerDay"/>. Touching shifts (08:00–12:00, 12:00–16:00) are allowed.</summary>
    public static (List<(DayOfWeek Day, TimeOnly Start, TimeOnly End)> Shifts, Dictionary<string, string[]> Errors) CheckShifts(
        IReadOnlyList<ShiftInput?> input)
    {
        var errors = new Dictionary<string, string[]>();
        var shifts = new List<(DayOfWeek Day, TimeOnly Start, TimeOnly End)>();
        for (var i = 0; i < input.Count; i++)
        {
            var shift = input[i];
            if (shift?.Weekday is null || !WeekdaysByName.TryGetValue(shift.Weekday.Trim().ToLowerInvariant(), out var day))
            {
                errors[$"shifts[{i}].weekday"] = ["Use a weekday name, monday to sunday."];
                continue;
            }

            if (!SchedulingSettingsRules.TryParseClock(shift.Start, out var start) || !SchedulingSettingsRules.TryParseClock(shift.End, out var end))
            {
                errors[$"shifts[{i}]"] = ["Use 24-hour times such as 08:00 and 17:30."];
            }
            else if (end <= start)
            {
                // A night shift would belong to two days; the engine reads shifts within one local day.
                errors[$"shifts[{i}]"] = ["A shift ends after it starts, on the same day (no shifts across midnight)."];
            }
            else
            {
                shifts.Add((day, start, end));
            }
        }

        foreach (var day in shifts.GroupBy(s => s.Day))
        {
            var ordered = day.OrderBy(s => s.Start).ToList();
            if (ordered.Count > MaxShiftsPerDay)
            {
                errors[$"shifts.{WeekdayName(day.Key)}"] = [$"At most {MaxShiftsPerDay} shifts a day."];
            }
            else
            {
                // Sorted by start, any overlap shows between neighbours.
                for (var k = 1; k < ordered.Count; k++)
                {
                    var (before, after) = (ordered[k - 1], ordered[k]);
                    if (after.Start < before.End)
                    {
                        errors[$"shifts.{WeekdayName(day.Key)}"] =
                            [$"Shifts overlap: {before.Start:HH:mm}–{before.End:HH:mm} and {after.Start:HH:mm}–{after.End:HH:mm}."];
                        break;
                    }
                }
            }
        }

        return (shifts, errors);
    }

    public static Dictionary<string, string[]> CheckTimeOff(NewTimeOffRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.StartsAt is null)
        {
            errors["startsAt"] = ["Say when the time off starts."];
        }

        if (request.EndsAt is null)
        {
            errors["endsAt"] = ["Say when the time off ends."];
        }
        else if (request.StartsAt is { } starts && request.EndsAt <= starts)
        {
            errors["endsAt"] = ["The time off must end after it starts."];
        }
        else if (request.StartsAt is { } from && request.EndsAt - from > TimeSpan.FromDays(MaxTimeOffDays))
        {
            errors["endsAt"] = [$"Time off can be at most {MaxTimeOffDays} days; ask for longer leave in parts or talk to the owner."];
        }

        return errors;
    }
}
