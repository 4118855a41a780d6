using Hangfire;
using ServicePro.Host.Jobs;
using ServicePro.Host.Messaging;

namespace ServicePro.Host.Bookings;

public static class NoticesExtensions
{
    /// <summary>Customer notices about bookings (reminders, on-my-way), rendered from the tenant's templates.</summary>
    public static WebApplicationBuilder AddBookingNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        builder.Services.AddSingleton<MessageRenderer>();
        builder.Services.AddScoped<BookingNotices>();
        builder.Services.AddScoped<ReminderSweep>();
        builder.Services.AddScoped<NoticeJobs>();
        builder.Services.AddScoped<NoticeRetries>();
        // Every minute, so a reminder is never more than a minute late.
        builder.Services.AddRecurringJob<NoticeJobs>(NoticeJobs.ReminderSweepJobId, j => j.SweepRemindersAsync(CancellationToken.None), Cron.Minutely());
        return builder;
    }
}
