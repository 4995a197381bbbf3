using System.Globalization;
using Microsoft.ML;
using MLOps.Core.Evaluation;
using MLOps.Core.Tests.Spec;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Training;

public sealed class SplitTrainingTests
{
    [Fact]
    public void Should_write_validation_rows_beside_the_test_rows_When_the_random_split_has_a_validation_fraction()
    {
        // Given 2,000 flights split 20% test, 10% validation
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(2000), TestModels.FlightsSchema,
            SplitSpecTests.WithSplit("  test-fraction: 0.2\n  validation-fraction: 0.1\n  seed: 3\n"));

        // When trained
        TrainingRecord record = new ModelTrainer().Train(spec, schema, dir.PathOf("out"));

        // Then validation.idv holds about a tenth of the rows, and the three splits add up to all of them
        SplitRows rows = record.Split!.Rows;
        Assert.True(File.Exists(dir.PathOf("out/validation.idv")));
        Assert.InRange(rows.Validation!.Value, 140, 260);
        Assert.Equal(2000, rows.Train + rows.Test + rows.Validation.Value);
        Assert.Equal((rows.Train, rows.Test), (record.TrainRows, record.TestRows));
        Assert.Equal((SplitLineage.Random, 0.2, 0.1, 3), (record.Split.Kind, record.Split.TestFraction, record.Split.ValidationFraction, record.Split.Seed));
        Assert.Equal(rows.Validation, RowsIn(dir.PathOf("out/validation.idv")));
    }

    [Fact]
    public void Should_remove_a_stale_validation_set_When_the_split_no_longer_has_one()
    {
        // Given a folder where a model with a validation split was trained
        using var dir = new TempFolder();
        var (withValidation, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(600), TestModels.FlightsSchema,
            SplitSpecTests.WithSplit("  test-fraction: 0.2\n  validation-fraction: 0.1\n"));
        new ModelTrainer().Train(withValidation, schema, dir.PathOf("out"));

        // When the spec without one is trained into it
        var (plain, _) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(600), TestModels.FlightsSchema, TestModels.FlightsSpec());
        TrainingRecord record = new ModelTrainer().Train(plain, schema, dir.PathOf("out"));

        // Then no validation rows are left to be mistaken for this model's
        Assert.False(File.Exists(dir.PathOf("out/validation.idv")));
        Assert.Null(record.Split!.Rows.Validation);
        Assert.Equal(600, record.TrainRows + record.TestRows);
    }

    [Fact]
    public void Should_cut_the_rows_at_the_instants_When_the_split_is_by_time()
    {
        // Given flights over January and February, split by date
        using var dir = new TempFolder();
        string csv = TestModels.FlightsCsv(2000);
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", csv, TestModels.FlightsSchema,
            SplitSpecTests.WithSplit("  by: date\n  test-from: 2001-02-15\n  validation-from: 2001-02-01 12:00\n"));

        // When trained
        TrainingRecord record = new ModelTrainer().Train(spec, schema, dir.PathOf("out"));

        // Then each split holds exactly the rows of its period, counted here from the CSV itself
        DateTime[] dates = [.. csv.Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => DateTime.ParseExact(l.Split(',')[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))];
        DateTime testFrom = new(2001, 2, 15), validationFrom = new(2001, 2, 1, 12, 0, 0);
        var expected = new SplitRows(dates.Count(d => d < validationFrom), dates.Count(d => d >= testFrom), dates.Count(d => d >= validationFrom && d < testFrom));
        Assert.Equal(expected, record.Split!.Rows);
        Assert.Equal((SplitLineage.Time, "date", "2001-02-15", "2001-02-01T12:00:00", null), (record.Split.Kind, record.Split.Column, record.Split.TestFrom, record.Split.ValidationFrom, record.Split.Seed));
        Assert.InRange(ModelEvaluator.Evaluate(spec.Task, dir.PathOf("out/model.zip"), dir.PathOf("out/validation.idv"), 1)["auc"], 0.6, 1.0);
    }

    [Fact]
    public void Should_leave_the_split_column_out_of_the_model_inputs_When_no_feature_reads_it()
    {
        // Given a time split on date, with no feature derived from date
        using var dir = new TempFolder();
        string spec = TestModels.FlightsSpec()
            .Replace("  - { name: DepartureHour, source: date, derive: hour }\n", "", StringComparison.Ordinal)
            .Replace("  - { name: DayOfWeek, source: date, derive: day-of-week }\n", "", StringComparison.Ordinal);
        var (model, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(600), TestModels.FlightsSchema,
            SplitSpecTests.WithSplit("  by: date\n  test-from: 2001-02-15\n", spec));

        // When trained
        new ModelTrainer().Train(model, schema, dir.PathOf("out"));

        // Then the saved model asks a service for the feature sources only: the split column was read to split, not to predict
        MLOps.ModelFormat.ModelLoader.Load(new MLContext(1), dir.PathOf("out/model.zip"), out DataViewSchema inputs);
        Assert.Equal(["delay", "distance", "origin"], inputs.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_report_MLOPS2007_When_the_time_split_leaves_no_test_rows()
    {
        // Given a test period after the last flight
        using var dir = new TempFolder();
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(300), TestModels.FlightsSchema,
            SplitSpecTests.WithSplit("  by: date\n  test-from: 2002-01-01\n"));

        // When trained
        var e = Assert.Throws<TrainingDataException>(() => new ModelTrainer().Train(spec, schema, dir.PathOf("out")));

        // Then the code says which split is empty and how the split was made
        Assert.Equal("MLOPS2007", e.Code);
        Assert.Contains("test split has no rows (time on date: test from 2002-01-01)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_test_on_the_separate_file_When_the_split_names_test_data()
    {
        // Given training flights and 300 other flights as the test file
        using var dir = new TempFolder();
        dir.Write("test.csv", TestModels.FlightsCsv(300, seed: 99));
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "flights.csv", TestModels.FlightsCsv(1000), TestModels.FlightsSchema,
            SplitSpecTests.WithSplit("  test-data: test.csv\n  validation-fraction: 0.2\n  seed: 4\n"));

        // When trained
        TrainingRecord record = new ModelTrainer().Train(spec, schema, dir.PathOf("out"));

        // Then every training row is train or validation, the test rows are the file's, and the file is fingerprinted
        Assert.Equal(300, record.Split!.Rows.Test);
        Assert.Equal(1000, record.Split.Rows.Train + record.Split.Rows.Validation);
        Assert.Equal(MLOps.Core.Data.Fingerprints.Fingerprint.OfFile(dir.PathOf("test.csv")), record.Split.TestData!.Fingerprint);
        Assert.Equal(300, RowsIn(dir.PathOf("out/test.idv")));
    }

    private static long RowsIn(string idv)
    {
        var ml = new MLContext(1);
        using var cursor = ml.Data.LoadFromBinary(idv).GetRowCursor([]);
        long n = 0;
        while (cursor.MoveNext())
        {
            n++;
        }

        return n;
    }
}
