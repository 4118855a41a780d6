using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Architecture;

/// <summary>
/// The host's capability folders and which use which, read from the built assembly (every type a capability's code
/// names: signatures, attributes, method bodies, generated pages). docs/decisions/0015-capability-modules.md.
/// </summary>
public sealed partial class CapabilityGraphTests
{
    /// <summary>Plumbing every capability builds on; not capabilities, so outside the graph.</summary>
    private static readonly HashSet<string> Plumbing = ["Hosting", "Persistence"];

    /// <summary>
    /// Dependencies that lie on a cycle today: debt to pay with domain events or a small public service of the
    /// capability that owns the table. The list may only shrink; see the two tests below.
    /// </summary>
    private static readonly HashSet<string> KnownCycleEdges =
    [
        "Admin -> Onboarding",
        "Auditing -> Tenancy",
        "Bookings -> Calendar", "Bookings -> Customers", "Bookings -> Notices", "Bookings -> Scheduling", "Bookings -> Series", "Bookings -> Technicians",
        "Calendar -> Admin", "Calendar -> Bookings", "Calendar -> Customers", "Calendar -> Scheduling", "Calendar -> Technicians",
        "Customers -> Bookings",
        "Features -> Auditing", "Features -> Tenancy",
        "Identity -> Auditing", "Identity -> SignUp", "Identity -> Tenancy",
        "Integrations -> Onboarding",
        "Messaging -> Tenancy",
        "Notices -> Bookings", "Notices -> Customers", "Notices -> Integrations", "Notices -> Technicians",
        "Onboarding -> Admin", "Onboarding -> Integrations", "Onboarding -> Scheduling",
        "Plugins -> Features", "Plugins -> Messaging",
        "Scheduling -> Bookings", "Scheduling -> Technicians",
        "Series -> Bookings", "Series -> Customers", "Series -> Scheduling", "Series -> Technicians",
        "SignUp -> Plugins", "SignUp -> Tenancy",
        "Technicians -> Bookings", "Technicians -> Scheduling",
        "Tenancy -> Auditing", "Tenancy -> Features", "Tenancy -> Identity", "Tenancy -> Plugins",
    ];

    private static readonly Lazy<CapabilityGraph> Graph = new(() => CapabilityGraph.Read(typeof(Program).Assembly.Location, Plumbing));

    [Fact]
    public void No_new_dependency_between_capability_folders_closes_a_cycle()
    {
        var added = Graph.Value.EdgesOnCycles().Except(KnownCycleEdges).Order().ToList();

        Assert.True(added.Count == 0,
            "These dependencies close a cycle between capability folders; go through a domain event or the other " +
            $"capability's public service instead: {string.Join(", ", added)}");
    }

    [Fact]
    public void Every_known_cycle_still_exists_so_the_list_only_shrinks()
    {
        var gone = KnownCycleEdges.Except(Graph.Value.EdgesOnCycles()).Order().ToList();

        Assert.True(gone.Count == 0, $"No longer on a cycle, remove from {nameof(KnownCycleEdges)}: {string.Join(", ", gone)}");
    }

    [Fact]
    public void The_graph_sees_dependencies_through_tables_and_pages()
    {
        // Notices read bookings (an extension property of BookingTables); the calendar's pages book through Bookings.
        Assert.Contains("Bookings", Graph.Value.DependenciesOf("Notices"));
        Assert.Contains("Bookings", Graph.Value.DependenciesOf("Calendar"));
        Assert.DoesNotContain("Hosting", Graph.Value.Folders);
        // Bookings and the calendar use each other today: the detector must see that cycle.
        Assert.Contains("Calendar -> Bookings", Graph.Value.EdgesOnCycles());
    }

    [Fact]
    public void Every_capability_folder_has_one_module_and_Program_lists_every_module()
    {
        var modules = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ServicePro.Host.Hosting.HostModule)) && !t.IsAbstract)
            .ToList();
        var program = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Host", "Program.cs"));
        var listed = ModuleInProgram().Matches(program).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.All(modules, m => Assert.Contains(m.Name, listed));
        Assert.All(modules.GroupBy(m => m.Namespace), g => Assert.Single(g));
        var foldersWithCode = Graph.Value.Folders.Concat(Plumbing);
        Assert.All(foldersWithCode, folder => Assert.Contains(modules, m => m.Namespace == "ServicePro.Host." + folder));
    }

    [GeneratedRegex(@"new (\w+Module)\(\)")]
    private static partial Regex ModuleInProgram();

    private sealed class CapabilityGraph
    {
        private const string Root = "ServicePro.Host.";
        private readonly Dictionary<string, HashSet<string>> _edges = [];

        public IEnumerable<string> Folders => _edges.Keys;

        public HashSet<string> DependenciesOf(string folder) => _edges.GetValueOrDefault(folder) ?? [];

        public static CapabilityGraph Read(string assemblyPath, HashSet<string> plumbing)
        {
            var graph = new CapabilityGraph();
            using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
            var module = assembly.MainModule;
            foreach (var type in module.GetTypes())
            {
                if (FolderOf(type) is not { } from || plumbing.Contains(from))
                {
                    continue;
                }

                var uses = graph._edges.TryGetValue(from, out var set) ? set : graph._edges[from] = [];
                foreach (var used in Referenced(type))
                {
                    if (used.Scope == module && FolderOf(used.Resolve()) is { } to && to != from && !plumbing.Contains(to))
                    {
                        uses.Add(to);
                    }
                }
            }

            return graph;
        }

        /// <summary>Edges "A -> B" whose two ends are in one strongly connected component.</summary>
        public HashSet<string> EdgesOnCycles()
        {
            var component = Components();
            return _edges.SelectMany(e => e.Value.Where(to => component[e.Key] == component.GetValueOrDefault(to, -1))
                .Select(to => $"{e.Key} -> {to}")).ToHashSet();
        }

        private Dictionary<string, int> Components()
        {
            // Tarjan's algorithm; the graph has a few dozen nodes.
            var index = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var component = new Dictionary<string, int>();
            var stack = new Stack<string>();
            var next = 0;
            void Visit(string v)
            {
                index[v] = low[v] = next++;
                stack.Push(v);
                foreach (var w in DependenciesOf(v))
                {
                    if (!index.TryGetValue(w, out var seen))
                    {
                        Visit(w);
                        low[v] = Math.Min(low[v], low[w]);
                    }
                    else if (stack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], seen);
                    }
                }

                if (low[v] == index[v])
                {
                    string w;
                    do
                    {
                        w = stack.Pop();
                        component[w] = index[v];
                    }
                    while (w != v);
                }
            }

            foreach (var v in _edges.Keys)
            {
                if (!index.ContainsKey(v))
                {
                    Visit(v);
                }
            }

            return component;
        }

        /// <summary>The capability folder a type's code lives in; null for the composition root and the framework's.</summary>
        private static string? FolderOf(TypeDefinition? type)
        {
            while (type?.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            if (type is null)
            {
                return null;
            }

            if (type.Namespace == "AspNetCoreGeneratedDocument")
            {
                // Razor names a page's class after its path: Calendar_Pages_Index.
                var first = type.Name.Split('_', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                return string.IsNullOrEmpty(first) ? null : first;
            }

            return type.Namespace.StartsWith(Root, StringComparison.Ordinal) ? type.Namespace[Root.Length..].Split('.')[0] : null;
        }

        private static List<TypeReference> Referenced(TypeDefinition type)
        {
            var found = new List<TypeReference>();
            void Add(TypeReference? t)
            {
                switch (t)
                {
                    case null:
                        return;
                    case GenericInstanceType generic:
                        Add(generic.ElementType);
                        generic.GenericArguments.ToList().ForEach(Add);
                        return;
                    case TypeSpecification spec:
                        Add(spec.ElementType);
                        return;
                    default:
                        found.Add(t);
                        return;
                }
            }

            void AddAttributes(ICustomAttributeProvider provider)
            {
                foreach (var attribute in provider.CustomAttributes)
                {
                    Add(attribute.AttributeType);
                }
            }

            Add(type.BaseType);
            type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
            AddAttributes(type);
            foreach (var field in type.Fields)
            {
                Add(field.FieldType);
                AddAttributes(field);
            }

            foreach (var property in type.Properties)
            {
                Add(property.PropertyType);
                AddAttributes(property);
            }

            foreach (var method in type.Methods)
            {
                Add(method.ReturnType);
                AddAttributes(method);
                method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                if (!method.HasBody)
                {
                    continue;
                }

                method.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Add(t);
                            break;
                        case MethodReference m:
                            Add(m.DeclaringType);
                            Add(m.ReturnType);
                            if (m is GenericInstanceMethod gm)
                            {
                                gm.GenericArguments.ToList().ForEach(Add);
                            }

                            break;
                        case FieldReference f:
                            Add(f.DeclaringType);
                            Add(f.FieldType);
                            break;
                    }
                }
            }

            return found;
        }
    }
}
