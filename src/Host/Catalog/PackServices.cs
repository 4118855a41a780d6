using ServicePro.Abstractions;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Catalog;

/// <summary>A tenant starts with its industry pack's services, and gets them anew when it switches packs.</summary>
public sealed class PackServices : INewTenantSetup
{
    public static IEnumerable<TenantService> From(IIndustryPack pack, DateTimeOffset now) =>
        pack.DefaultServices.Select((s, i) => new TenantService
        {
            Id = Guid.CreateVersion7(),
            Name = s.Name,
            Description = s.Description,
            PriceMin = s.PriceMin,
            PriceMax = s.PriceMax,
            DurationMinutes = s.DurationMinutes,
            MaxDurationMinutes = s.MaxDurationMinutes,
            IsOutdoor = s.IsOutdoor,
            PackServiceKey = s.Key,
            SortOrder = i,
            CreatedAt = now,
            UpdatedAt = now,
        });

    public void AddTo(ServiceProDbContext db, NewTenant tenant) => db.Services.AddRange(From(tenant.Pack, tenant.Now));
}
