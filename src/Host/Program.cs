using ServicePro.Host.Admin;
using ServicePro.Host.Auditing;
using ServicePro.Host.Catalog;
using ServicePro.Host.Bookings;
using ServicePro.Host.Customers;
using ServicePro.Host.Diagnostics;
using ServicePro.Host.Events;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Integrations;
using ServicePro.Host.Jobs;
using ServicePro.Host.Loyalty;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Persistence;
using ServicePro.Host.Platform;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Plugins;
using ServicePro.Host.Secrets;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

var isCommand = HostCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
if (isCommand)
{
    // Commands print their own results; only problems should join them.
    builder.Logging.AddFilter(level => level >= LogLevel.Warning);
}

builder.AddServiceProHosting()
    .AddServiceProDatabase()
    .AddModule<TenancyModule>()
    .AddModule<PluginsModule>()
    .AddTenantFeatures()
    .AddServiceProIdentity()
    .AddSecretsVault()
    .AddIntegrations()
    .AddOnboarding()
    .AddScheduling()
    .AddDomainEvents()
    .AddBookingNotices()
    .AddBackgroundJobs()
    .AddAdminUi();

var app = builder.Build();
if (isCommand)
{
    return await HostCommands.RunAsync(app, args);
}

await app.PrepareAsync();
app.UseServiceProPipeline();
app.MapServiceProDocs();
app.MapAuthEndpoints();
app.MapTenantEndpoints();
app.MapIndustryPackEndpoints();
app.MapServiceEndpoints();
app.MapStaffEndpoints();
app.MapCustomerEndpoints();
app.MapCustomerAssetEndpoints();
app.MapTechnicianEndpoints();
app.MapTimeOffEndpoints();
app.MapTimeEntryEndpoints();
app.MapSchedulingSettingsEndpoints();
app.MapAvailabilityEndpoints();
app.MapBookingEndpoints();
app.MapNoticeEndpoints();
app.MapLoyaltyEndpoints();
app.MapAuditEndpoints();
app.MapIntegrationEndpoints();
app.MapOnboardingEndpoints();
app.MapSignUpEndpoints();
app.MapPlatformEndpoints();
app.MapJobsDashboard();
app.MapAdminUi();
app.MapBenchmarkEndpoints();
app.PrintAddressesOnStart();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
