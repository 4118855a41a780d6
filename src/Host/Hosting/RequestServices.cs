using System.Collections.Concurrent;
using Autofac;
using Autofac.Core;
using Autofac.Core.Lifetime;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;

namespace ServicePro.Host.Hosting;

/// <summary>
/// A request's services without paying Autofac when the request needs nothing of its own (docs/decisions/0017). Most
/// requests ask their <c>RequestServices</c> only for singletons — a typed result for its logger factory and JSON
/// options, the rate limiter for its options — and for values the request itself carries (its tenant). Those are
/// answered here: singletons from a per-type cache of the container's own instances, request values from the
/// <see cref="HttpContext"/>. The request's Autofac lifetime scope is opened only when something asks for a scoped or
/// transient service (a DbContext, a page model's dependencies, the authentication handlers), exactly as before, and is
/// tagged with the request's <see cref="HttpContext"/> so that scoped registrations can find the request's values
/// (<see cref="HttpContextOf"/>).
/// </summary>
public static class RequestServices
{
    /// <summary>First in the pipeline: nothing before it may have asked for <c>RequestServices</c>.</summary>
    public static WebApplication UseLazyRequestServices(this WebApplication app)
    {
        var catalog = new RequestServiceCatalog(
            app.Services.GetRequiredService<ILifetimeScope>(), app.Services.GetServices<RequestValue>());
        app.Use((context, next) =>
        {
            context.Features.Set<IServiceProvidersFeature>(new LazyRequestServicesFeature(context, catalog));
            return next(context);
        });
        return app;
    }

    /// <summary>Answers <typeparamref name="TService"/> from the request itself, without opening its scope.</summary>
    /// <remarks>The scoped registration of the same service must give the same instance for the request's scope
    /// (through <see cref="HttpContextOf"/>), so that the request and its scope never see two different values.</remarks>
    public static IServiceCollection AddRequestValue<TService>(this IServiceCollection services, Func<HttpContext, TService> value)
        where TService : class =>
        services.AddSingleton(new RequestValue(typeof(TService), value));

    /// <returns>The request whose own scope <paramref name="services"/> is; null for any other scope (the root, a job's,
    /// one a request opened for another tenant through <c>TenantScopeFactory</c>).</returns>
    public static HttpContext? HttpContextOf(IServiceProvider services) =>
        services.GetService<ILifetimeScope>()?.Tag as HttpContext;
}

/// <summary>A value a request carries, answered by <see cref="RequestServices"/> without opening the request's scope.</summary>
public sealed record RequestValue(Type ServiceType, Func<HttpContext, object> Value);

/// <summary>What each service type is, decided once per type: a container singleton (kept), a request value, or the scope's.</summary>
internal sealed class RequestServiceCatalog(ILifetimeScope root, IEnumerable<RequestValue> values)
{
    private readonly ConcurrentDictionary<Type, Answer> _answers = new();
    private readonly Dictionary<Type, Func<HttpContext, object>> _values = values.ToDictionary(v => v.ServiceType, v => v.Value);

    public ILifetimeScope Root => root;

    public Answer For(Type serviceType) => _answers.GetOrAdd(serviceType, Decide);

    private Answer Decide(Type serviceType)
    {
        if (_values.TryGetValue(serviceType, out var value))
        {
            return new Answer(null, value);
        }

        // One instance for the whole container, shared with every scope: the root's instance is the scope's.
        return root.ComponentRegistry.TryGetServiceRegistration(new TypedService(serviceType), out var service)
            && service.Registration.Lifetime is RootScopeLifetime
            && service.Registration.Sharing == InstanceSharing.Shared
                ? new Answer(root.Resolve(serviceType), null)
                : new Answer(null, null);
    }

    /// <summary>A singleton, a request value, or neither (the scope answers).</summary>
    internal sealed record Answer(object? Singleton, Func<HttpContext, object>? Value);
}

/// <summary>The request's <c>RequestServices</c>: the catalog's answers first, then the request's Autofac scope, opened on first need.</summary>
internal sealed class LazyRequestServicesFeature(HttpContext context, RequestServiceCatalog catalog)
    : IServiceProvidersFeature, IServiceProvider, ISupportRequiredService, IKeyedServiceProvider, IAsyncDisposable, IDisposable
{
    private IServiceProvider? _assigned;
    private AutofacServiceProvider? _scope;

    public IServiceProvider RequestServices
    {
        get => _assigned ?? this;
        set => _assigned = value;
    }

    public object? GetService(Type serviceType)
    {
        var answer = catalog.For(serviceType);
        return answer.Singleton ?? answer.Value?.Invoke(context) ?? Scope().GetService(serviceType);
    }

    public object GetRequiredService(Type serviceType)
    {
        var answer = catalog.For(serviceType);
        return answer.Singleton ?? answer.Value?.Invoke(context) ?? Scope().GetRequiredService(serviceType);
    }

    public object? GetKeyedService(Type serviceType, object? serviceKey) => Scope().GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => Scope().GetRequiredKeyedService(serviceType, serviceKey);

    private AutofacServiceProvider Scope()
    {
        if (_scope is null)
        {
            _scope = new AutofacServiceProvider(catalog.Root.BeginLifetimeScope(context));
            context.Response.RegisterForDisposeAsync(this);
        }

        return _scope;
    }

    public ValueTask DisposeAsync() => _scope?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _scope?.Dispose();
}
