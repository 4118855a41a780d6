using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Identity;

/// <summary><c>staff add</c> and <c>operators add</c>: people and their roles.</summary>
public static class IdentityCommands
{
    public static Command Staff(IServiceProvider services)
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant slug", Required = true };
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string?>("--password") { Description = "Required when the person has no sign-in yet" };
        var role = new Option<string>("--role") { Description = "owner, admin, staff or technician", DefaultValueFactory = _ => "staff" };
        var add = new Command("add", "Give a person a role at a tenant.") { tenant, email, password, role };
        add.SetAction(async (parse, ct) => await HostCommands.InScope(services, async sp =>
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
                .AddAsync(parse.GetValue(email)!, parse.GetValue(password), null, staffRole, HostCommands.Actor, ct);
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

    public static Command Operators(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string>("--password") { Required = true };
        var add = new Command("add", "Create a platform operator sign-in, or promote an existing one.") { email, password };
        add.SetAction(async (parse, ct) => await HostCommands.InScope(services, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var address = parse.GetValue(email)!;
            var user = await users.FindByEmailAsync(address);
            IdentityResult result;
            if (user is null)
            {
                user = new AppUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = address,
                    Email = address,
                    DisplayName = address.Split('@')[0],
                    IsPlatformOperator = true,
                    CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow(),
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
}
