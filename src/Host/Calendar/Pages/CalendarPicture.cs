using System.Globalization;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Scheduling;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>Whether the calendar shows one day (a column per technician) or one technician's week (a column per day).</summary>
public enum CalendarView
{
    Day,
    Week,
}

/// <summary>A technician as the calendar draws them.</summary>
public sealed record CalendarTechnician(Guid Id, string Name, string Color);

/// <summary>A booking as the calendar draws it.</summary>
public sealed record CalendarBooking(
    Guid Id, Guid TechnicianId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingStatus Status, string CustomerName, string ServiceName);

/// <summary>Approved time off, in real time.</summary>
public sealed record CalendarTimeOff(Guid TechnicianId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason);

/// <summary>One weekly shift on the local clock.</summary>
public sealed record CalendarShift(Guid TechnicianId, DayOfWeek Weekday, TimeOnly Start, TimeOnly End);

/// <summary>
/// The hours the picture spans on the local wall clock, in minutes since midnight, always whole hours. Positions
/// are percentages of the span, so the stylesheet alone decides how tall an hour is.
/// </summary>
public sealed record TimeAxis(int StartMinute, int EndMinute)
{
    public int Hours => (EndMinute - StartMinute) / 60;

    /// <summary>The top of a moment <paramref name="minuteOfDay"/> minutes after local midnight, clamped to the span.</summary>
    public double Percent(double minuteOfDay) => Math.Clamp((minuteOfDay - StartMinute) / (EndMinute - StartMinute) * 100, 0, 100);

    /// <summary>The local hour marks drawn down the side, as minutes since midnight.</summary>
    public IEnumerable<int> HourMarks => Enumerable.Range(0, Hours).Select(h => StartMinute + h * 60);
}

/// <summary>A booking's block: where it sits in its column and which of the overlapping lanes it takes.</summary>
public sealed record CalendarBlock(CalendarBooking Booking, string TimeRange, string Color, string Ink, double Top, double Height, int Lane, int Lanes);

/// <summary>What a shaded stretch means.</summary>
public enum ShadeKind
{
    Closed,
    OffShift,
    Lunch,
    TimeOff,
}

/// <summary>A shaded stretch of a column (outside hours, lunch, time off), with the words that say what it is.</summary>
public sealed record CalendarShade(ShadeKind Kind, string Label, double Top, double Height);

/// <summary>One column of the picture: a technician on a day.</summary>
public sealed record CalendarColumn(
    CalendarTechnician Technician,
    DateOnly Date,
    bool IsToday,
    IReadOnlyList<CalendarBlock> Blocks,
    IReadOnlyList<CalendarShade> Shades,
    double? NowAt);

/// <summary>Everything the picture is drawn from, already loaded and in the tenant's zone.</summary>
public sealed record CalendarPictureInput(
    CalendarView View,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<CalendarTechnician> Technicians,
    IReadOnlyList<CalendarBooking> Bookings,
    IReadOnlyList<CalendarTimeOff> TimeOff,
    IReadOnlyList<CalendarShift> Shifts,
    SchedulingRules Rules,
    TimeZoneInfo Zone,
    DateTimeOffset Now);

/// <summary>
/// Lays a calendar out: the time axis, then per column the booking blocks, shading and the "now" line, all as
/// positions on the local wall clock. Pure, so the layout can be reasoned about without a browser.
/// </summary>
public static class CalendarPicture
{
    /// <summary>The span shown when nothing on the page says otherwise.</summary>
    private static readonly TimeAxis DefaultAxis = new(8 * 60, 18 * 60);

    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static (TimeAxis Axis, IReadOnlyList<CalendarColumn> Columns) Build(CalendarPictureInput input)
    {
        var holding = input.Bookings.Where(b => Booking.HoldingTime.Contains(b.Status)).ToList();
        var axis = AxisFor(input, holding);
        var today = LocalDates.Of(input.Now, input.Zone);
        var columns = new List<CalendarColumn>();
        foreach (var (technician, day) in input.View == CalendarView.Day
                     ? input.Technicians.Select(t => (t, input.Days[0]))
                     : input.Days.Select(d => (input.Technicians[0], d)))
        {
            columns.Add(new CalendarColumn(
                technician,
                day,
                day == today,
                Blocks(input, axis, technician, day, holding),
                Shades(input, axis, technician, day),
                day == today ? NowLine(input, axis, day) : null));
        }

        return (axis, columns);
    }

    /// <summary>"9:00 AM".</summary>
    public static string Clock(DateTime local) => local.ToString("h:mm tt", Us);

    /// <summary>"9:00 AM", from minutes since midnight.</summary>
    public static string Clock(int minuteOfDay) => Clock(DateTime.MinValue.AddMinutes(minuteOfDay));

    /// <summary>"9 AM", for the hour marks.</summary>
    public static string HourLabel(int minuteOfDay) => DateTime.MinValue.AddMinutes(minuteOfDay).ToString("h tt", Us);

    /// <summary>"9:00 – 10:30 AM", or "11:00 AM – 12:30 PM" across noon.</summary>
    public static string ClockRange(DateTime start, DateTime end) =>
        start.ToString("tt", Us) == end.ToString("tt", Us) && start.Date == end.Date
            ? $"{start.ToString("h:mm", Us)} – {Clock(end)}"
            : $"{Clock(start)} – {Clock(end)}";

    /// <summary>Opening hours and the bookings of the days shown, widened to whole hours; 8 AM to 6 PM when none. Shifts do
    /// not widen it: nothing is booked outside opening hours however long a technician works.</summary>
    private static TimeAxis AxisFor(CalendarPictureInput input, List<CalendarBooking> bookings)
    {
        var starts = new List<double>();
        var ends = new List<double>();
        foreach (var day in input.Days)
        {
            if (input.Rules.BusinessHours.TryGetValue(day.DayOfWeek, out var hours) && hours.End > hours.Start)
            {
                starts.Add(Minutes.OfDay(hours.Start));
                ends.Add(Minutes.OfDay(hours.End));
            }

            foreach (var booking in bookings)
            {
                var (start, end) = LocalSpan(input.Zone, day, booking.StartsAt, booking.EndsAt);
                if (end > 0 && start < Minutes.PerDay)
                {
                    starts.Add(Math.Max(start, 0));
                    ends.Add(Math.Min(end, Minutes.PerDay));
                }
            }
        }

        if (starts.Count == 0)
        {
            return DefaultAxis;
        }

        var first = (int)Math.Floor(starts.Min() / 60) * 60;
        var last = (int)Math.Ceiling(ends.Max() / 60) * 60;
        return new TimeAxis(first, Math.Max(last, first + 60));
    }

    private static List<CalendarBlock> Blocks(
        CalendarPictureInput input, TimeAxis axis, CalendarTechnician technician, DateOnly day, List<CalendarBooking> holding)
    {
        var placed = new List<(CalendarBooking Booking, double Start, double End)>();
        foreach (var booking in holding.Where(b => b.TechnicianId == technician.Id).OrderBy(b => b.StartsAt))
        {
            var (start, end) = LocalSpan(input.Zone, day, booking.StartsAt, booking.EndsAt);
            if (end > 0 && start < Minutes.PerDay)
            {
                placed.Add((booking, start, end));
            }
        }

        var color = BrandPalette.Normalize(technician.Color) ?? "#2563eb";
        var ink = BrandPalette.InkOn(color);
        var lanes = Lanes(placed.Select(p => (p.Start, p.End)).ToList());
        return placed.Select((p, i) =>
        {
            var top = axis.Percent(p.Start);
            var local = (Start: TimeZoneInfo.ConvertTime(p.Booking.StartsAt, input.Zone).DateTime, End: TimeZoneInfo.ConvertTime(p.Booking.EndsAt, input.Zone).DateTime);
            return new CalendarBlock(p.Booking, ClockRange(local.Start, local.End), color, ink, top, axis.Percent(p.End) - top, lanes[i].Lane, lanes[i].Of);
        }).ToList();
    }

    /// <summary>
    /// Side-by-side lanes for blocks that overlap (the database keeps a technician's active jobs apart, but a
    /// picture must not hide one behind another if they ever meet): each block takes the first free lane, and
    /// every block in a run of overlapping blocks is as narrow as that run needs.
    /// </summary>
    private static List<(int Lane, int Of)> Lanes(List<(double Start, double End)> spans)
    {
        var result = new List<(int Lane, int Of)>(spans.Count);
        var runStart = 0;
        var runEnd = double.MinValue;
        var laneEnds = new List<double>();
        for (var i = 0; i <= spans.Count; i++)
        {
            if (i == spans.Count || spans[i].Start >= runEnd)
            {
                for (var j = runStart; j < i; j++)
                {
                    result[j] = (result[j].Lane, laneEnds.Count);
                }

                if (i == spans.Count)
                {
                    break;
                }

                runStart = i;
                laneEnds.Clear();
            }

            var lane = laneEnds.FindIndex(end => end <= spans[i].Start);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(spans[i].End);
            }
            else
            {
                laneEnds[lane] = spans[i].End;
            }

            result.Add((lane, 0));
            runEnd = Math.Max(runEnd, spans[i].End);
        }

        return result;
    }

    private static List<CalendarShade> Shades(CalendarPictureInput input, TimeAxis axis, CalendarTechnician technician, DateOnly day)
    {
        var shades = new List<CalendarShade>();
        void Add(ShadeKind kind, string label, double start, double end)
        {
            var top = axis.Percent(start);
            var bottom = axis.Percent(end);
            if (bottom > top)
            {
                shades.Add(new CalendarShade(kind, label, top, bottom - top));
            }
        }

        var rules = input.Rules;
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (!rules.BusinessHours.TryGetValue(day.DayOfWeek, out var hours) || hours.End <= hours.Start || (weekend && !rules.AllowWeekendBookings))
        {
            Add(ShadeKind.Closed, "Closed all day", axis.StartMinute, axis.EndMinute);
        }
        else
        {
            var (open, close) = (Minutes.OfDay(hours.Start), Minutes.OfDay(hours.End));
            Add(ShadeKind.Closed, $"Closed until {Clock(open)}", axis.StartMinute, open);
            Add(ShadeKind.Closed, $"Closed from {Clock(close)}", close, axis.EndMinute);
            // As the availability engine sees it: open hours outside the technician's shifts that day (all of them when
            // the day has none) take no jobs.
            var free = (double)open;
            foreach (var shift in input.Shifts.Where(s => s.TechnicianId == technician.Id && s.Weekday == day.DayOfWeek && s.End > s.Start)
                         .OrderBy(s => s.Start))
            {
                Add(ShadeKind.OffShift, "Off shift", free, Math.Min(Minutes.OfDay(shift.Start), close));
                free = Math.Max(free, Minutes.OfDay(shift.End));
            }

            Add(ShadeKind.OffShift, free <= open ? "Off shift all day" : "Off shift", free, close);
            if (rules.LunchBreakEnabled)
            {
                var lunch = Minutes.OfDay(rules.LunchStart);
                Add(ShadeKind.Lunch, $"Lunch {Clock(lunch)} – {Clock(lunch + rules.LunchMinutes)}", lunch, lunch + rules.LunchMinutes);
            }
        }

        foreach (var off in input.TimeOff.Where(t => t.TechnicianId == technician.Id))
        {
            var (start, end) = LocalSpan(input.Zone, day, off.StartsAt, off.EndsAt);
            if (end > 0 && start < Minutes.PerDay)
            {
                Add(ShadeKind.TimeOff, string.IsNullOrWhiteSpace(off.Reason) ? "Time off" : $"Time off: {off.Reason.Trim()}", start, end);
            }
        }

        return shades;
    }

    private static double? NowLine(CalendarPictureInput input, TimeAxis axis, DateOnly day)
    {
        var minute = LocalSpan(input.Zone, day, input.Now, input.Now).Start;
        return minute >= axis.StartMinute && minute <= axis.EndMinute ? axis.Percent(minute) : null;
    }

    /// <summary>Where a stretch of real time falls on a local day's wall clock, as minutes since that day's midnight
    /// (negative or past 1440 when it starts or ends on another day).</summary>
    private static (double Start, double End) LocalSpan(TimeZoneInfo zone, DateOnly day, DateTimeOffset start, DateTimeOffset end)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return ((TimeZoneInfo.ConvertTime(start, zone).DateTime - midnight).TotalMinutes,
            (TimeZoneInfo.ConvertTime(end, zone).DateTime - midnight).TotalMinutes);
    }
}
