using ServicePro.Host.Hosting;

namespace ServicePro.Host.Secrets;

/// <summary>The tenants' credential vault, the key-encryption keys behind it and their rotation commands.</summary>
public sealed class SecretsModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section);
        builder.Services.AddSingleton<IKeyEncryptionKeyProvider, ConfiguredKeyEncryptionKeys>();
        builder.Services.AddScoped<SecretVault>();
        builder.Services.AddScoped<KeyCheckVerifier>();
        builder.Services.AddStartupTask<VerifyMasterKeys>();
        builder.Services.AddHostCommand(SecretCommands.Create);
    }

    /// <summary>Refuses to start with a master key that differs from the one a version was first used with.</summary>
    private sealed class VerifyMasterKeys : IStartupTask
    {
        public int Order => 10;

        public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
            services.GetRequiredService<KeyCheckVerifier>().VerifyAsync(ct);
    }
}
