using System.Text.RegularExpressions;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Host.Plugins;

/// <summary>What the host insists on before it shows a provider's form to tenants and calls it.</summary>
public static partial class IntegrationProviderRules
{
    public static IReadOnlyList<string> Check(IIntegrationProvider provider, string manifestId)
    {
        var problems = new List<string>();
        if (provider.Key != manifestId)
        {
            problems.Add($"Provider key '{provider.Key}' differs from manifest id '{manifestId}'.");
        }

        if (string.IsNullOrWhiteSpace(provider.Name))
        {
            problems.Add("A provider needs a name.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in provider.Fields)
        {
            if (!KeyPattern().IsMatch(field.Key) || !seen.Add(field.Key))
            {
                problems.Add($"Field '{field.Key}' must be a unique lower snake case key.");
            }

            if (string.IsNullOrWhiteSpace(field.Label))
            {
                problems.Add($"Field '{field.Key}' needs a label.");
            }
        }

        if (provider.Endpoints.Count == 0)
        {
            problems.Add("A provider must declare at least one endpoint.");
        }

        foreach (var (name, uri) in provider.Endpoints)
        {
            if (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"Endpoint '{name}' must be an absolute https address.");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
