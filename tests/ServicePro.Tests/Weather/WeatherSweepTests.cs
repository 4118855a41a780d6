using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Weather;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Weather;

/// <summary>The recurring sweep through Hangfire, on a host of its own so its per-tenant jobs meet no other test.</summary>
public sealed class WeatherSweepTests(WeatherApp app) : IClassFixture<WeatherApp>
{
    [Fact]
    public async Task The_sweep_queues_a_check_for_each_live_tenant_that_runs_in_the_background()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        // Sweeps visit live tenants (Jobs/TenantJobScopes); a tenant made through the platform API is still onboarding.
        await app.InTenantAsync(null, db => db.Tenants.Where(t => t.Id == world.TenantId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TenantStatus.Active)));

        await app.Services.GetRequiredService<WeatherJobs>().SweepAsync(CancellationToken.None);

        await Eventually.UntilAsync(async () => (await world.RisksAsync()).Count > 0, "The queued weather check did not run");

        var risk = Assert.Single(await world.RisksAsync());
        Assert.Equal((bookingId, WeatherRiskStatus.AtRisk), (risk.BookingId, risk.Status));
    }
}
