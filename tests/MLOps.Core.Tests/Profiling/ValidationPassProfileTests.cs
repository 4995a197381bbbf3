using MLOps.Core.Data.Profiling;
using MLOps.Core.Spec;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tests.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Profiling;

public sealed class ValidationPassProfileTests
{
    [Fact]
    public void Should_profile_every_value_in_the_validation_pass_When_a_model_spec_is_checked()
    {
        // Given a spec over 400 generated flights
        using var dir = new TempFolder("mlops-profile");
        string csv = TestModels.FlightsCsv(400);
        dir.Write("flights.csv", csv);
        dir.Write("schema.json", TestModels.FlightsSchema);
        string spec = dir.Write("model.yaml", TestModels.FlightsSpec());

        // When the pre-training check runs
        var bag = new DiagnosticBag();
        var (_, report, profile) = ModelDataCheck.Run(spec, bag);

        // Then the same pass produced a profile of every column, matching the data
        Assert.Empty(bag);
        Assert.NotNull(profile);
        Assert.Equal(400, report!.RowsRead);
        Assert.Equal(400, profile.Rows);
        Assert.Equal(["date", "delay", "distance", "origin", "destination"], profile.Columns.Select(c => c.Name));
        int[] delays = [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))];
        ColumnProfile delay = profile.Columns[1];
        Assert.Equal(delays.Min(), delay.Numeric!.Min);
        Assert.Equal(delays.Max(), delay.Numeric.Max);
        Assert.Equal(delays.Average(), delay.Numeric.Mean, 9);
    }
}
