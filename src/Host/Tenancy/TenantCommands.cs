using System.CommandLine;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary><c>tenants create|list|suspend|reactivate|delete|set-flag</c>: the operator API's tenant operations.</summary>
public static class TenantCommands
{
    public static Command Create(IServiceProvider services)
    {
        var tenants = new Command("tenants", "Create, list, suspend, reactivate and delete tenants; set their flags.");

        var list = new Command("list", "List every tenant.");
        list.SetAction(async (_, ct) => await HostCommands.InScope(services, async sp =>
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
        create.SetAction(async (parse, ct) => await HostCommands.InScope(services, async sp =>
        {
            var owner = parse.GetValue(ownerEmail) is { } email ? new NewOwner(email, parse.GetValue(ownerPassword) ?? "", null) : null;
            var request = new CreateTenantRequest(parse.GetValue(slug), parse.GetValue(name), parse.GetValue(brand), parse.GetValue(pack),
                parse.GetValue(domain), parse.GetValue(timezone), Owner: owner);
            var result = await sp.GetRequiredService<TenantAdministration>().CreateAsync(request, HostCommands.Actor, ct);
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

        tenants.Subcommands.Add(StatusCommand(services, "suspend", "Refuse all requests to a tenant until reactivated.", (a, s, ct) => a.SuspendAsync(s, HostCommands.Actor, ct)));
        tenants.Subcommands.Add(StatusCommand(services, "reactivate", "Let a suspended tenant answer again.", (a, s, ct) => a.ReactivateAsync(s, HostCommands.Actor, ct)));
        tenants.Subcommands.Add(StatusCommand(services, "delete", "Mark a tenant deleted (its data is kept).", (a, s, ct) => a.DeleteAsync(s, HostCommands.Actor, ct)));

        var flagSlug = new Argument<string>("slug");
        var flag = new Argument<string>("flag");
        var enabled = new Argument<bool>("enabled");
        var setFlag = new Command("set-flag", "Switch one feature flag for one tenant.") { flagSlug, flag, enabled };
        setFlag.SetAction(async (parse, ct) => await HostCommands.InScope(services, async sp =>
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

            await admin.SetFlagAsync(tenant, flagName, parse.GetValue(enabled), HostCommands.Actor, ct);
            Console.WriteLine($"{tenant.Slug}: {flagName} = {parse.GetValue(enabled).ToString().ToLowerInvariant()}");
            return 0;
        }));
        tenants.Subcommands.Add(setFlag);
        return tenants;
    }

    private static Command StatusCommand(
        IServiceProvider services, string verb, string description, Func<TenantAdministration, string, CancellationToken, Task<Tenant?>> change)
    {
        var slug = new Argument<string>("slug");
        var command = new Command(verb, description) { slug };
        command.SetAction(async (parse, ct) => await HostCommands.InScope(services, async sp =>
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
}
