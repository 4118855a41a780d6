using System.Diagnostics;

namespace ServicePro.Tests.Infrastructure;

/// <summary>Runs the built host as a partner or an operator would, as a process with a sub-command, on a test database.</summary>
public static class HostProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.HostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepoPaths.HostAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ServicePro__Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__ServicePro"] = database.AppConnectionString;
        start.Environment["ConnectionStrings__ServiceProMigrations"] = database.OwnerConnectionString;
        start.Environment["ServicePro__Secrets__Keys__1"] = ServiceProApp.MasterKeyV1;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }
}
