using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Validation;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Validation;

/// <summary>
/// The shared rules at the edge: contact data is valid or refused with one rule each wherever it enters, dates stay
/// between 2000 and 2099, text holds no control characters; each refusal is a field-level 400 in words, before
/// anything is saved.
/// </summary>
public sealed class RequestValidationTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Theory]
    [InlineData("owner.email", "not-an-address")]
    [InlineData("owner.email", "two@@example.com")]
    [InlineData("phone", "+1")]
    [InlineData("phone", "555")]
    [InlineData("primaryColor", "#12345")]
    [InlineData("slug", "Acme Lawn")]
    [InlineData("name", "Acme\u0000Lawn")]
    public async Task The_operator_api_refuses_bad_contact_data_field_by_field_and_creates_nothing(string field, string value)
    {
        var slug = "v-" + Guid.NewGuid().ToString("N")[..10];
        var body = new Dictionary<string, object?>
        {
            ["slug"] = slug,
            ["name"] = "Acme Lawn",
            ["industry"] = "lawn_care",
            ["phone"] = "(918) 555-0142",
            ["owner"] = new Dictionary<string, object?> { ["email"] = $"owner@{slug}.example.com", ["password"] = ServiceProApp.Password },
        };
        if (field.StartsWith("owner.", StringComparison.Ordinal))
        {
            ((Dictionary<string, object?>)body["owner"]!)["email"] = value;
        }
        else
        {
            body[field] = value;
        }

        var response = await app.Operator().PostAsJsonAsync("/api/platform/tenants", body);

        var errors = await Problems.FieldErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {string.Join(", ", errors.Keys)}");
        Assert.DoesNotContain("field is", errors[field][0], StringComparison.Ordinal);
        Assert.False(await app.InTenantAsync(null, db => db.Tenants.AnyAsync(t => t.Slug == slug)));
    }

    [Fact]
    public async Task A_phone_number_written_any_common_way_is_stored_in_E164()
    {
        var scene = await TenantScene.CreateAsync(app);

        var created = await scene.Owner.PostAsJsonAsync("/api/customers", new { name = "Dana Reyes", phone = "(918) 555-0187" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("+19185550187", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("{\"startsAt\":\"9999-12-31T23:00:00+00:00\"}")]
    [InlineData("{\"startsAt\":\"0001-01-01T00:00:00+00:00\"}")]
    [InlineData("{}")]
    public async Task A_reschedule_to_a_date_outside_2000_to_2099_is_refused_on_its_field(string body)
    {
        var scene = await TenantScene.CreateAsync(app);
        var technician = await scene.TechnicianAsync("Sam", new TimeOnly(8, 0), new TimeOnly(17, 0));
        var customer = await scene.CustomerAsync("Lee");
        var service = await scene.ServiceAsync();
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(15), TimeSpan.Zero);
        var booking = await scene.BookingAsync(technician.Id, customer.Id, service.Id, startsAt, TimeSpan.FromHours(1));

        var response = await scene.Owner.PostAsync($"/api/bookings/{booking.Id}/reschedule", new StringContent(body, Encoding.UTF8, "application/json"));

        var errors = await Problems.FieldErrorsAsync(response);
        Assert.Equal([DateRules.Message], errors["startsAt"]);
        Assert.Equal(booking.StartsAt, await app.InTenantAsync(scene.Slug, db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task A_control_character_in_a_name_is_refused_but_line_breaks_in_a_description_are_kept()
    {
        var scene = await TenantScene.CreateAsync(app);

        var bell = await scene.Owner.PostAsJsonAsync("/api/services", new { name = "Edge\u0007 trim", priceMin = 10, priceMax = 20, durationMinutes = 30 });
        var lines = await scene.Owner.PostAsJsonAsync("/api/services", new { name = "Edge trim", description = "Front yard.\nBack yard.", priceMin = 10, priceMax = 20, durationMinutes = 30 });

        Assert.Contains("name", (await Problems.FieldErrorsAsync(bell)).Keys);
        Assert.Equal(HttpStatusCode.Created, lines.StatusCode);
        Assert.Equal("Front yard.\nBack yard.", (await lines.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("+19185550123", "+19185550123")]
    [InlineData("918-555-0123", "+19185550123")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+1", null)]
    [InlineData("12345", null)]
    [InlineData("+1 000 555 0123", null)]
    public void Phone_numbers_are_checked_by_their_country_and_given_in_E164(string input, string? expected) =>
        Assert.Equal(expected, PhoneRules.ToE164(input));

    [Theory]
    [InlineData("pat@example.com", true)]
    [InlineData(" pat@example.com ", true)]
    [InlineData("pat.example.com", false)]
    [InlineData("pat@example", false)]
    [InlineData("pat@exa mple.com", false)]
    [InlineData("pat@@example.com", false)]
    [InlineData("Pat <pat@example.com>", false)]
    public void E_mail_addresses_must_be_one_a_message_could_be_sent_to(string input, bool valid) =>
        Assert.Equal(valid, EmailRules.IsValid(input));
}
