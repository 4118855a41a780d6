using Hangfire;
using ServicePro.Host.Bookings;
using ServicePro.Host.Events;
using ServicePro.Host.Hosting;
using ServicePro.Host.Jobs;

namespace ServicePro.Host.Notices;

/// <summary>Customer notices about bookings (confirmation, reminders, on-my-way), rendered from the tenant's templates.</summary>
public sealed class NoticesModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        builder.Services.AddScoped<BookingNotices>();
        builder.Services.AddScoped<ReminderSweep>();
        builder.Services.AddScoped<NoticeJobs>();
        builder.Services.AddScoped<NoticeRetries>();
        builder.Services.AddScoped<IDomainEventHandler, BookingConfirmationTexts>();
        // Every minute, so a reminder is never more than a minute late.
        builder.Services.AddRecurringJob<NoticeJobs>(NoticeJobs.ReminderSweepJobId, j => j.SweepRemindersAsync(CancellationToken.None), Cron.Minutely());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapNoticeEndpoints();
}
