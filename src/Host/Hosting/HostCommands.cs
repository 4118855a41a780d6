using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using ServicePro.Host.Features;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Hosting;

/// <summary>
/// The operator's operations as sub-commands of the host, e.g.
/// <c>dotnet run --project src/Host -- tenants create --slug acme --name "Acme Lawn" --pack lawn_care</c>.
/// They run the same services as the platform API against the configured database.
/// </summary>
public static class HostCommands
{
    private const string Actor = "command-line";
    private static readonly string[] Names = ["migrate", "tenants", "plugins", "staff", "operators", "secrets"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("ServicePro host commands");
        root.Subcommands.Add(Migrate(app));
        root.Subcommands.Add(Tenants(app));
        root.Subcommands.Add(Plugins(app));
        root.Subcommands.Add(Staff(app));
        root.Subcommands.Add(Operators(app));
        root.Subcommands.Add(Secrets(app));
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 && args[0] != "migrate"
            && app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServiceProOptions>>().Value.Database.MigrateOnStartup)
        {
            // Same as a server start: a command on a brand-new database finds its tables.
            await app.PrepareAsync();
        }

        return await parse.InvokeAsync();
    }

    private static Command Migrate(WebApplication app)
    {
        var command = new Command("migrate", "Apply database migrations, record the loaded packs and seed ROOT.");
        command.SetAction(async (_, ct) =>
        {
            await app.PrepareAsync(ct);
            Console.WriteLine("Database is up to date.");
            return 0;
        });
        return command;
    }

    private static Command Tenants(WebApplication app)
    {
        var tenants = new Command("tenants", "Create, list, suspend, reactivate and delete tenants; set their flags.");

        var list = new Command("list", "List every tenant.");
        list.SetAction(async (_, ct) => await InScope(app, async sp =>
        {
            foreach (var t in await sp.GetRequiredService<TenantAdministration>().ListAsync(ct))
            {
                Console.WriteLine($"{t.Slug,-24} {SnakeCaseEnum.ToName(t.Status),-11} {t.Industry,-16} {t.Name}");
            }

            return 0;
        }));
        tenants.Subcommands.Add(list);

        var slug = new Option<string>("--slug") { Description = "Lower-case address name, e.g. acme", Required = true };
        var name = new Option<string>("--name") { Description = "The business's legal or trading name", Required = true };
        var brand = new Option<string?>("--brand-name") { Description = "Name shown to customers (default: --name)" };
        var pack = new Option<string>("--pack") { Description = "Industry pack slug, e.g. lawn_care", Required = true };
        var domain = new Option<string?>("--domain") { Description = "Custom domain, e.g. acmelawn.com" };
        var timezone = new Option<string?>("--timezone") { Description = "IANA time zone (default America/Chicago)" };
        var ownerEmail = new Option<string?>("--owner-email") { Description = "Create the owner's sign-in" };
        var ownerPassword = new Option<string?>("--owner-password") { Description = "The owner's first password" };
        var create = new Command("create", "Create a tenant on an industry pack.")
        {
            slug, name, brand, pack, domain, timezone, ownerEmail, ownerPassword,
        };
        create.SetAction(async (parse, ct) => await InScope(app, async sp =>
        {
            var owner = parse.GetValue(ownerEmail) is { } email ? new NewOwner(email, parse.GetValue(ownerPassword) ?? "", null) : null;
            var request = new CreateTenantRequest(parse.GetValue(slug), parse.GetValue(name), parse.GetValue(brand), parse.GetValue(pack),
                parse.GetValue(domain), parse.GetValue(timezone), Owner: owner);
            var result = await sp.GetRequiredService<TenantAdministration>().CreateAsync(request, Actor, ct);
            if (result.Tenant is { } tenant)
            {
                Console.WriteLine($"Created {tenant.Slug} ({tenant.Name}) on {tenant.Industry}.");
                return 0;
            }

            foreach (var (field, messages) in result.Errors ?? new() { ["slug"] = [result.ConflictReason!] })
            {
                Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }));
        tenants.Subcommands.Add(create);

        tenants.Subcommands.Add(StatusCommand(app, "suspend", "Refuse all requests to a tenant until reactivated.", (a, s, ct) => a.SuspendAsync(s, Actor, ct)));
        tenants.Subcommands.Add(StatusCommand(app, "reactivate", "Let a suspended tenant answer again.", (a, s, ct) => a.ReactivateAsync(s, Actor, ct)));
        tenants.Subcommands.Add(StatusCommand(app, "delete", "Mark a tenant deleted (its data is kept).", (a, s, ct) => a.DeleteAsync(s, Actor, ct)));

        var flagSlug = new Argument<string>("slug");
        var flag = new Argument<string>("flag");
        var enabled = new Argument<bool>("enabled");
        var setFlag = new Command("set-flag", "Switch one feature flag for one tenant.") { flagSlug, flag, enabled };
        setFlag.SetAction(async (parse, ct) => await InScope(app, async sp =>
        {
            var admin = sp.GetRequiredService<TenantAdministration>();
            var flagName = parse.GetValue(flag)!;
            if (!PlatformFlags.IsKnown(flagName))
            {
                Console.Error.WriteLine($"Unknown flag. Known flags: {string.Join(", ", PlatformFlags.Defaults.Keys)}");
                return 1;
            }

            if (await admin.FindAsync(parse.GetValue(flagSlug)!, ct) is not { Status: not TenantStatus.Deleted } tenant)
            {
                Console.Error.WriteLine($"There is no tenant '{parse.GetValue(flagSlug)}'.");
                return 1;
            }

            await admin.SetFlagAsync(tenant, flagName, parse.GetValue(enabled), Actor, ct);
            Console.WriteLine($"{tenant.Slug}: {flagName} = {parse.GetValue(enabled).ToString().ToLowerInvariant()}");
            return 0;
        }));
        tenants.Subcommands.Add(setFlag);
        return tenants;
    }

    private static Command StatusCommand(
        WebApplication app, string verb, string description, Func<TenantAdministration, string, CancellationToken, Task<Tenant?>> change)
    {
        var slug = new Argument<string>("slug");
        var command = new Command(verb, description) { slug };
        command.SetAction(async (parse, ct) => await InScope(app, async sp =>
        {
            var tenantSlug = parse.GetValue(slug)!;
            if (verb == "delete" && tenantSlug == "root")
            {
                Console.Error.WriteLine("The ROOT tenant cannot be deleted.");
                return 1;
            }

            if (await change(sp.GetRequiredService<TenantAdministration>(), tenantSlug, ct) is not { } changed)
            {
                Console.Error.WriteLine($"There is no tenant '{tenantSlug}'.");
                return 1;
            }

            Console.WriteLine($"{tenantSlug}: {SnakeCaseEnum.ToName(changed.Status)}");
            return 0;
        }));
        return command;
    }

    private static Command Plugins(WebApplication app)
    {
        var plugins = new Command("plugins", "Inspect plugins.");
        var list = new Command("list", "Every plugin folder found, loaded or not, with the reason.");
        list.SetAction(_ =>
        {
            foreach (var p in app.Services.GetRequiredService<PluginCatalog>().Plugins)
            {
                Console.WriteLine($"{p.Id,-20} {p.Version,-8} {p.Kind,-16} {p.Source,-9} {SnakeCaseEnum.ToName(p.Status),-11} {p.Error}");
            }

            return 0;
        });
        plugins.Subcommands.Add(list);
        plugins.Subcommands.Add(PluginCheckCommand.Create(app));
        return plugins;
    }

    private static Command Staff(WebApplication app)
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant slug", Required = true };
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string?>("--password") { Description = "Required when the person has no sign-in yet" };
        var role = new Option<string>("--role") { Description = "owner, admin, staff or technician", DefaultValueFactory = _ => "staff" };
        var add = new Command("add", "Give a person a role at a tenant.") { tenant, email, password, role };
        add.SetAction(async (parse, ct) => await InScope(app, async sp =>
        {
            if (!SnakeCaseEnum.TryParse<StaffRole>(parse.GetValue(role), out var staffRole))
            {
                Console.Error.WriteLine("Role must be owner, admin, staff or technician.");
                return 1;
            }

            if (await sp.GetRequiredService<TenantAdministration>().FindAsync(parse.GetValue(tenant)!, ct) is not { } t)
            {
                Console.Error.WriteLine($"There is no tenant '{parse.GetValue(tenant)}'.");
                return 1;
            }

            await using var scope = sp.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(t));
            var result = await scope.ServiceProvider.GetRequiredService<StaffDirectory>()
                .AddAsync(parse.GetValue(email)!, parse.GetValue(password), null, staffRole, Actor, ct);
            foreach (var (field, messages) in result.Errors)
            {
                Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            }

            if (result.Errors.Count == 0)
            {
                Console.WriteLine($"{parse.GetValue(email)} is now {SnakeCaseEnum.ToName(staffRole)} at {t.Slug}.");
            }

            return result.Errors.Count == 0 ? 0 : 1;
        }));
        var staff = new Command("staff", "Manage a tenant's people.");
        staff.Subcommands.Add(add);
        return staff;
    }

    private static Command Operators(WebApplication app)
    {
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string>("--password") { Required = true };
        var add = new Command("add", "Create a platform operator sign-in, or promote an existing one.") { email, password };
        add.SetAction(async (parse, ct) => await InScope(app, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var address = parse.GetValue(email)!;
            var user = await users.FindByEmailAsync(address);
            IdentityResult result;
            if (user is null)
            {
                user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = address, Email = address, DisplayName = address.Split('@')[0],
                    IsPlatformOperator = true, CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow(),
                };
                result = await users.CreateAsync(user, parse.GetValue(password)!);
            }
            else
            {
                user.IsPlatformOperator = true;
                result = await users.UpdateAsync(user);
            }

            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            if (result.Succeeded)
            {
                Console.WriteLine($"{address} is a platform operator.");
            }

            return result.Succeeded ? 0 : 1;
        }));
        var operators = new Command("operators", "Manage platform operators.");
        operators.Subcommands.Add(add);
        return operators;
    }

    private static Command Secrets(WebApplication app)
    {
        var rotate = new Command("rotate",
            "Re-wrap every tenant's data keys under the active master key version. Safe to run while serving and to repeat.");
        rotate.SetAction(async (_, ct) => await ForEachTenantAsync(app, async (tenant, vault) =>
        {
            var count = await vault.RewrapAsync(ct);
            Console.WriteLine($"{tenant.Slug,-24} re-wrapped {count}");
        }, ct));
        var status = new Command("status", "How many secrets each master key version still wraps; a version at zero can be retired.");
        status.SetAction(async (_, ct) =>
        {
            var totals = new SortedDictionary<int, int>();
            var result = await ForEachTenantAsync(app, async (_, vault) =>
            {
                foreach (var (version, count) in await vault.CountByKeyVersionAsync(ct))
                {
                    totals[version] = totals.GetValueOrDefault(version) + count;
                }
            }, ct);
            var keys = app.Services.GetRequiredService<ServicePro.Host.Secrets.IKeyEncryptionKeyProvider>();
            Console.WriteLine($"Active master key version: {keys.ActiveVersion}; configured: {string.Join(", ", keys.Versions)}");
            foreach (var version in keys.Versions.Union(totals.Keys).Order())
            {
                Console.WriteLine($"version {version}: {totals.GetValueOrDefault(version)} secret(s)");
            }

            return result;
        });
        var secrets = new Command("secrets", "The tenants' credential vault.");
        secrets.Subcommands.Add(rotate);
        secrets.Subcommands.Add(status);
        return secrets;
    }

    private static async Task<int> ForEachTenantAsync(
        WebApplication app, Func<TenantInfo, ServicePro.Host.Secrets.SecretVault, Task> action, CancellationToken ct) =>
        await InScope(app, async sp =>
        {
            foreach (var tenant in await sp.GetRequiredService<TenantAdministration>().ListAsync(ct))
            {
                await using var scope = sp.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(tenant));
                await action(TenantInfo.From(tenant), scope.ServiceProvider.GetRequiredService<ServicePro.Host.Secrets.SecretVault>());
            }

            return 0;
        });

    private static async Task<int> InScope(WebApplication app, Func<IServiceProvider, Task<int>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
