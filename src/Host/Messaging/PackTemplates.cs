using ServicePro.Abstractions;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Messaging;

/// <summary>A tenant starts with its industry pack's text and e-mail templates, and gets them anew when it switches packs.</summary>
public sealed class PackTemplates : INewTenantSetup
{
    public static IEnumerable<MessageTemplate> From(IIndustryPack pack, DateTimeOffset now) =>
        pack.SmsTemplates.Select(t => new MessageTemplate { Channel = MessageChannel.Sms, Moment = t.Key, Body = t.Value, UpdatedAt = now })
            .Concat(pack.EmailTemplates.Select(t => new MessageTemplate
            {
                Channel = MessageChannel.Email,
                Moment = t.Key,
                Subject = t.Value.Subject,
                Body = t.Value.Body,
                UpdatedAt = now,
            }));

    public void AddTo(ServiceProDbContext db, NewTenant tenant) => db.MessageTemplates.AddRange(From(tenant.Pack, tenant.Now));
}
