namespace ServicePro.Host.Secrets;

public static class SecretsExtensions
{
    /// <summary>The tenants' credential vault and the key-encryption keys behind it.</summary>
    public static WebApplicationBuilder AddSecretsVault(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section);
        builder.Services.AddSingleton<IKeyEncryptionKeyProvider, ConfiguredKeyEncryptionKeys>();
        builder.Services.AddScoped<SecretVault>();
        builder.Services.AddScoped<KeyCheckVerifier>();
        return builder;
    }
}
