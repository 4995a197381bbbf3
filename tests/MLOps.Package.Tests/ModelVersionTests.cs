using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Package.Tests;

/// <summary>Versions that mean something to the code that consumes them (docs/registry.md#versions), through the real CLI.</summary>
public sealed class ModelVersionTests(VersionedModelFixture models) : IClassFixture<VersionedModelFixture>
{
    /// <summary>Code written against 1.x: it sets Distance, which 2.0.0 no longer has.</summary>
    private const string Program1x = """
        using FlightDelay.Model;

        var model = FlightDelayModel.Load();
        var prediction = model.Predict(new FlightDelayInput
        {
            Date = new DateTime(2001, 2, 12, 19, 45, 0),
            Distance = 740,
            Origin = "ORD",
        });
        Console.WriteLine($"probability={prediction.Probability} version={model.Version}");
        """;

    [Fact]
    public void Should_publish_1_0_0_1_0_1_1_1_0_and_2_0_0_When_retrained_then_given_an_optional_input_then_an_input_removed()
    {
        // Given the four publishes of the fixture
        // When their decisions are read from the build output
        // Then each version says why
        Assert.Contains("FlightDelay.Model 1.0.0 (first: the first version in the feed)", models.Publishes[0].Output);
        Assert.Contains("FlightDelay.Model 1.0.1 (patch: retrained with the same contract; previous 1.0.0)", models.Publishes[1].Output);
        Assert.Contains("FlightDelay.Model 1.1.0 (minor: new optional input 'Destination'; previous 1.0.1)", models.Publishes[2].Output);
        Assert.Contains("FlightDelay.Model 2.0.0 (major: input 'Distance' removed; previous 1.1.0)", models.Publishes[3].Output);
    }

    [Fact]
    public void Should_still_build_and_run_on_1_0_0_When_1_0_1_and_1_1_0_are_published()
    {
        // Given a consumer written for 1.x that added FlightDelay.Model 1.0.0, after 1.0.1, 1.1.0 (and 2.0.0) were published
        ConsumerApp consumer = models.NewConsumer("pinned", Program1x);
        DotNetResult add = consumer.AddPackage(VersionedModelFixture.PackageId, "1.0.0");

        // When it is built and run
        DotNetResult run = consumer.RunApp();

        // Then it compiled against 1.0.0, and runs that model
        Assert.True(add.Succeeded, add.ToString());
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains(run.Lines, l => l.StartsWith("probability=", StringComparison.Ordinal) && l.EndsWith("version=1.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_fail_to_compile_naming_the_removed_input_When_code_for_1_x_references_2_0_0()
    {
        // Given a consumer written for 1.x that updated to FlightDelay.Model 2.0.0 (Distance removed)
        ConsumerApp consumer = models.NewConsumer("upgraded", Program1x);
        DotNetResult add = consumer.AddPackage(VersionedModelFixture.PackageId, "2.0.0");

        // When it is built
        DotNetResult build = consumer.Build();

        // Then the compiler rejects it, naming the member that went away
        Assert.True(add.Succeeded, add.ToString());
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains(build.Lines, l => l.Contains("error CS0117", StringComparison.Ordinal)
            && l.Contains("'FlightDelayInput' does not contain a definition for 'Distance'", StringComparison.Ordinal));
    }
}
