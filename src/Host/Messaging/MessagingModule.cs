using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Messaging;

/// <summary>The tenant's message templates and the Liquid renderer every notice goes through.</summary>
public sealed class MessagingModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddSingleton<MessageRenderer>()
        .AddScoped<INewTenantSetup, PackTemplates>();
}
