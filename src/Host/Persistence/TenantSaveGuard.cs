using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServicePro.Host.Persistence;

/// <summary>
/// The second isolation layer: before anything is written, every tenant-owned row must belong to the
/// context's tenant. New rows without a tenant get it; a row of another tenant, or any tenant-owned write
/// with no tenant set, is refused before it reaches the database.
/// </summary>
public sealed class TenantSaveGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not ServiceProDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (!db.HasTenant)
            {
                throw new CrossTenantWriteException(
                    $"Refusing to write {entry.Metadata.ClrType.Name}: no tenant is set for this unit of work.");
            }

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = db.CurrentTenantId;
            }

            var original = entry.State == EntityState.Added
                ? entry.Entity.TenantId
                : entry.OriginalValues.GetValue<Guid>(nameof(ITenantOwned.TenantId));
            if (entry.Entity.TenantId != db.CurrentTenantId || original != db.CurrentTenantId)
            {
                throw new CrossTenantWriteException(
                    $"Refusing to write {entry.Metadata.ClrType.Name} of another tenant.");
            }
        }
    }
}

public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
