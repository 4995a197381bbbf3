using MLOps.Core.Spec;
using MLOps.Core.Training;
using MLOps.Core.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class ModelDependenciesTests
{
    [Theory]
    [InlineData(TaskType.BinaryClassification, "LightGbm", "Microsoft.ML,Microsoft.ML.LightGbm")]
    [InlineData(TaskType.Regression, "FastTree", "Microsoft.ML,Microsoft.ML.FastTree")]
    [InlineData(TaskType.BinaryClassification, "SdcaLogisticRegression", "Microsoft.ML")]
    [InlineData(TaskType.MulticlassClassification, "SdcaMaximumEntropy", "Microsoft.ML")]
    [InlineData(TaskType.Regression, "NoSuchTrainer", "Microsoft.ML")]
    public void Should_depend_on_Microsoft_ML_and_the_trainers_package_When_the_trainer_has_one(TaskType task, string trainer, string expected)
    {
        // Given a trainer named by a spec
        // When the model package's ML.NET dependencies are listed
        // Then they are Microsoft.ML and, for LightGbm and FastTree, their own package
        Assert.Equal(expected.Split(','), ModelDependencies.Packages(task, trainer));
    }

    [Fact]
    public void Should_name_only_packages_the_SDK_carries_When_any_trainer_is_used()
    {
        // Given every trainer in the catalog
        // When their dependencies are listed
        var packages = TrainerCatalog.All.SelectMany(t => ModelDependencies.Packages(t.Task, t.Name)).ToHashSet();

        // Then each is one of the ML.NET packages in Directory.Packages.props
        Assert.Subset(new HashSet<string> { "Microsoft.ML", "Microsoft.ML.LightGbm", "Microsoft.ML.FastTree" }, packages);
    }

    [Fact]
    public void Should_name_the_package_of_the_trainers_assembly_When_any_trainer_is_listed()
    {
        // Given every trainer in the catalog, and the assembly holding its ML.NET options class
        foreach (TrainerDescriptor trainer in TrainerCatalog.All)
        {
            string assembly = trainer.GetType().GetGenericArguments()[0].Assembly.GetName().Name!;

            // When its dependencies are listed
            IReadOnlyList<string> packages = ModelDependencies.Packages(trainer.Task, trainer.Name);

            // Then the trainer's package is named after that assembly, or none is added when Microsoft.ML carries it
            string[] expected = assembly.StartsWith("Microsoft.ML.", StringComparison.Ordinal) && assembly is not ("Microsoft.ML.StandardTrainers" or "Microsoft.ML.Data")
                ? ["Microsoft.ML", assembly]
                : ["Microsoft.ML"];
            Assert.Equal(expected, packages);
        }
    }
}
