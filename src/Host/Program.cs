using ServicePro.Host;
using ServicePro.Host.Admin;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Calendar;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Diagnostics;
using ServicePro.Host.Events;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Integrations;
using ServicePro.Host.Jobs;
using ServicePro.Host.Loyalty;
using ServicePro.Host.Messaging;
using ServicePro.Host.Notices;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Persistence;
using ServicePro.Host.Platform;
using ServicePro.Host.Plugins;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Secrets;
using ServicePro.Host.Series;
using ServicePro.Host.SignUp;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;
using ServicePro.Host.Weather;

// The host is its modules, one per capability folder (docs/decisions/0014-capability-modules.md).
return await ServiceProHost.RunAsync(args,
[
    new HostingModule(),
    new ValidationModule(),
    new PersistenceModule(),
    new TenancyModule(),
    new PluginsModule(),
    new FeaturesModule(),
    new IdentityModule(),
    new SecretsModule(),
    new AuditingModule(),
    new IntegrationsModule(),
    new OnboardingModule(),
    new SignUpModule(),
    new CatalogModule(),
    new CustomersModule(),
    new TechniciansModule(),
    new SchedulingModule(),
    new BookingsModule(),
    new NoticesModule(),
    new SeriesModule(),
    new CalendarModule(),
    new WeatherModule(),
    new EventsModule(),
    new MessagingModule(),
    new LoyaltyModule(),
    new JobsModule(),
    new PlatformModule(),
    new AdminModule(),
    new DiagnosticsModule(),
]);

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
