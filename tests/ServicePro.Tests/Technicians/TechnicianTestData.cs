using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Technicians;

/// <summary>A signed-in person at a tenant, with their user id (what a technician profile links to).</summary>
public sealed record StaffSignIn(string Email, Guid UserId, HttpClient Client);

/// <summary>The requests and rows the technician and customer tests build on.</summary>
public static class TechnicianTestData
{
    public static async Task<Guid> CreateTechnicianAsync(HttpClient owner, string name = "Terry Tech", Guid? userId = null)
    {
        var response = await owner.PostAsJsonAsync("/api/technicians", new { name, userId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Adds a person with <paramref name="role"/> and signs them in.</summary>
    public static async Task<StaffSignIn> AddStaffAsync(ServiceProApp app, TestTenant tenant, string role)
    {
        var email = await app.AddStaffAsync(tenant.Slug, role);
        var staff = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff");
        var userId = staff!.Single(s => s.GetProperty("email").GetString() == email).GetProperty("userId").GetGuid();
        return new StaffSignIn(email, userId, await app.SignedInAsync(tenant.Slug, email));
    }

    /// <summary>A technician-role person and the technician profile linked to their sign-in.</summary>
    public static async Task<(StaffSignIn Person, Guid TechnicianId)> AddLinkedTechnicianAsync(ServiceProApp app, TestTenant tenant, string name = "Linked Lee")
    {
        var person = await AddStaffAsync(app, tenant, "technician");
        return (person, await CreateTechnicianAsync(tenant.Owner, name, person.UserId));
    }

    /// <summary>Inserts a booking straight into the database (for a customer made on the spot), as the booking API would.</summary>
    public static Task<Guid> InsertBookingAsync(
        ServiceProApp app, string slug, Guid technicianId, DateTimeOffset startsAt, int minutes = 60,
        BookingStatus status = BookingStatus.Confirmed, Guid? assetId = null, Guid? customerId = null) =>
        app.InTenantAsync(slug, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            if (customerId is null)
            {
                var customer = new Customer
                {
                    Id = Guid.CreateVersion7(),
                    Name = "Booked Customer",
                    Phone = "+1918" + Random.Shared.Next(2_000_000, 9_999_999),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Customers.Add(customer);
                customerId = customer.Id;
            }

            var booking = new Booking
            {
                Id = Guid.CreateVersion7(),
                CustomerId = customerId.Value,
                ServiceId = (await db.Services.FirstAsync()).Id,
                TechnicianId = technicianId,
                AssetId = assetId,
                StartsAt = startsAt.ToUniversalTime(),
                EndsAt = startsAt.ToUniversalTime().AddMinutes(minutes),
                Status = status,
                Source = "staff",
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });

    /// <summary>The audit actions recorded for one entity, oldest first.</summary>
    public static Task<List<string>> AuditActionsAsync(ServiceProApp app, string slug, Guid entityId) =>
        app.InTenantAsync(slug, db => db.AuditLog.Where(a => a.EntityId == entityId.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync());

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string path) =>
        client.PostAsync(new Uri(path, UriKind.Relative), null);

    public static Task<HttpResponseMessage> DeletePathAsync(this HttpClient client, string path) =>
        client.DeleteAsync(new Uri(path, UriKind.Relative));
}
