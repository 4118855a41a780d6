using Hangfire;
using Microsoft.Extensions.Options;
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
        builder.Services.AddHostedService<ReminderSchedule>();
        return builder;
    }

    /// <summary>
    /// Puts the reminder sweep on Hangfire's recurring schedule when the host starts (after the migrations that
    /// install Hangfire's tables). AddOrUpdate is idempotent, so every instance may do it.
    /// </summary>
    private sealed class ReminderSchedule(IRecurringJobManager recurring, IOptions<NoticeOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate<NoticeJobs>(
                NoticeJobs.ReminderSweepJobId, j => j.SweepRemindersAsync(CancellationToken.None), options.Value.ReminderSweepCron, new RecurringJobOptions());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
