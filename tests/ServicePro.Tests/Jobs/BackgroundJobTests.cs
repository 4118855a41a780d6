using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Identity;
using ServicePro.Host.Jobs;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Jobs;

public sealed class BackgroundJobTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task A_job_enqueued_on_PostgreSQL_storage_runs_on_the_hosts_job_server()
    {
        var marker = Guid.NewGuid().ToString("N");
        var ran = JobProbe.Expect(marker);

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => JobProbe.Run(marker));

        Assert.Equal(marker, await ran.WaitAsync(TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public async Task A_recurring_run_is_skipped_while_the_previous_run_of_the_same_job_still_goes()
    {
        var id = $"probe-{Guid.NewGuid():N}";
        var ran = JobProbe.Expect(id);
        var manager = (IRecurringJobManagerV2)app.Services.GetRequiredService<IRecurringJobManager>();
        var storage = app.Services.GetRequiredService<JobStorage>();
        manager.AddOrUpdate(id, () => JobProbe.Run(id), Cron.Never());
        try
        {
            using (var connection = storage.GetConnection())
            using (connection.AcquireDistributedLock(OneRunAtATime.Resource(id), TimeSpan.FromSeconds(5))) // the previous run, still going
            {
                var skipped = manager.TriggerJob(id);
                // Ended at once, in the state Hangfire gives a run a filter cancelled: not failed, so not retried.
                Assert.Equal("Deleted", await FinalStateAsync(storage, skipped));
                Assert.False(ran.IsCompleted, "the job ran beside its previous run");
            }

            manager.TriggerJob(id);
            Assert.Equal(id, await ran.WaitAsync(TimeSpan.FromSeconds(90)));
        }
        finally
        {
            manager.RemoveIfExists(id);
        }
    }

    private static Task<string?> FinalStateAsync(JobStorage storage, string jobId) =>
        Eventually.UntilAsync(
            () => Task.FromResult(storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault()?.StateName),
            state => state is "Succeeded" or "Failed" or "Deleted" or "Scheduled",
            $"Job {jobId} did not finish",
            TimeSpan.FromSeconds(90));

    [Fact]
    public async Task The_jobs_dashboard_is_for_operators_on_the_platform_address_only()
    {
        var tenant = await app.CreateTenantAsync();
        var email = $"jobs-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, IsPlatformOperator = true }, ServiceProApp.Password)).Succeeded);
        }

        var operatorClient = app.Platform();
        (await operatorClient.PostAsJsonAsync("/api/auth/sign-in", new { email, password = ServiceProApp.Password })).EnsureSuccessStatusCode();
        var dashboard = await operatorClient.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("ServicePro jobs", await dashboard.Content.ReadAsStringAsync());
        // Anonymous, the API key (the dashboard is a browser page) and a tenant's owner are all refused.
        foreach (var refused in new[] { app.Platform(), app.Operator(), tenant.Owner })
        {
            var status = (await refused.GetAsync(new Uri("/admin/jobs", UriKind.Relative))).StatusCode;
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {status}");
        }
    }
}

/// <summary>A job the tests enqueue; Hangfire runs it by type and method name, like any product job.</summary>
public static class JobProbe
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Waiting = new();

    public static Task<string> Expect(string marker) =>
        Waiting.GetOrAdd(marker, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Run(string marker)
    {
        if (Waiting.TryGetValue(marker, out var waiting))
        {
            waiting.TrySetResult(marker);
        }
    }
}
