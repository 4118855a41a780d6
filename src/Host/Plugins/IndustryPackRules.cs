using System.Text.RegularExpressions;
using ServicePro.Abstractions;

namespace ServicePro.Host.Plugins;

/// <summary>What the host insists on before it trusts a pack's content enough to seed tenants from it.</summary>
public static partial class IndustryPackRules
{
    public static IReadOnlyList<string> Check(IIndustryPack pack, string manifestId)
    {
        var problems = new List<string>();
        if (pack.Slug != manifestId)
        {
            problems.Add($"Pack slug '{pack.Slug}' differs from manifest id '{manifestId}'.");
        }

        if (!SlugPattern().IsMatch(pack.Slug))
        {
            problems.Add($"Pack slug '{pack.Slug}' must be lower snake case.");
        }

        if (pack.DefaultServices.Count == 0)
        {
            problems.Add("A pack must offer at least one service.");
        }

        foreach (var s in pack.DefaultServices)
        {
            if (s.PriceMin < 0 || s.PriceMin > s.PriceMax)
            {
                problems.Add($"Service '{s.Name}' has an invalid price range.");
            }

            if (s.DurationMinutes <= 0 || s.MaxDurationMinutes < s.DurationMinutes)
            {
                problems.Add($"Service '{s.Name}' has an invalid duration range.");
            }
        }

        if (pack.DefaultServices.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != pack.DefaultServices.Count)
        {
            problems.Add("Service names must be unique within a pack.");
        }

        foreach (var field in pack.IntakeFields.Where(f => f.Type == IntakeFieldType.Choice && f.Options is null or { Count: 0 }))
        {
            problems.Add($"Intake field '{field.Key}' is a choice without options.");
        }

        foreach (var flag in pack.FeatureDefaults.Keys.Where(k => !Features.PlatformFlags.Defaults.ContainsKey(k)))
        {
            problems.Add($"Unknown feature flag '{flag}'.");
        }

        return problems;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,99}$")]
    private static partial Regex SlugPattern();
}
