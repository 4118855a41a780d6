using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Onboarding;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Onboarding;

/// <summary>An A2P edit the server cannot take is refused before anything is saved: no draft, no audit entry.</summary>
public sealed class A2pValidationTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    public static TheoryData<string> MalformedBodies => new()
    {
        """{"description": null}""",
        """{"messageSamples": null}""",
        """{"messageSamples": ["Brand: a sample long enough. Reply STOP", null]}""",
        """{"helpMessage": "Help\u0000me"}""",
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_null_in_the_campaign_is_a_400_problem_and_changes_nothing(string body)
    {
        var tenant = await app.CreateTenantAsync();
        var before = await CountsAsync(tenant.Slug);
        Assert.Equal(0, before.Registrations); // so this edit would be the first visit, which drafts and saves

        var response = await tenant.Owner.PutAsync(new Uri("/api/onboarding/a2p", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
        Assert.Equal(before, await CountsAsync(tenant.Slug));
    }

    private Task<(int Registrations, int AuditEntries)> CountsAsync(string slug) =>
        app.InTenantAsync(slug, async db => (await db.A2pRegistrations.CountAsync(), await db.AuditLog.CountAsync()));
}
