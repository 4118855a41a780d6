using System.CommandLine;

namespace ServicePro.Host.Hosting;

/// <summary>A top-level host sub-command a module offers, built once the host's services exist.</summary>
/// <param name="Create">Builds the command over the host's root services.</param>
/// <param name="PreparesItself">
/// The command runs the start-up tasks on its own terms (<c>migrate</c>); every other command finds the database
/// prepared as a server start would leave it.
/// </param>
public sealed record HostCommandRegistration(Func<IServiceProvider, Command> Create, bool PreparesItself = false);

/// <summary>
/// The operator's operations as sub-commands of the host, e.g.
/// <c>dotnet run --project src/Host -- tenants create --slug acme --name "Acme Lawn" --pack lawn_care</c>. Each module
/// adds its own (<see cref="AddHostCommand"/>); they run the same services as the API against the configured database.
/// </summary>
public static class HostCommands
{
    /// <summary>The command-line actor recorded in the audit log.</summary>
    public const string Actor = "command-line";

    /// <summary>
    /// A command is a first argument that is a bare word: server options start with a dash (<c>--urls</c>) and
    /// configuration overrides contain '=' (<c>ServicePro:BaseDomain=example.test</c>).
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0].Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static IServiceCollection AddHostCommand(this IServiceCollection services, Func<IServiceProvider, Command> create, bool preparesItself = false) =>
        services.AddSingleton(new HostCommandRegistration(create, preparesItself));

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var root = new RootCommand("ServicePro host commands");
        var preparing = new Dictionary<string, bool>();
        foreach (var registration in services.GetServices<HostCommandRegistration>())
        {
            var command = registration.Create(services);
            root.Subcommands.Add(command);
            preparing[command.Name] = !registration.PreparesItself;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 && preparing.GetValueOrDefault(args[0]))
        {
            await services.PrepareAsync();
        }

        return await parse.InvokeAsync();
    }

    /// <summary>Runs a command's work in a scope of its own, as a request would.</summary>
    public static async Task<int> InScope(IServiceProvider services, Func<IServiceProvider, Task<int>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
