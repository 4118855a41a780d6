using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Series;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>Recurring series over the real host and PostgreSQL: generation ahead, skips, moves, conflicts, the job and the flag.</summary>
public sealed class SeriesApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    private static readonly object EveryMonday = new { kind = "weekly", weekdays = new[] { "monday" } };

    private static RecurrencePattern Mondays => new() { Kind = RecurrenceKind.Weekly, Weekdays = [DayOfWeek.Monday] };

    private static List<DateOnly> FourMondaysFrom(DateOnly first) => Enumerable.Range(0, 4).Select(w => first.AddDays(7 * w)).ToList();

    private static string Path(Guid seriesId, DateOnly date, string action) => $"/api/series/{seriesId}/occurrences/{date:yyyy-MM-dd}/{action}";

    [Fact]
    public async Task A_weekly_series_books_each_date_at_its_local_time_with_its_technician()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);

        var created = await scene.CreateSeriesAsync(EveryMonday, first, first.AddDays(27));
        await scene.GenerateAsync();

        var series = await scene.GetAsync(created.Id);
        Assert.Equal("active", created.Status);
        Assert.Equal(FourMondaysFrom(first), series.Occurrences!.Select(o => o.Date));
        Assert.All(series.Occurrences!, o => Assert.Equal(("booked", "confirmed"), (o.State, o.BookingStatus)));
        Assert.Equal(first.AddDays(27), series.GeneratedThrough);
        Assert.Equal(0, series.UpcomingConflicts);
        var bookings = await scene.SeriesBookingsAsync(created.Id);
        Assert.Equal(FourMondaysFrom(first), bookings.Select(b => b.OccurrenceDate!.Value));
        Assert.All(bookings, b =>
        {
            Assert.Equal(SeriesScene.At(b.OccurrenceDate!.Value, 9), b.StartsAt);
            Assert.Equal(TimeSpan.FromMinutes(60), b.EndsAt - b.StartsAt);
            Assert.Equal((scene.AnaId, "series", "Side gate code 4412"), (b.TechnicianId, b.Source, b.Notes));
        });
    }

    [Fact]
    public async Task Every_two_weeks_on_two_weekdays_books_alternate_weeks()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var tuesday = SeriesScene.NextWeekday(DayOfWeek.Tuesday);

        var created = await scene.CreateSeriesAsync(new { kind = "weekly", intervalWeeks = 2, weekdays = new[] { "thursday", "tuesday" } },
            tuesday, tuesday.AddDays(30));
        await scene.GenerateAsync();

        Assert.Equal(new RecurrencePatternDto("weekly", 2, ["tuesday", "thursday"]).Weekdays, created.Pattern.Weekdays);
        Assert.Equal([tuesday, tuesday.AddDays(2), tuesday.AddDays(14), tuesday.AddDays(16), tuesday.AddDays(28), tuesday.AddDays(30)],
            (await scene.SeriesBookingsAsync(created.Id)).Select(b => b.OccurrenceDate!.Value));
    }

    [Fact]
    public async Task Generating_again_or_several_times_at_once_books_each_date_once()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var created = await scene.CreateSeriesAsync(EveryMonday, first, first.AddDays(27));

        // Four sweeps at once (and the creation job, which may be running too), then one more.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scene.GenerateAsync()));
        Assert.Equal(0, await scene.GenerateAsync());

        var bookings = await scene.SeriesBookingsAsync(created.Id);
        Assert.Equal(FourMondaysFrom(first), bookings.Select(b => b.OccurrenceDate!.Value));
        Assert.All(bookings, b => Assert.Equal(BookingStatus.Confirmed, b.Status));
        var series = await scene.GetAsync(created.Id);
        Assert.Equal(FourMondaysFrom(first), series.Occurrences!.Select(o => o.Date));
        Assert.All(series.Occurrences!, o => Assert.Equal("booked", o.State));
    }

    [Fact]
    public async Task A_skipped_date_has_its_booking_cancelled_and_is_never_booked_again()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var dates = FourMondaysFrom(first);
        var seriesId = await scene.InsertSeriesAsync(Mondays, first, dates[^1]);

        // The third date is skipped before it is ever booked; the second once it is.
        var early = await scene.Owner.PostAsync(Path(seriesId, dates[2], "skip"), null);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        await scene.GenerateAsync();
        var secondBooking = (await scene.GetAsync(seriesId)).Occurrences!.Single(o => o.Date == dates[1]).BookingId!.Value;
        var skipped = await scene.Owner.PostAsJsonAsync(Path(seriesId, dates[1], "skip"), new { reason = "no_longer_needed", feedback = "Away that week" });
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);

        // Generation from scratch brings neither back.
        await app.InTenantAsync(scene.Tenant.Slug, db => db.BookingSeries.Where(s => s.Id == seriesId).ExecuteUpdateAsync(s => s.SetProperty(x => x.GeneratedThrough, (DateOnly?)null)));
        Assert.Equal(0, await scene.GenerateAsync());

        var series = await scene.GetAsync(seriesId);
        Assert.Equal(["booked", "skipped", "skipped", "booked"], series.Occurrences!.Select(o => o.State));
        Assert.Null(series.Occurrences![2].BookingId);
        Assert.Equal((secondBooking, "cancelled"), (series.Occurrences[1].BookingId!.Value, series.Occurrences[1].BookingStatus));
        var bookings = await scene.SeriesBookingsAsync(seriesId);
        Assert.Equal([dates[0], dates[1], dates[3]], bookings.Select(b => b.OccurrenceDate!.Value));
        var cancelled = bookings.Single(b => b.Id == secondBooking);
        Assert.Equal(("no_longer_needed", "Away that week"), (cancelled.CancellationReason, cancelled.CancellationFeedback));
        Assert.Equal(2, await app.InTenantAsync(scene.Tenant.Slug, db => db.AuditLog.CountAsync(a => a.Action == "series.occurrence_skipped")));

        // Asking again changes nothing; a day that is not a date of the series is not found.
        Assert.Equal(HttpStatusCode.OK, (await scene.Owner.PostAsync(Path(seriesId, dates[1], "skip"), null)).StatusCode);
        await (await scene.Owner.PostAsync(Path(seriesId, dates[1].AddDays(1), "skip"), null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Moving_one_date_keeps_the_rest_of_the_series_as_it_was()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var dates = FourMondaysFrom(first);
        var created = await scene.CreateSeriesAsync(EveryMonday, first, dates[^1]);
        await scene.GenerateAsync();

        var moved = await scene.Owner.PostAsJsonAsync(Path(created.Id, dates[1], "move"), new { startsAt = SeriesScene.At(dates[1].AddDays(1), 13, 30) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await app.InTenantAsync(scene.Tenant.Slug, db => db.BookingSeries.Where(s => s.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.GeneratedThrough, (DateOnly?)null)));
        await scene.GenerateAsync();

        var series = await scene.GetAsync(created.Id);
        Assert.Equal(["booked", "moved", "booked", "booked"], series.Occurrences!.Select(o => o.State));
        Assert.Equal(SeriesScene.At(dates[1].AddDays(1), 13, 30), series.Occurrences![1].StartsAt);
        var bookings = await scene.SeriesBookingsAsync(created.Id);
        Assert.Equal(4, bookings.Count);
        Assert.All(bookings.Where(b => b.OccurrenceDate != dates[1]), b => Assert.Equal(SeriesScene.At(b.OccurrenceDate!.Value, 9), b.StartsAt));
        Assert.Equal(1, await app.InTenantAsync(scene.Tenant.Slug, db => db.AuditLog.CountAsync(a => a.Action == "series.occurrence_moved")));
    }

    [Fact]
    public async Task A_date_taken_by_another_job_is_reported_as_a_conflict_with_the_reason_and_later_dates_are_still_booked()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var dates = FourMondaysFrom(first);
        var other = await scene.Owner.PostAsJsonAsync("/api/bookings", new
        {
            customerId = scene.CustomerId,
            serviceId = scene.ServiceId,
            technicianId = scene.AnaId,
            startsAt = SeriesScene.At(dates[1], 9),
            durationMinutes = 60,
        });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        var created = await scene.CreateSeriesAsync(EveryMonday, first, dates[^1]);
        await scene.GenerateAsync();

        var series = await scene.GetAsync(created.Id);
        Assert.Equal(["booked", "conflict", "booked", "booked"], series.Occurrences!.Select(o => o.State));
        var conflict = series.Occurrences![1];
        Assert.Null(conflict.BookingId);
        Assert.StartsWith("Ana is booked 9:00 AM–10:00 AM.", conflict.Detail);
        Assert.Contains("Nearest open time:", conflict.Detail);
        Assert.Equal(1, series.UpcomingConflicts);
        var listed = await scene.Owner.GetFromJsonAsync<List<SeriesDto>>("/api/series");
        Assert.Equal(1, listed!.Single(s => s.Id == created.Id).UpcomingConflicts);

        // A person books the conflicting date at another time: the 30 minutes between jobs make 10:30 the first that fits.
        var moved = await scene.Owner.PostAsJsonAsync(Path(created.Id, dates[1], "move"), new { startsAt = SeriesScene.At(dates[1], 10, 30) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var resolved = (await moved.Content.ReadFromJsonAsync<SeriesDto>())!.Occurrences![1];
        Assert.Equal(("booked", "confirmed", SeriesScene.At(dates[1], 10, 30)), (resolved.State, resolved.BookingStatus, resolved.StartsAt!.Value));
        Assert.Equal(0, (await scene.GetAsync(created.Id)).UpcomingConflicts);
    }

    [Fact]
    public async Task Monthly_on_the_last_friday_books_the_last_fridays_ahead()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var startsOn = SeriesScene.Today.AddDays(2);
        var endsOn = SeriesScene.Today.AddDays(SeriesScheduler.HorizonDays - 1);

        var created = await scene.CreateSeriesAsync(new { kind = "monthly_by_weekday", weekOfMonth = -1, weekday = "friday" }, startsOn, endsOn);
        await scene.GenerateAsync();

        var expected = Enumerable.Range(0, endsOn.DayNumber - startsOn.DayNumber + 1).Select(startsOn.AddDays)
            .Where(d => d.DayOfWeek == DayOfWeek.Friday && d.AddDays(7).Month != d.Month).ToList();
        Assert.NotEmpty(expected);
        var series = await scene.GetAsync(created.Id);
        Assert.Equal(expected, series.Occurrences!.Select(o => o.Date));
        Assert.All(series.Occurrences!, o => Assert.Equal("booked", o.State));
    }

    [Fact]
    public async Task An_explicit_list_of_dates_books_those_dates_once_each_in_order()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var wednesday = SeriesScene.NextWeekday(DayOfWeek.Wednesday);
        var (a, b, c) = (wednesday, wednesday.AddDays(8), wednesday.AddDays(22));

        var created = await scene.CreateSeriesAsync(new { kind = "dates", dates = new[] { c, a, b, a } }, null, null);
        await scene.GenerateAsync();

        Assert.Equal([a, b, c], created.Pattern.Dates);
        Assert.Equal((a, (DateOnly?)c), (created.StartsOn, created.EndsOn));
        Assert.Equal([a, b, c], (await scene.SeriesBookingsAsync(created.Id)).Select(x => x.OccurrenceDate!.Value));
    }

    [Fact]
    public async Task Ending_a_series_cancels_its_later_bookings_and_books_nothing_more()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var dates = FourMondaysFrom(first);
        var created = await scene.CreateSeriesAsync(EveryMonday, first, null);
        await scene.GenerateAsync();

        var ended = await scene.Owner.PostAsJsonAsync($"/api/series/{created.Id}/end", new { endsOn = dates[1] });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        await scene.GenerateAsync();

        var series = await scene.GetAsync(created.Id);
        Assert.Equal(("ended", (DateOnly?)dates[1]), (series.Status, series.EndsOn));
        Assert.Equal(["booked", "booked"], series.Occurrences!.Take(2).Select(o => o.State));
        Assert.All(series.Occurrences!.Skip(2), o => Assert.Equal(("skipped", "cancelled"), (o.State, o.BookingStatus)));
        var bookings = await scene.SeriesBookingsAsync(created.Id);
        Assert.All(bookings.Where(b => b.OccurrenceDate > dates[1]), b => Assert.Equal(CancellationReasons.BusinessCancelled, b.CancellationReason));
        Assert.Equal(series.Occurrences!.Count, bookings.Count);
        await (await scene.Owner.PostAsJsonAsync($"/api/series/{created.Id}/end", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await scene.Owner.PostAsync(new Uri($"/api/series/{created.Id}/resume", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_date_booked_past_the_end_by_a_run_that_raced_the_ending_is_cancelled_by_the_next_sweep()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var dates = FourMondaysFrom(first);
        var seriesId = await scene.InsertSeriesAsync(Mondays, first, dates[^1]);
        await scene.GenerateAsync();

        // As if the series had ended after the third date while that run was booking the fourth.
        await app.InTenantAsync(scene.Tenant.Slug, db => db.BookingSeries.Where(s => s.Id == seriesId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndsOn, dates[2]).SetProperty(x => x.Status, SeriesStatus.Ended)));
        await scene.GenerateAsync();

        var series = await scene.GetAsync(seriesId);
        Assert.Equal(["booked", "booked", "booked", "skipped"], series.Occurrences!.Select(o => o.State));
        Assert.Equal(("cancelled", SeriesScheduler.SeriesEnded), (series.Occurrences![3].BookingStatus, series.Occurrences[3].Detail));
    }

    [Fact]
    public async Task A_paused_series_books_nothing_until_it_is_resumed()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var seriesId = await scene.InsertSeriesAsync(Mondays, first, first.AddDays(27));

        Assert.Equal(HttpStatusCode.OK, (await scene.Owner.PostAsync(new Uri($"/api/series/{seriesId}/pause", UriKind.Relative), null)).StatusCode);
        Assert.Equal(0, await scene.GenerateAsync());
        Assert.Empty(await scene.SeriesBookingsAsync(seriesId));

        var resumed = await scene.Owner.PostAsync(new Uri($"/api/series/{seriesId}/resume", UriKind.Relative), null);
        Assert.Equal("active", (await resumed.Content.ReadFromJsonAsync<SeriesDto>())!.Status);
        await scene.GenerateAsync();
        Assert.Equal(FourMondaysFrom(first), (await scene.SeriesBookingsAsync(seriesId)).Select(b => b.OccurrenceDate!.Value));
        Assert.Equal(["series.paused", "series.resumed"], await app.InTenantAsync(scene.Tenant.Slug, db =>
            db.AuditLog.Where(a => a.EntityId == seriesId.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_created()
    {
        var scene = await SeriesScene.CreateAsync(app);
        var monday = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var cases = new (string Field, Action<Dictionary<string, object?>> Change)[]
        {
            ("pattern.intervalWeeks", r => r["pattern"] = new { kind = "weekly", intervalWeeks = 13, weekdays = new[] { "monday" } }),
            ("pattern.weekdays", r => r["pattern"] = new { kind = "weekly", weekdays = Array.Empty<string>() }),
            ("pattern.weekdays", r => r["pattern"] = new { kind = "weekly", weekdays = new[] { "mon" } }),
            ("pattern.dayOfMonth", r => r["pattern"] = new { kind = "monthly_by_day", dayOfMonth = 32 }),
            ("pattern.weekOfMonth", r => r["pattern"] = new { kind = "monthly_by_weekday", weekOfMonth = 6, weekday = "friday" }),
            ("pattern.dates", r => r["pattern"] = new { kind = "dates", dates = Array.Empty<DateOnly>() }),
            ("pattern.dates", r => r["pattern"] = new { kind = "dates", dates = new[] { SeriesScene.Today.AddYears(3) } }),
            ("pattern.dates", r => r["pattern"] = new { kind = "dates", dates = Enumerable.Range(1, 101).Select(SeriesScene.Today.AddDays).ToArray() }),
            ("pattern.kind", r => r["pattern"] = new { kind = "yearly" }),
            ("pattern", r => r["pattern"] = null),
            ("localStartTime", r => r["localStartTime"] = "9am"),
            ("durationMinutes", r => r["durationMinutes"] = 3),
            ("durationMinutes", r => r["durationMinutes"] = 1441),
            ("startsOn", r => r["startsOn"] = SeriesScene.Today.AddDays(-1)),
            ("endsOn", r => r["endsOn"] = monday.AddDays(-1)),
            ("customerId", r => r["customerId"] = Guid.NewGuid()),
            ("serviceId", r => r["serviceId"] = null),
            ("technicianId", r => r["technicianId"] = Guid.NewGuid()),
        };

        foreach (var (field, change) in cases)
        {
            var request = new Dictionary<string, object?>
            {
                ["customerId"] = scene.CustomerId,
                ["serviceId"] = scene.ServiceId,
                ["technicianId"] = scene.AnaId,
                ["pattern"] = EveryMonday,
                ["localStartTime"] = "09:00",
                ["durationMinutes"] = 60,
                ["startsOn"] = monday,
            };
            change(request);
            var problem = await (await scene.Owner.PostAsJsonAsync("/api/series", request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
        }

        Assert.Equal((0, 0, 0), await app.InTenantAsync(scene.Tenant.Slug, async db =>
            (await db.BookingSeries.CountAsync(), await db.Bookings.CountAsync(), await db.AuditLog.CountAsync(a => a.Action.StartsWith("series.")))));
    }

    [Fact]
    public async Task With_the_flag_off_the_endpoints_are_refused_and_the_sweep_books_nothing_for_that_tenant()
    {
        var on = await SeriesScene.CreateAsync(app);
        var off = await SeriesScene.CreateAsync(app);
        var first = SeriesScene.NextWeekday(DayOfWeek.Monday);
        var onSeries = await on.InsertSeriesAsync(Mondays, first, first.AddDays(27));
        var offSeries = await off.InsertSeriesAsync(Mondays, first, first.AddDays(27));
        await off.SetFlagAsync(false);

        await (await off.Owner.GetAsync(new Uri("/api/series", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await off.Owner.PostAsJsonAsync("/api/series", off.Request(EveryMonday, first, null))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await off.Owner.PostAsync(Path(offSeries, first, "skip"), null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await app.Services.GetRequiredService<SeriesJobs>().SweepAsync(CancellationToken.None);

        Assert.Equal(FourMondaysFrom(first), (await on.SeriesBookingsAsync(onSeries)).Select(b => b.OccurrenceDate!.Value));
        Assert.Empty(await off.SeriesBookingsAsync(offSeries));
        Assert.Equal(1, await app.InTenantAsync(off.Tenant.Slug, db => db.BookingSeries.CountAsync()));
    }
}
