using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Tests.Hosting;

/// <summary>
/// A request's services (Hosting/RequestServices.cs) answer singletons and the request's tenant without opening the
/// request's Autofac scope, open it on the first scoped need, and keep one tenant per request and per scope.
/// </summary>
public sealed class RequestServicesTests : IDisposable
{
    private readonly IContainer _container;
    private readonly HttpContext _request = new DefaultHttpContext();
    private readonly LazyRequestServicesFeature _services;
    private int _scopesOpened;

    public RequestServicesTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Shared>();
        services.AddScoped<PerScope>();
        services.AddScoped<TenantContext>(sp =>
            RequestServices.HttpContextOf(sp) is { } request ? TenantContext.ForRequest(request) : new TenantContext());
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddRequestValue<ITenantContext>(TenantContext.ForRequest);
        var builder = new ContainerBuilder();
        builder.Populate(services);
        _container = builder.Build();
        _container.ChildLifetimeScopeBeginning += (_, _) => _scopesOpened++;
        _services = new LazyRequestServicesFeature(_request, new RequestServiceCatalog(_container, _container.Resolve<IEnumerable<RequestValue>>()));
    }

    [Fact]
    public void Singletons_and_the_requests_tenant_are_answered_without_opening_a_scope()
    {
        var provider = _services.RequestServices;

        var shared = provider.GetRequiredService<Shared>();
        var tenant = provider.GetRequiredService<ITenantContext>();

        Assert.Same(_container.Resolve<Shared>(), shared);
        Assert.Same(TenantContext.ForRequest(_request), tenant);
        Assert.Equal(0, _scopesOpened);
    }

    [Fact]
    public void A_scoped_service_opens_the_requests_scope_once_and_it_holds_the_requests_tenant()
    {
        var tenant = Acme();
        TenantContext.ForRequest(_request).Set(tenant);
        var provider = _services.RequestServices;

        var first = provider.GetRequiredService<PerScope>();
        var second = provider.GetRequiredService<PerScope>();

        Assert.Same(first, second);
        Assert.Equal(1, _scopesOpened);
        Assert.Same(TenantContext.ForRequest(_request), first.Tenant);
        Assert.Same(first.Tenant, provider.GetRequiredService<ITenantContext>());
    }

    [Fact]
    public void A_scope_opened_during_a_request_for_other_work_has_a_tenant_of_its_own()
    {
        TenantContext.ForRequest(_request).Set(Acme());
        var provider = _services.RequestServices;

        using var other = provider.GetRequiredService<IServiceScopeFactory>().CreateScope();
        using var job = _container.Resolve<IServiceScopeFactory>().CreateScope();

        Assert.Null(other.ServiceProvider.GetRequiredService<TenantContext>().Tenant);
        Assert.Null(job.ServiceProvider.GetRequiredService<TenantContext>().Tenant);
    }

    [Fact]
    public async Task The_requests_scope_is_disposed_with_the_request()
    {
        var scoped = _services.RequestServices.GetRequiredService<PerScope>();

        await _services.DisposeAsync();

        Assert.True(scoped.Disposed);
    }

    [Fact]
    public void A_request_without_anything_scoped_disposes_nothing()
    {
        _ = _services.RequestServices.GetRequiredService<Shared>();

        _services.Dispose();

        Assert.Equal(0, _scopesOpened);
    }

    public void Dispose() => _container.Dispose();

    private static TenantInfo Acme() => new(Guid.NewGuid(), "acme", "Acme", "Acme", null, "lawn_care", TenantStatus.Active,
        "America/Chicago", "#000000", "#FFFFFF", null);

    private sealed class Shared;

    private sealed class PerScope(TenantContext tenant) : IDisposable
    {
        public TenantContext Tenant => tenant;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
