using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Identity;

public sealed record InviteStaffRequest(
    [Email] string? Email, [Text(TextRules.Password)] string? Password, [Text(TextRules.Name)] string? DisplayName, [Text(40)] string? Role);

/// <summary>A business's own people: owners and admins add and remove staff without calling an operator.</summary>
public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listStaff").WithSummary("Everyone who works for the business, with their role.");
        group.MapPost("/", Add).RequireAuthorization(Policies.TenantAdmin).WithName("addStaff")
            .WithSummary("Give a person a role here, creating their sign-in if new. Only owners grant owner or admin.");
        group.MapDelete("/{userId:guid}", Remove).RequireAuthorization(Policies.TenantAdmin).WithName("removeStaff")
            .WithSummary("Remove a person from the business. The last owner cannot be removed.");
        return group;
    }

    private static async Task<Ok<List<StaffMember>>> List(StaffDirectory staff, CancellationToken ct) =>
        TypedResults.Ok(await staff.ListAsync(ct));

    private static async Task<Results<Created, ForbiddenProblem, ValidationProblem>> Add(
        InviteStaffRequest request, StaffDirectory staff, HttpContext http, CancellationToken ct)
    {
        if (!SnakeCaseEnum.TryParse<StaffRole>(request.Role, out var role))
        {
            return Problems.Invalid("role", "Role must be owner, admin, staff or technician.");
        }

        var caller = await CallerAsync(http, staff, ct);
        if (role <= StaffRole.Admin && caller.Role != StaffRole.Owner)
        {
            return Problems.Forbidden("Owners only", "Only an owner can make someone an owner or admin.");
        }

        var added = await staff.AddAsync(request.Email, request.Password, request.DisplayName, role, ServiceProClaims.ActorOf(http.User), ct);
        return added.Errors.Count > 0 ? Problems.Invalid(added.Errors) : TypedResults.Created();
    }

    private static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem, ConflictProblem>> Remove(
        Guid userId, StaffDirectory staff, HttpContext http, CancellationToken ct)
    {
        var membership = await staff.FindMembershipAsync(userId, ct);
        if (membership is null)
        {
            return Problems.NotFound("This person does not work for this business.");
        }

        var caller = await CallerAsync(http, staff, ct);
        if (membership.Role <= StaffRole.Admin && caller.Role != StaffRole.Owner)
        {
            return Problems.Forbidden("Owners only", "Only an owner can remove an owner or admin.");
        }

        if (membership.Role == StaffRole.Owner && await staff.CountOwnersAsync(ct) == 1)
        {
            return Problems.Conflict("A business needs at least one owner. Make someone else an owner first.");
        }

        await staff.RemoveAsync(membership, ServiceProClaims.ActorOf(http.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<StaffMembership> CallerAsync(HttpContext http, StaffDirectory staff, CancellationToken ct) =>
        (await staff.FindMembershipAsync(Guid.Parse(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct))!;
}
