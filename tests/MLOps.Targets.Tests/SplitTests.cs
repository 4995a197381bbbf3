using System.Text.Json;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class SplitTests(ITestOutputHelper log)
{
    private static string WithSplit(ModelSpecText spec, string split) =>
        spec.ToString().Replace("split:\n  test-fraction: 0.2\n  seed: 42\n", "split:\n" + split, StringComparison.Ordinal);

    [Fact]
    public void Should_hold_out_the_rows_of_the_period_When_the_real_flights_are_split_by_date()
    {
        // Given the repository's flights (2001-01-01 to 2001-02-28) split by date: test from Feb 15, validation from Feb 1
        using var project = TempModelProject.Create(log);
        File.Copy(Repository.File("data/flights/flights.csv"), project.DataFile, overwrite: true);
        project.WriteSpec(WithSplit(new ModelSpecText("Demo", Gates: "auc: { min: 0.55 }"), "  by: date\n  test-from: 2001-02-15\n  validation-from: 2001-02-01\n"));

        // When it is packed (validate, train, evaluate, gate, lineage, card)
        DotNetResult pack = project.Pack();

        // Then each split holds exactly its period's rows, counted here from the CSV's text (ISO dates sort as text)
        Assert.True(pack.Succeeded, pack.ToString());
        string[] dates = [.. File.ReadLines(project.DataFile).Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)])];
        long test = dates.Count(d => string.CompareOrdinal(d, "2001-02-15") >= 0);
        long validation = dates.Count(d => string.CompareOrdinal(d, "2001-02-01") >= 0) - test;
        long train = dates.Length - test - validation;
        Assert.True(test > 10_000 && validation > 10_000 && train > 10_000, $"{train} {validation} {test}");
        using JsonDocument training = Read(Path.Combine(project.IntermediateDirectory, "training.json"));
        JsonElement rows = training.RootElement.GetProperty("split").GetProperty("rows");
        Assert.Equal((train, validation, test), (rows.GetProperty("train").GetInt64(), rows.GetProperty("validation").GetInt64(), rows.GetProperty("test").GetInt64()));

        // And lineage records the split, validation metrics sit beside the test metrics, and the card says how it was split
        using JsonDocument lineage = Read(Path.Combine(project.IntermediateDirectory, "package", "lineage.json"));
        JsonElement split = lineage.RootElement.GetProperty("split");
        Assert.Equal(("time", "date", "2001-02-15", "2001-02-01"), (split.GetProperty("kind").GetString(), split.GetProperty("column").GetString(),
            split.GetProperty("test_from").GetString(), split.GetProperty("validation_from").GetString()));
        Assert.Equal(test, split.GetProperty("rows").GetProperty("test").GetInt64());
        using JsonDocument validationMetrics = Read(Path.Combine(project.IntermediateDirectory, "validation.metrics.json"));
        Assert.InRange(validationMetrics.RootElement.GetProperty("auc").GetDouble(), 0.55, 0.9);
        Assert.Contains("- Split: by time on `date`: the test rows are those at or after 2001-02-15",
            File.ReadAllText(Path.Combine(project.IntermediateDirectory, "package", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_retrain_When_the_separate_test_data_changes()
    {
        // Given a model tested on a separate file, built once
        using var project = TempModelProject.Create(log);
        string testData = Path.Combine(project.Root, "data", "march.csv");
        File.WriteAllLines(testData, [FlightData.Header, .. FlightData.Rows(500, seed: 2)]);
        project.WriteSpec(WithSplit(new ModelSpecText("Demo", Gates: "auc: { min: 0.55 }"), "  test-data: ../data/march.csv\n"));
        DotNetResult first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        Assert.Contains("Demo: trained LightGbm on 3,000 rows", first.Output, StringComparison.Ordinal);

        // When it is built again unchanged, then after 100 rows are added to the test file
        DotNetResult unchanged = project.Build();
        File.AppendAllLines(testData, FlightData.Rows(100, seed: 3));
        DotNetResult changed = project.Build();

        // Then the unchanged build skips training, and the changed test data retrains and re-evaluates on all 600 rows
        Assert.True(unchanged.Succeeded && changed.Succeeded, changed.ToString());
        Assert.Contains("model up to date, training skipped", unchanged.Output, StringComparison.Ordinal);
        Assert.Contains("Demo: trained LightGbm on 3,000 rows", changed.Output, StringComparison.Ordinal);
        using JsonDocument training = Read(Path.Combine(project.IntermediateDirectory, "training.json"));
        JsonElement split = training.RootElement.GetProperty("split");
        Assert.Equal(("file", 600L), (split.GetProperty("kind").GetString(), split.GetProperty("rows").GetProperty("test").GetInt64()));
        string fingerprint = split.GetProperty("test_data").GetProperty("fingerprint").GetString()!;
        Assert.StartsWith("xxh128:", fingerprint, StringComparison.Ordinal);

        // And the lock file beside the spec locks the test data with the same fingerprint
        using JsonDocument modelLock = Read(Path.Combine(project.ProjectDirectory, "model.lock.json"));
        JsonElement locked = modelLock.RootElement.GetProperty("test_data");
        Assert.Equal(("../data/march.csv", fingerprint), (locked.GetProperty("path").GetString(), locked.GetProperty("fingerprint").GetString()));
    }

    [Fact]
    public void Should_drop_and_restore_the_validation_metrics_When_the_validation_split_is_removed_and_put_back()
    {
        // Given a model with a random validation split, built once (trained and stored in the run cache)
        using var project = TempModelProject.Create(log);
        string withValidation = WithSplit(new ModelSpecText("Demo", Gates: "auc: { min: 0.55 }"), "  test-fraction: 0.2\n  validation-fraction: 0.1\n  seed: 42\n");
        project.WriteSpec(withValidation);
        DotNetResult first = project.Build();
        string validationMetrics = Path.Combine(project.IntermediateDirectory, "validation.metrics.json");
        Assert.True(first.Succeeded && File.Exists(validationMetrics), first.ToString());
        string metricsText = File.ReadAllText(validationMetrics);

        // When the validation split is removed and the model built, then put back and built again
        project.WriteSpec(new ModelSpecText("Demo", Gates: "auc: { min: 0.55 }").ToString());
        DotNetResult without = project.Build();
        bool goneWithout = !File.Exists(validationMetrics) && !File.Exists(Path.Combine(project.IntermediateDirectory, "validation.idv"));
        project.WriteSpec(withValidation);
        DotNetResult back = project.Build();

        // Then without it no validation files describe the new model, and with it back the run cache restores
        // validation.idv with the model, so the same validation metrics come back without training
        Assert.True(without.Succeeded && back.Succeeded, back.ToString());
        Assert.True(goneWithout, without.ToString());
        Assert.Contains("Demo: restored from run cache", back.Output, StringComparison.Ordinal);
        Assert.Equal(metricsText, File.ReadAllText(validationMetrics));
    }

    [Fact]
    public void Should_fail_with_MLOPS1071_When_the_separate_test_data_breaks_the_schema()
    {
        // Given a test file with a distance that is not a number
        using var project = TempModelProject.Create(log);
        string testData = Path.Combine(project.Root, "data", "march.csv");
        File.WriteAllLines(testData, [FlightData.Header, .. FlightData.Rows(50, seed: 2), "2001-03-01 10:00,5,far,ORD,JFK"]);
        project.WriteSpec(WithSplit(new ModelSpecText("Demo"), "  test-data: ../data/march.csv\n"));

        // When it is built
        DotNetResult build = project.Build();

        // Then the row's own error and the test data's summary are reported, with the spec's file and line for the summary
        Assert.False(build.Succeeded);
        Assert.Contains("march.csv(52,3): error MLOPS1008", build.Output, StringComparison.Ordinal);
        Assert.Contains($"{project.SpecFile}(23): error MLOPS1071", build.Output, StringComparison.Ordinal);
    }

    private static JsonDocument Read(string path) => JsonDocument.Parse(File.ReadAllText(path));
}
