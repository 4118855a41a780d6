using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// Makes sure Clean Machine Auto Detail — the business the platform grew out of — exists as the ROOT tenant
/// (seed §2.2, migration 0005). Safe to run at every start and from several instances at once.
/// </summary>
public sealed class RootTenantSeeder(ServiceProDbContext db, TenantAdministration admin, ILogger<RootTenantSeeder> logger)
{
    public static readonly CreateTenantRequest Root = new(
        Slug: "root",
        Name: "Clean Machine Auto Detail",
        BrandName: "Clean Machine",
        Industry: "auto_detail",
        CustomDomain: "cleanmachinetulsa.com",
        Timezone: "America/Chicago",
        Email: "info@cleanmachinetulsa.com",
        Phone: "+19185551234");

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Tenants.AnyAsync(t => t.Id == Tenant.RootId, ct))
        {
            return;
        }

        try
        {
            var result = await admin.CreateAsync(Root, "system", ct, Tenant.RootId, TenantStatus.Active);
            if (result.Tenant is null)
            {
                var why = result.ConflictReason
                    ?? string.Join(" ", result.Errors!.SelectMany(e => e.Value)) + " (did the auto_detail plugin fail to load? See the plugin errors above.)";
                throw new InvalidOperationException($"Could not seed the ROOT tenant: {why}");
            }

            logger.LogInformation("Seeded the ROOT tenant ({Name})", Root.Name);
        }
        catch (DbUpdateException)
        {
            // Another instance may have seeded it first; anything else is a real failure.
            if (!await db.Tenants.AnyAsync(t => t.Id == Tenant.RootId, ct))
            {
                throw;
            }
        }
    }
}
