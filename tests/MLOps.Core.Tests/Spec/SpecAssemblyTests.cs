using System.Reflection;
using System.Runtime.Loader;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Spec;

/// <summary>
/// Reading a spec (the build does it for every model, before anything needs training) loads no ML.NET assembly.
/// The spec is read in a collectible load context that loads every assembly of the test's folder itself, so
/// what the rest of this test process loaded does not hide or fake what reading a spec loads.
/// </summary>
public sealed class SpecAssemblyTests
{
    [Fact]
    public void Should_load_no_MLNet_assembly_When_a_spec_is_read()
    {
        // Given a valid spec that names a trainer, its hyperparameters, a date derivation and a gate
        using var dir = new TempFolder("mlops-spec-load");
        dir.Write("flights.csv", TestModels.FlightsCsv(10));
        dir.Write("schema.json", TestModels.FlightsSchema);
        string spec = dir.Write("model.yaml", TestModels.FlightsSpec());

        // When SpecLoader reads it in a fresh load context
        var context = new IsolatedContext();
        try
        {
            object? loaded = ReadSpec(context, spec);

            // Then the spec was read, and no Microsoft.ML assembly was loaded to read it
            Assert.NotNull(loaded);
            Assert.Contains(context.Assemblies, a => a.GetName().Name == "MLOps.Core");
            Assert.DoesNotContain(context.Assemblies.Select(a => a.GetName().Name), name => name!.StartsWith("Microsoft.ML", StringComparison.Ordinal));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Should_see_MLNet_loaded_When_the_isolated_context_runs_training_code()
    {
        // Given the same isolated context
        var context = new IsolatedContext();
        try
        {
            // When code that touches ML.NET runs in it (the trainer table builds ML.NET trainer descriptors)
            Assembly core = context.LoadFromAssemblyName(new AssemblyName("MLOps.Core"));
            core.GetType("MLOps.Core.Training.TrainerCatalog", throwOnError: true)!.GetProperty("All")!.GetValue(null);

            // Then the context sees it: the check above would catch a spec that loads ML.NET
            Assert.Contains(context.Assemblies, a => a.GetName().Name!.StartsWith("Microsoft.ML", StringComparison.Ordinal));
        }
        finally
        {
            context.Unload();
        }
    }

    private static object? ReadSpec(AssemblyLoadContext context, string specPath)
    {
        Assembly core = context.LoadFromAssemblyName(new AssemblyName("MLOps.Core"));
        object bag = Activator.CreateInstance(core.GetType("MLOps.Core.Diagnostics.DiagnosticBag", throwOnError: true)!)!;
        MethodInfo load = core.GetType(typeof(SpecLoader).FullName!, throwOnError: true)!.GetMethod(nameof(SpecLoader.Load))!;
        object? spec = load.Invoke(null, [specPath, bag]);
        Assert.Empty(((System.Collections.IEnumerable)bag).Cast<object>());
        return spec;
    }

    /// <summary>Loads every assembly found in the test's output folder into itself; the framework's come from the default context.</summary>
    private sealed class IsolatedContext() : AssemblyLoadContext("spec-load-check", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
