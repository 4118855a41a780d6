using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Identity;

public sealed class CustomerInputTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Theory]
    [InlineData("""{"name":"","phone":"+19185550123"}""", "name")]
    [InlineData("""{"name":"Pat","phone":"555"}""", "phone")]
    [InlineData("""{"name":"Pat","phone":"+19185550123","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"Pat","phone":"+19185550123","smsConsent":true}""", "smsConsentSource")]
    public async Task Bad_customer_input_is_a_validation_problem_and_writes_nothing(string body, string field)
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Owner.PostAsync(new Uri("/api/customers", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/customers"))!);
    }

    [Fact]
    public async Task SMS_consent_is_recorded_with_its_source_and_time_and_phones_are_normalized()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/customers",
            new { name = "Casey Consent", phone = "(918) 555-0142", smsConsent = true, smsConsentSource = "booking_form" });
        var customer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("+19185550142", customer.GetProperty("phone").GetString());
        Assert.True(customer.GetProperty("smsConsent").GetBoolean());
        Assert.Equal("booking_form", customer.GetProperty("smsConsentSource").GetString());
        Assert.True(customer.GetProperty("smsConsentAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Racing_requests_for_the_same_phone_create_one_customer_and_the_rest_get_409()
    {
        var tenant = await app.CreateTenantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            tenant.Owner.PostAsJsonAsync("/api/customers", new { name = $"Racer {i}", phone = "+19185550999" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/customers"))!);
    }
}
