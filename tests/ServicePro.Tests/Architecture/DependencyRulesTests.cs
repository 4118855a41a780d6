using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Architecture;

public sealed class DependencyRulesTests
{
    /// <summary>
    /// Every plugin in the repository, found by scanning: a folder under plugins/ or tests/Fixtures/ holding a
    /// plugin.json beside a project. A new pack or provider is checked without anyone adding it here.
    /// </summary>
    public static TheoryData<string> PluginProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in ScanPluginProjects())
        {
            data.Add(project);
        }

        return data;
    }

    [Fact]
    public void The_scan_finds_every_shipped_plugin_and_the_fixtures()
    {
        var names = ScanPluginProjects().Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.Subset(names, new HashSet<string?>
        {
            "ServicePro.Plugins.AutoDetail", "ServicePro.Plugins.LawnCare", "ServicePro.Plugins.PetGrooming", "ServicePro.Plugins.HouseCleaning",
            "ServicePro.Integrations.Twilio", "ServicePro.Integrations.Stripe", "ServicePro.Integrations.OpenAI",
            "ServicePro.Integrations.SendGrid", "ServicePro.Integrations.Google", "ServicePro.Integrations.OpenMeteo",
            "ServicePro.Fixtures.PartnerPack", "ServicePro.Fixtures.ThrowingPack",
        });
    }

    [Theory]
    [MemberData(nameof(PluginProjects))]
    public void A_plugin_project_references_only_Abstractions_and_at_most_its_own_packages(string project)
    {
        var xml = XDocument.Load(Path.Combine(RepoPaths.Root, project));
        var packages = xml.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

        // Abstractions comes from the folder's shared Directory.Build.props, referenced for compiling only.
        Assert.Empty(xml.Descendants("ProjectReference"));
        var shared = XDocument.Load(Path.Combine(RepoPaths.Root, SharedPropsFor(project)));
        Assert.Equal(["src/Abstractions/ServicePro.Abstractions.csproj"],
            shared.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value.Replace("$(RepoRoot)", "", StringComparison.Ordinal)));
        switch (KindOf(project))
        {
            case "industry_pack" when !IsFixture(project):
                Assert.Empty(packages);
                break;
            case "integration_provider":
                // A provider may carry its service's SDK, and nothing else.
                Assert.True(packages.Count <= 1, $"{project} references {string.Join(", ", packages)}");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(PluginProjects))]
    public void A_built_plugin_references_Abstractions_and_never_the_host(string project)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var folder = Path.Combine(RepoPaths.Root, "artifacts", IsFixture(project) ? "test-plugins" : "plugins", name);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "plugin.json"))).RootElement;
        var references = ReferencedAssemblies(Path.Combine(folder, manifest.GetProperty("assembly").GetString()!));

        Assert.Contains("ServicePro.Abstractions", references);
        Assert.DoesNotContain(references, r => r.StartsWith("ServicePro.", StringComparison.Ordinal) && r != "ServicePro.Abstractions");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        if (KindOf(project) == "industry_pack" && !IsFixture(project))
        {
            Assert.All(references, r => Assert.True(
                r == "ServicePro.Abstractions" || r.StartsWith("System", StringComparison.Ordinal) || r is "netstandard" or "mscorlib",
                $"{name} references {r}"));
        }

        Assert.False(File.Exists(Path.Combine(folder, "ServicePro.Abstractions.dll")), "the shared contract must come from the host, not a private copy");
    }

    [Fact]
    public void Abstractions_depends_on_nothing_but_the_base_library()
    {
        var references = ReferencedAssemblies(typeof(ServicePro.Abstractions.IIndustryPack).Assembly.Location);

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", $"Abstractions references {r}"));
    }

    private static List<string> ScanPluginProjects() =>
        new[] { "plugins", Path.Combine("tests", "Fixtures") }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, root), "plugin.json", SearchOption.AllDirectories))
            .Where(manifest => !manifest.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !manifest.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(manifest => Directory.EnumerateFiles(Path.GetDirectoryName(manifest)!, "*.csproj"))
            .Select(project => Path.GetRelativePath(RepoPaths.Root, project).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsFixture(string project) => project.StartsWith("tests/", StringComparison.Ordinal);

    private static string SharedPropsFor(string project) => IsFixture(project) ? "tests/Fixtures/Directory.Build.props" : "plugins/Directory.Build.props";

    private static string KindOf(string project) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, Path.GetDirectoryName(project)!, "plugin.json")))
            .RootElement.GetProperty("kind").GetString()!;

    private static List<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
