using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host;

/// <summary>
/// The composition root: builds the host from the modules <c>Program.cs</c> lists, answers a host command or prepares
/// the database, puts the request pipeline in order and maps every module's endpoints. The only code that knows every
/// capability; capabilities know each other only through their public services and domain events.
/// </summary>
public static class ServiceProHost
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<HostModule> modules)
    {
        var isCommand = HostCommands.IsCommand(args);
        var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
        if (isCommand)
        {
            // Commands print their own results; only problems should join them.
            builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        }

        foreach (var module in modules)
        {
            module.AddServices(builder);
        }

        var app = builder.Build();
        if (isCommand)
        {
            return await HostCommands.RunAsync(app.Services, args);
        }

        await app.Services.PrepareAsync();
        UsePipeline(app);
        foreach (var module in modules)
        {
            module.MapEndpoints(app);
        }

        app.PrintAddressesOnStart(app.Services.GetRequiredService<TenantAddresses>().BaseDomain);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Middleware in the order every request needs it.</summary>
    private static void UsePipeline(WebApplication app)
    {
        // First: a request opens its Autofac scope only when it asks for something scoped (docs/decisions/0017).
        app.UseLazyRequestServices();
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseHttpsOnly();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<TenantResolutionMiddleware>();
        // Routing runs after resolution so that a /t/{slug}/ prefix is already moved into PathBase.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseStaticFiles();
        // Only requests with a cookie or an Authorization header: anonymous ones have nothing to authenticate.
        app.UseAuthenticationOfPresentedCredentials();
        app.UseAuthorization();
        app.UseMiddleware<TenantFeatureGateMiddleware>();
    }
}
