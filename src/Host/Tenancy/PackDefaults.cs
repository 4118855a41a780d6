using ServicePro.Abstractions;
using ServicePro.Host.Catalog;
using ServicePro.Host.Messaging;

namespace ServicePro.Host.Tenancy;

/// <summary>What a tenant gets from its industry pack: services and message templates to start from.</summary>
public static class PackDefaults
{
    public static IEnumerable<TenantService> Services(IIndustryPack pack, DateTimeOffset now) =>
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

    public static IEnumerable<MessageTemplate> Templates(IIndustryPack pack, DateTimeOffset now) =>
        pack.SmsTemplates.Select(t => new MessageTemplate { Channel = MessageChannel.Sms, Moment = t.Key, Body = t.Value, UpdatedAt = now })
            .Concat(pack.EmailTemplates.Select(t => new MessageTemplate
            {
                Channel = MessageChannel.Email,
                Moment = t.Key,
                Subject = t.Value.Subject,
                Body = t.Value.Body,
                UpdatedAt = now,
            }));
}
