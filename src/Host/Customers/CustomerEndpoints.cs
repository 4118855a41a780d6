using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Customers;

public sealed record CustomerDto(
    Guid Id, string Name, string Phone, string? Email, string? Address, double? Lat, double? Lng, bool SmsConsent, string? SmsConsentSource,
    DateTimeOffset? SmsConsentAt, DateTimeOffset CreatedAt)
{
    public static CustomerDto From(Customer c) =>
        new(c.Id, c.Name, c.Phone, c.Email, c.Address, c.Lat, c.Lng, c.SmsConsent, c.SmsConsentSource, c.SmsConsentAt, c.CreatedAt);
}

/// <summary>On update, fields left out keep their values. Lat and Lng (where the address is) come together or not at all.</summary>
public sealed record CustomerRequest(
    [Text(TextRules.Name)] string? Name, [PhoneNumber] string? Phone, [Email] string? Email, [Text(TextRules.Line)] string? Address, bool? SmsConsent,
    [Text(40)] string? SmsConsentSource, [Latitude] double? Lat = null, [Longitude] double? Lng = null);

public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listCustomers").WithSummary("Customers, newest first; `q` searches name, phone and email.");
        group.MapGet("/{id:guid}", Get).WithName("getCustomer").WithSummary("One customer with their contact details and SMS consent.");
        group.MapPost("/", Create).WithName("createCustomer").WithSummary("Add a customer; the phone number is stored in E.164 and must not belong to another customer.");
        group.MapPut("/{id:guid}", Update).WithName("updateCustomer").WithSummary("Change a customer's details; fields left out keep their values.");
        group.MapDelete("/{id:guid}", Delete).WithName("deleteCustomer").WithSummary("Remove a customer.").RequireAuthorization(Policies.TenantAdmin);
        return group;
    }

    private static async Task<Ok<List<CustomerDto>>> List([Text(TextRules.Name)] string? q, ServiceProDbContext db, CancellationToken ct)
    {
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(c => c.Name.Contains(term) || c.Phone.Contains(term) || (c.Email != null && c.Email.Contains(term)));
        }

        return TypedResults.Ok(await query.OrderByDescending(c => c.CreatedAt).Take(200).Select(c => CustomerDto.From(c)).ToListAsync(ct));
    }

    private static async Task<Results<Ok<CustomerDto>, NotFoundProblem>> Get(Guid id, ServiceProDbContext db, CancellationToken ct) =>
        await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(CustomerDto.From(c))
            : Problems.NotFound("There is no such customer.");

    private static async Task<Results<Created<CustomerDto>, ConflictProblem, ValidationProblem>> Create(
        CustomerRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (phone, errors) = Validate(request, requireAll: true);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.Customers.AnyAsync(c => c.Phone == phone, ct))
        {
            return Problems.Conflict("Another customer already has this phone number.");
        }

        var now = clock.GetUtcNow();
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Phone = phone!,
            Email = request.Email?.Trim(),
            Address = request.Address?.Trim(),
            Lat = request.Lat,
            Lng = request.Lng,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyConsent(customer, request, now);
        db.Customers.Add(customer);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "customer.created", "customer", customer.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/customers/{customer.Id}", CustomerDto.From(customer));
    }

    private static async Task<Results<Ok<CustomerDto>, NotFoundProblem, ConflictProblem, ValidationProblem>> Update(
        Guid id, CustomerRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return Problems.NotFound("There is no such customer.");
        }

        var (phone, errors) = Validate(request, requireAll: false);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (phone is not null && phone != customer.Phone && await db.Customers.AnyAsync(c => c.Phone == phone, ct))
        {
            return Problems.Conflict("Another customer already has this phone number.");
        }

        var now = clock.GetUtcNow();
        customer.Name = request.Name?.Trim() ?? customer.Name;
        customer.Phone = phone ?? customer.Phone;
        customer.Email = request.Email?.Trim() ?? customer.Email;
        customer.Address = request.Address?.Trim() ?? customer.Address;
        if (request is { Lat: { } lat, Lng: { } lng })
        {
            (customer.Lat, customer.Lng) = (lat, lng);
        }

        ApplyConsent(customer, request, now);
        customer.UpdatedAt = now;
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "customer.updated", "customer", id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CustomerDto.From(customer));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Delete(
        Guid id, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return Problems.NotFound("There is no such customer.");
        }

        db.Customers.Remove(customer);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "customer.deleted", "customer", id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static (string? Phone, Dictionary<string, string[]> Errors) Validate(CustomerRequest request, bool requireAll)
    {
        var errors = new Dictionary<string, string[]>();
        if ((requireAll || request.Name is not null) && string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["Enter the customer's name."];
        }

        string? phone = null;
        if (requireAll || request.Phone is not null)
        {
            phone = PhoneRules.ToE164(request.Phone);
            if (phone is null)
            {
                errors["phone"] = ["Enter a phone number such as (918) 555-0123 or +19185550123."];
            }
        }

        GeoRules.CheckPair(request.Lat, request.Lng, "lat", "lng", errors);

        if (request.SmsConsent == true && string.IsNullOrWhiteSpace(request.SmsConsentSource))
        {
            errors["smsConsentSource"] = ["Say where the customer agreed to texts (e.g. booking_form, in_person, sms_keyword)."];
        }

        return (phone, errors);
    }

    private static void ApplyConsent(Customer customer, CustomerRequest request, DateTimeOffset now)
    {
        if (request.SmsConsent is not { } consent || consent == customer.SmsConsent)
        {
            return;
        }

        customer.SmsConsent = consent;
        customer.SmsConsentSource = consent ? request.SmsConsentSource!.Trim() : request.SmsConsentSource?.Trim() ?? "withdrawn";
        customer.SmsConsentAt = now;
    }
}
