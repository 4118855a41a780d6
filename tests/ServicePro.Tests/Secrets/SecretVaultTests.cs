using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Secrets;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Secrets;

public sealed class SecretVaultTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    private const string Token = "sk_live_51Hx-very-secret-token-9876";

    [Fact]
    public async Task A_secret_round_trips_is_stored_encrypted_and_is_shown_only_masked()
    {
        var tenant = await app.CreateTenantAsync();

        await InVaultAsync(app, tenant.Slug, v => v.PutAsync("stripe", "secret_key", Token, default));
        var read = await InVaultAsync(app, tenant.Slug, v => v.GetAsync("stripe", "secret_key", default));
        var masked = await InVaultAsync(app, tenant.Slug, v => v.DescribeAsync("stripe", default));
        var row = await app.InTenantAsync(tenant.Slug, db => db.TenantSecrets.SingleAsync());

        Assert.Equal(Token, read);
        Assert.Equal("••••9876", Assert.Single(masked).Masked);
        Assert.False(Contains(row.Ciphertext, Encoding.UTF8.GetBytes("very-secret")));
        Assert.Equal(12 + Token.Length + 16, row.Ciphertext.Length);
        Assert.Equal(12 + 32 + 16, row.WrappedDataKey.Length);

        await InVaultAsync(app, tenant.Slug, v => v.PutAsync("stripe", "secret_key", Token, default));
        var again = await app.InTenantAsync(tenant.Slug, db => db.TenantSecrets.SingleAsync());
        Assert.NotEqual(row.Ciphertext, again.Ciphertext); // fresh data key and nonce every time
    }

    [Fact]
    public async Task A_ciphertext_copied_to_another_tenant_or_field_does_not_decrypt()
    {
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        await InVaultAsync(app, a.Slug, v => v.PutAsync("twilio", "auth_token", Token, default));
        await InVaultAsync(app, b.Slug, v => v.PutAsync("twilio", "auth_token", "b-own-token-0000-1111", default));
        var stolen = await app.InTenantAsync(a.Slug, db => db.TenantSecrets.AsNoTracking().SingleAsync());

        await app.InTenantAsync(b.Slug, async db =>
        {
            var target = await db.TenantSecrets.SingleAsync();
            (target.Ciphertext, target.WrappedDataKey, target.KeyVersion) = (stolen.Ciphertext, stolen.WrappedDataKey, stolen.KeyVersion);
            db.TenantSecrets.Add(new TenantSecret
            {
                Provider = "sendgrid",
                Field = "api_key",
                Ciphertext = stolen.Ciphertext,
                WrappedDataKey = stolen.WrappedDataKey,
                KeyVersion = stolen.KeyVersion,
            });
            return await db.SaveChangesAsync();
        });

        var otherTenant = await Assert.ThrowsAsync<SecretUnreadableException>(() => InVaultAsync(app, b.Slug, v => v.GetAsync("twilio", "auth_token", default)));
        await Assert.ThrowsAsync<SecretUnreadableException>(() => InVaultAsync(app, b.Slug, v => v.GetAsync("sendgrid", "api_key", default)));
        Assert.DoesNotContain(Token, otherTenant.Message);
        Assert.Equal(Token, await InVaultAsync(app, a.Slug, v => v.GetAsync("twilio", "auth_token", default)));
    }

    [Fact]
    public async Task Rotation_rewraps_every_data_key_under_the_new_version_and_old_versions_keep_working_until_retired()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var v2 = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        string slug;
        await using (var v1Only = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:1"] = ServiceProApp.MasterKeyV1 }))
        {
            await v1Only.InitializeAsync();
            slug = (await v1Only.CreateTenantAsync()).Slug;
            await InVaultAsync(v1Only, slug, v => v.PutAsync("openai", "api_key", Token, default));
        }

        await using (var v2Only = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:2"] = v2 }))
        {
            await v2Only.InitializeAsync();
            await Assert.ThrowsAsync<UnknownKeyVersionException>(() => InVaultAsync(v2Only, slug, v => v.GetAsync("openai", "api_key", default)));
        }

        await using (var both = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:1"] = ServiceProApp.MasterKeyV1, ["ServicePro:Secrets:Keys:2"] = v2 }))
        {
            await both.InitializeAsync();
            Assert.Equal(Token, await InVaultAsync(both, slug, v => v.GetAsync("openai", "api_key", default)));
            Assert.Equal(1, await InVaultAsync(both, slug, v => v.RewrapAsync(default)));
            Assert.Equal(0, await InVaultAsync(both, slug, v => v.RewrapAsync(default)));
            Assert.Equal(new Dictionary<int, int> { [2] = 1 }, await InVaultAsync(both, slug, v => v.CountByKeyVersionAsync(default)));
        }

        await using var retired = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:2"] = v2 });
        await retired.InitializeAsync();
        Assert.Equal(Token, await InVaultAsync(retired, slug, v => v.GetAsync("openai", "api_key", default)));
    }

    [Fact]
    public async Task A_different_key_under_a_used_version_stops_start_up_with_a_clear_message()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (var original = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:1"] = ServiceProApp.MasterKeyV1 }))
        {
            await original.InitializeAsync();
        }

        var wrongKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var wrong = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:1"] = wrongKey });

        var failure = await Assert.ThrowsAnyAsync<Exception>(wrong.InitializeAsync);
        Assert.Contains("master key version 1 is not the key", Flatten(failure));
        Assert.DoesNotContain(wrongKey, Flatten(failure), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, "No master key")]
    [InlineData("not-hex-and-too-short", "must be exactly 64 hex characters")]
    public async Task Production_without_a_valid_master_key_does_not_start(string? key, string message)
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var app = new SharedDatabaseApp(database, new() { ["ServicePro:Secrets:Keys:1"] = key });

        var failure = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        Assert.Contains(message, Flatten(failure));
        Assert.DoesNotContain("not-hex-and-too-short", Flatten(failure));
    }

    private static async Task<T> InVaultAsync<T>(ServiceProApp host, string slug, Func<SecretVault, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
        return await action(scope.ServiceProvider.GetRequiredService<SecretVault>());
    }

    private static Task<bool> InVaultAsync(ServiceProApp host, string slug, Func<SecretVault, Task> action) =>
        InVaultAsync(host, slug, async v =>
        {
            await action(v);
            return true;
        });

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
