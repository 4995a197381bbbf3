using MLOps.Core.Spec;
using Xunit;

namespace MLOps.Core.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    private const string Prefix = "MLOps.Core.";

    [Fact]
    public void Should_have_no_cycle_When_namespaces_of_MLOps_Core_use_each_other()
    {
        // Given what each MLOps.Core namespace uses, read from the assembly's metadata and IL
        var graph = NamespaceGraph.Of(typeof(SpecLoader).Assembly, Prefix);

        // Then no namespace depends on itself through others
        Assert.Empty(NamespaceCycles.Cycles(graph).Select(c => string.Join(" <-> ", c)));
    }

    [Fact]
    public void Should_have_no_cycle_When_the_top_level_areas_of_MLOps_Core_use_each_other()
    {
        // Given the same graph with Data.Readers, Data.Schema, ... counted as Data
        var areas = NamespaceCycles.Coarsen(NamespaceGraph.Of(typeof(SpecLoader).Assembly, Prefix), Prefix, 1);

        // Then the areas depend on each other in one direction only (Spec -> Data, Training -> Spec, ...)
        Assert.Empty(NamespaceCycles.Cycles(areas).Select(c => string.Join(" <-> ", c)));
    }

    [Fact]
    public void Should_see_the_spec_use_data_and_training_use_the_spec_When_the_graph_is_read()
    {
        // Given the graph
        var graph = NamespaceGraph.Of(typeof(SpecLoader).Assembly, Prefix);

        // Then it sees references the code is known to make (so an empty cycle list means something)
        Assert.Contains("MLOps.Core.Data.Schema", graph["MLOps.Core.Spec"]);
        Assert.Contains("MLOps.Core.Spec", graph["MLOps.Core.Training"]);
        Assert.Contains("MLOps.Core.Data.Profiling", graph["MLOps.Core.Data.Validation"]);
    }

    [Fact]
    public void Should_report_the_cycle_When_two_namespaces_use_each_other()
    {
        // Given A -> B -> C -> A and C -> D
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string> { "C" },
            ["C"] = new HashSet<string> { "A", "D" },
            ["D"] = new HashSet<string>(),
        };

        // Then the cycle is found, and D is not in it
        Assert.Equal(["A", "B", "C"], Assert.Single(NamespaceCycles.Cycles(graph)));
    }
}
