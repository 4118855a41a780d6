using Microsoft.Extensions.DependencyInjection;

namespace ServicePro.Host.Tenancy;

/// <summary>Opens a DI scope that acts for one tenant: how operators, commands and jobs touch tenant-owned rows.</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope Begin(TenantInfo tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }
}
