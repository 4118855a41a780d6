using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Auditing;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Secrets;
using ServicePro.Host.Tenancy;
using TenantProfile = ServicePro.Abstractions.Integrations.TenantProfile;

namespace ServicePro.Host.Integrations;

public sealed record IntegrationField(
    string Key, string Label, bool Secret, bool Required, string? Help, string? Placeholder,
    bool IsSet, string? Value, string? Masked);

/// <summary>One provider as the business sees it: its form (secrets masked) and where its connection stands.</summary>
public sealed record IntegrationView(
    string Key, string Name, string Description, string Status, DateTimeOffset? LastTestedAt, string? LastSummary,
    string? LastError, IReadOnlyList<IntegrationField> Fields, IReadOnlyDictionary<string, string> Findings);

public sealed record IntegrationSaveResult(IntegrationView? View, Dictionary<string, string[]> Errors);

/// <summary>
/// The current tenant's connections to outside services: credentials in (secret ones to the vault, the
/// rest as plain configuration), a real test call out, and the outcome recorded in tenant_integrations in
/// words a business owner understands. Secret values never leave this class except into the provider call.
/// </summary>
public sealed class TenantIntegrations(
    ServiceProDbContext db,
    SecretVault vault,
    PluginCatalog plugins,
    IHttpClientFactory httpClients,
    IOptions<IntegrationsOptions> options,
    OnboardingProgressStore progress,
    TimeProvider clock,
    ILogger<TenantIntegrations> logger)
{
    public IIntegrationProvider? Find(string key) => plugins.FindProvider(key);

    public async Task<IReadOnlyList<IntegrationView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.TenantIntegrations.AsNoTracking().ToDictionaryAsync(r => r.Provider, ct);
        var views = new List<IntegrationView>();
        foreach (var provider in plugins.IntegrationProviders.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            views.Add(await DescribeAsync(provider, rows.GetValueOrDefault(provider.Key), ct));
        }

        return views;
    }

    public async Task<IntegrationView> DescribeAsync(IIntegrationProvider provider, CancellationToken ct) =>
        await DescribeAsync(provider, await db.TenantIntegrations.AsNoTracking().FirstOrDefaultAsync(r => r.Provider == provider.Key, ct), ct);

    /// <summary>
    /// Saves the fields given (a secret left out or blank keeps its stored value) after checking them, then
    /// tests the connection. Nothing is stored when a field is wrong.
    /// </summary>
    public async Task<IntegrationSaveResult> SaveAndTestAsync(
        IIntegrationProvider provider, IReadOnlyDictionary<string, string?> submitted, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var known = provider.Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var key in submitted.Keys.Where(k => !known.ContainsKey(k)))
        {
            errors[key] = [$"{provider.Name} has no field '{key}'."];
        }

        var row = await db.TenantIntegrations.FirstOrDefaultAsync(r => r.Provider == provider.Key, ct);
        var stored = await StoredSecretsAsync(provider, ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in provider.Fields)
        {
            var given = submitted.GetValueOrDefault(field.Key)?.Trim();
            if (!string.IsNullOrEmpty(given))
            {
                values[field.Key] = given;
            }
            else if (field.Secret && stored.Contains(field.Key))
            {
                values[field.Key] = (await vault.GetAsync(provider.Key, field.Key, ct))!;
            }
            else if (!field.Secret && !submitted.ContainsKey(field.Key) && row?.Config.GetValueOrDefault(field.Key) is { } kept)
            {
                values[field.Key] = kept;
            }

            if (field.Required && !values.ContainsKey(field.Key))
            {
                errors[field.Key] = [$"{field.Label} is required."];
            }
        }

        foreach (var problem in provider.Validate(values).Where(p => !errors.ContainsKey(p.Field)))
        {
            errors[problem.Field] = [problem.Message];
        }

        if (errors.Count > 0)
        {
            return new IntegrationSaveResult(null, errors);
        }

        var now = clock.GetUtcNow();
        row ??= db.TenantIntegrations.Add(new TenantIntegration { Provider = provider.Key, CreatedAt = now }).Entity;
        row.Config = provider.Fields.Where(f => !f.Secret && values.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => values[f.Key]);
        row.Status = IntegrationStatus.NotConfigured;
        row.UpdatedAt = now;
        foreach (var field in provider.Fields.Where(f => f.Secret && !string.IsNullOrEmpty(submitted.GetValueOrDefault(f.Key)?.Trim())))
        {
            await vault.PutAsync(provider.Key, field.Key, values[field.Key], ct); // saves the row with it
        }

        db.AuditLog.Add(AuditEntry.Create(clock, actor, "integration.saved", "tenant_integration", provider.Key,
            new() { ["fields"] = string.Join(",", submitted.Keys.Where(k => !string.IsNullOrEmpty(submitted[k])).Order()) }));
        await db.SaveChangesAsync(ct);

        await TestAsync(provider, actor, ct);
        return new IntegrationSaveResult(await DescribeAsync(provider, ct), []);
    }

    /// <summary>Calls the provider with the stored values and records what happened.</summary>
    public async Task<ConnectionTestResult> TestAsync(IIntegrationProvider provider, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.TenantIntegrations.FirstOrDefaultAsync(r => r.Provider == provider.Key, ct)
            ?? db.TenantIntegrations.Add(new TenantIntegration { Provider = provider.Key, CreatedAt = now }).Entity;
        row.Status = IntegrationStatus.Testing;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct); // others see "testing" while the call runs

        var result = await CallAsync(provider, row, ct);
        row.Status = result.Succeeded ? IntegrationStatus.Active : IntegrationStatus.Failed;
        row.LastTestedAt = clock.GetUtcNow();
        row.LastSummary = result.Summary;
        row.LastError = result.Succeeded ? null : result.Summary;
        if (result.Succeeded)
        {
            row.Findings = new Dictionary<string, string>(result.Findings);
        }

        row.UpdatedAt = row.LastTestedAt.Value;
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "integration.tested", "tenant_integration", provider.Key,
            new() { ["result"] = SnakeCaseEnum.ToName(row.Status) }));
        await db.SaveChangesAsync(ct);

        if (result.Succeeded && WizardSteps.ForProvider(provider.Key) is { } step)
        {
            await progress.SetAsync(step.Key, OnboardingStepStatus.Completed, actor, ct);
        }

        return result;
    }

    /// <summary>A provider context for the current tenant with its stored values, for work beyond the test (jobs, sends).</summary>
    public async Task<IntegrationContext> ContextAsync(IIntegrationProvider provider, CancellationToken ct)
    {
        var row = await db.TenantIntegrations.AsNoTracking().FirstOrDefaultAsync(r => r.Provider == provider.Key, ct);
        return await ContextAsync(provider, row, ct);
    }

    private async Task<ConnectionTestResult> CallAsync(IIntegrationProvider provider, TenantIntegration row, CancellationToken ct)
    {
        try
        {
            var context = await ContextAsync(provider, row, ct);
            var missing = provider.Fields.FirstOrDefault(f => f.Required && !context.Values.ContainsKey(f.Key));
            return missing is not null
                ? ConnectionTestResult.Failure($"Enter your {provider.Name} {missing.Label} first.")
                : await provider.TestConnectionAsync(context, ct);
        }
        catch (SecretUnreadableException)
        {
            return ConnectionTestResult.Failure($"Your saved {provider.Name} credentials can't be read any more. Enter them again.");
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Connection test of {Provider} timed out", provider.Key);
            return ConnectionTestResult.Failure($"{provider.Name} did not answer in time. Nothing was changed; try again in a few minutes.");
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may quote a URL; only its kind is logged.
            logger.LogWarning("Connection test of {Provider} could not reach the service ({Error})", provider.Key, ex.HttpRequestError);
            return ConnectionTestResult.Failure($"We couldn't reach {provider.Name}. Try again in a few minutes.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A provider bug: the message might carry anything the provider saw, so only the type is logged.
            logger.LogError("Connection test of {Provider} failed with {ExceptionType}", provider.Key, ex.GetType().FullName);
            return ConnectionTestResult.Failure($"Testing {provider.Name} failed unexpectedly. Try again; if it keeps failing, contact support.");
        }
    }

    private async Task<IntegrationContext> ContextAsync(IIntegrationProvider provider, TenantIntegration? row, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(row?.Config ?? [], StringComparer.Ordinal);
        foreach (var field in provider.Fields.Where(f => f.Secret))
        {
            if (await vault.GetAsync(provider.Key, field.Key, ct) is { } secret)
            {
                values[field.Key] = secret;
            }
        }

        var overrides = options.Value.Endpoints.GetValueOrDefault(provider.Key) ?? [];
        var endpoints = provider.Endpoints.ToDictionary(e => e.Key, e => overrides.GetValueOrDefault(e.Key) ?? e.Value, StringComparer.Ordinal);
        return new IntegrationContext(httpClients.CreateClient(IntegrationHttp.ClientName), values, endpoints, await ProfileAsync(ct));
    }

    private async Task<TenantProfile> ProfileAsync(CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        var area = (await db.TenantSettings.AsNoTracking().FirstAsync(ct)).ServiceArea;
        return new TenantProfile(tenant.Id, tenant.Slug, tenant.BrandName, tenant.Industry, tenant.Timezone, tenant.Email, tenant.Phone,
            tenant.CustomDomain is { } domain ? $"https://{domain}" : null, area.Center.Lat, area.Center.Lng, area.RadiusMiles);
    }

    private async Task<HashSet<string>> StoredSecretsAsync(IIntegrationProvider provider, CancellationToken ct) =>
        (await vault.DescribeAsync(provider.Key, ct)).Select(s => s.Field).ToHashSet(StringComparer.Ordinal);

    private async Task<IntegrationView> DescribeAsync(IIntegrationProvider provider, TenantIntegration? row, CancellationToken ct)
    {
        var masked = (await vault.DescribeAsync(provider.Key, ct)).ToDictionary(s => s.Field, s => s.Masked, StringComparer.Ordinal);
        var fields = provider.Fields.Select(f =>
        {
            var value = f.Secret ? null : row?.Config.GetValueOrDefault(f.Key);
            var isSet = f.Secret ? masked.ContainsKey(f.Key) : value is not null;
            return new IntegrationField(f.Key, f.Label, f.Secret, f.Required, f.Help, f.Placeholder, isSet, value,
                f.Secret ? masked.GetValueOrDefault(f.Key) : null);
        }).ToList();
        return new IntegrationView(provider.Key, provider.Name, provider.Description,
            SnakeCaseEnum.ToName(row?.Status ?? IntegrationStatus.NotConfigured), row?.LastTestedAt, row?.LastSummary, row?.LastError,
            fields, row?.Findings ?? []);
    }
}
