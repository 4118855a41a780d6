using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Architecture;

public sealed class DependencyRulesTests
{
    public static TheoryData<string> PluginProjects => new()
    {
        "plugins/AutoDetail/ServicePro.Plugins.AutoDetail.csproj",
        "plugins/LawnCare/ServicePro.Plugins.LawnCare.csproj",
        "plugins/PetGrooming/ServicePro.Plugins.PetGrooming.csproj",
        "plugins/HouseCleaning/ServicePro.Plugins.HouseCleaning.csproj",
    };

    [Theory]
    [MemberData(nameof(PluginProjects))]
    public void A_plugin_project_references_only_Abstractions_and_no_packages(string project)
    {
        var xml = XDocument.Load(Path.Combine(RepoPaths.Root, project));

        Assert.Empty(xml.Descendants("ProjectReference"));
        Assert.Empty(xml.Descendants("PackageReference"));
        var shared = XDocument.Load(Path.Combine(RepoPaths.Root, "plugins", "Directory.Build.props"));
        Assert.Equal(["src/Abstractions/ServicePro.Abstractions.csproj"],
            shared.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value.Replace("$(RepoRoot)", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ServicePro.Plugins.AutoDetail")]
    [InlineData("ServicePro.Plugins.LawnCare")]
    [InlineData("ServicePro.Plugins.PetGrooming")]
    [InlineData("ServicePro.Plugins.HouseCleaning")]
    public void A_built_plugin_assembly_references_only_Abstractions_and_the_framework(string name)
    {
        var references = ReferencedAssemblies(Path.Combine(RepoPaths.Root, "artifacts", "plugins", name, name + ".dll"));

        Assert.Contains("ServicePro.Abstractions", references);
        Assert.All(references, r => Assert.True(
            r == "ServicePro.Abstractions" || r.StartsWith("System", StringComparison.Ordinal) || r is "netstandard" or "mscorlib",
            $"{name} references {r}"));
        Assert.False(File.Exists(Path.Combine(RepoPaths.Root, "artifacts", "plugins", name, "ServicePro.Abstractions.dll")),
            "the shared contract must come from the host, not a private copy");
    }

    /// <summary>Integration providers may carry the service's own SDK, and nothing else.</summary>
    [Theory]
    [InlineData("Twilio", null)]
    [InlineData("Stripe", "Stripe.net")]
    [InlineData("OpenAI", "OpenAI")]
    [InlineData("SendGrid", "SendGrid")]
    [InlineData("Google", null)]
    [InlineData("OpenMeteo", null)]
    public void An_integration_provider_references_Abstractions_and_at_most_its_services_SDK(string name, string? sdk)
    {
        var xml = XDocument.Load(Path.Combine(RepoPaths.Root, "plugins", "Integrations", name, $"ServicePro.Integrations.{name}.csproj"));

        Assert.Empty(xml.Descendants("ProjectReference"));
        Assert.Equal(sdk is null ? [] : [sdk], xml.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value));
        var assembly = $"ServicePro.Integrations.{name}";
        var references = ReferencedAssemblies(Path.Combine(RepoPaths.Root, "artifacts", "plugins", assembly, assembly + ".dll"));
        Assert.DoesNotContain(references, r => r.StartsWith("ServicePro.", StringComparison.Ordinal) && r != "ServicePro.Abstractions");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(RepoPaths.Root, "artifacts", "plugins", assembly, "ServicePro.Abstractions.dll")));
    }

    [Fact]
    public void Abstractions_depends_on_nothing_but_the_base_library()
    {
        var references = ReferencedAssemblies(typeof(ServicePro.Abstractions.IIndustryPack).Assembly.Location);

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", $"Abstractions references {r}"));
    }

    private static List<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
