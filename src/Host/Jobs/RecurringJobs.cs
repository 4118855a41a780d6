using System.Linq.Expressions;
using Hangfire;

namespace ServicePro.Host.Jobs;

/// <summary>One recurring job a capability asked for.</summary>
public sealed record RecurringJobRegistration(string Id, Action<IRecurringJobManager> Register);

/// <summary>
/// Capabilities declare their recurring jobs (sweeps that turn database state into work) with
/// <see cref="AddRecurringJob{TJob}"/>; they are registered with Hangfire when the host starts, unless
/// <c>ServicePro:Jobs:RecurringEnabled</c> is false (tests call the sweeps directly instead).
/// </summary>
public static class RecurringJobs
{
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, Expression<Func<TJob, Task>> run, string cron) =>
        services.AddSingleton(new RecurringJobRegistration(id, manager => manager.AddOrUpdate(id, run, cron)));

    /// <summary>Registers (or removes) the recurring jobs in the job storage once the host has started, not before it
    /// answers: each one is a few writes under Hangfire's lock, and nothing is due in the first seconds anyway.</summary>
    internal sealed class Registrar(IEnumerable<RecurringJobRegistration> registrations, IRecurringJobManager manager, IConfiguration configuration)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            var enabled = configuration.GetValue("ServicePro:Jobs:RecurringEnabled", true);
            foreach (var registration in registrations)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                if (enabled)
                {
                    registration.Register(manager);
                }
                else
                {
                    manager.RemoveIfExists(registration.Id);
                }
            }
        }
    }
}
