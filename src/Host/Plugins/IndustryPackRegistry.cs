using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Plugins;

/// <summary>Makes the industry_packs table match what <see cref="PluginCatalog"/> loaded.</summary>
public sealed class IndustryPackRegistry(ServiceProDbContext db, PluginCatalog catalog, TimeProvider clock)
{
    public async Task SyncAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var records = await db.IndustryPacks.ToDictionaryAsync(p => p.Slug, ct);
        var order = 0;
        foreach (var plugin in catalog.Plugins.Where(p => p.IndustryPack is not null))
        {
            var pack = plugin.IndustryPack!;
            if (!records.TryGetValue(pack.Slug, out var record))
            {
                record = new IndustryPackRecord { Id = Guid.CreateVersion7(), Slug = pack.Slug, Name = pack.Name, CreatedAt = now };
                db.IndustryPacks.Add(record);
                records[pack.Slug] = record;
            }

            record.Name = pack.Name;
            record.Description = pack.Description;
            record.Icon = pack.Icon;
            record.Version = plugin.Version;
            record.Source = plugin.Source;
            record.DefaultServices = [.. pack.DefaultServices];
            record.IntakeFields = [.. pack.IntakeFields];
            record.WeatherThresholds = pack.Weather;
            record.SchedulerDefaults = pack.Scheduler;
            record.SmsTemplates = new(pack.SmsTemplates);
            record.EmailTemplates = new(pack.EmailTemplates);
            record.AiPrompts = pack.AiPrompts;
            record.LoyaltyConfig = pack.Loyalty;
            record.FeatureDefaults = new(pack.FeatureDefaults);
            record.IsActive = true;
            record.DisplayOrder = order++;
            if (db.Entry(record).State is EntityState.Modified or EntityState.Added)
            {
                record.UpdatedAt = now;
            }
        }

        foreach (var stale in records.Values.Where(r => !catalog.IndustryPacks.ContainsKey(r.Slug) && r.IsActive))
        {
            stale.IsActive = false;
            stale.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }
}
