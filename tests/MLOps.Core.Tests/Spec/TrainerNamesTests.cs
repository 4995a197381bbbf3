using MLOps.Core.Spec;
using MLOps.Core.Training;
using Xunit;

namespace MLOps.Core.Tests.Spec;

public sealed class TrainerNamesTests
{
    [Fact]
    public void Should_name_every_trainer_of_the_catalog_with_its_options_When_the_spec_checks_trainers()
    {
        // Given the trainers ML.NET builds (TrainerCatalog) and the names the spec is checked against (TrainerNames)
        var catalog = TrainerCatalog.All.Select(t => $"{t.Task}/{t.Name}: {string.Join(",", t.ParameterNames)}");
        var names = TrainerNames.All.Select(t => $"{t.Task}/{t.Name}: {string.Join(",", t.ParameterNames)}");

        // Then they list the same trainers with the same hyperparameters
        Assert.Equal(catalog, names);
    }
}
