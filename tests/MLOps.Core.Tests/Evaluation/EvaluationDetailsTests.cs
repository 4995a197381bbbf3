using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.Evaluation.Details;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Evaluation;

public sealed class EvaluationDetailsTests : IDisposable
{
    private readonly List<TempFolder> _folders = [];

    public void Dispose() => _folders.ForEach(f => f.Dispose());

    private EvaluationDetails Evaluate(string folder, string dataFile, string csv, string schema, string specText)
    {
        var dir = new TempFolder(folder);
        _folders.Add(dir);
        var (spec, tableSchema) = ModelTrainerTests.Prepare(dir, dataFile, csv, schema, specText);
        string outDir = dir.PathOf("out");
        new ModelTrainer().Train(spec, tableSchema, outDir);
        var bag = new DiagnosticBag();
        EvaluationResult? result = ModelEvaluator.EvaluateWithDetails(spec, Path.Combine(outDir, "model.zip"), Path.Combine(outDir, "test.idv"), bag);
        Assert.Empty(bag);
        return Assert.IsType<EvaluationResult>(result).Details;
    }

    [Fact]
    public void Should_write_curves_calibration_confusion_and_importance_per_feature_When_the_task_is_binary()
    {
        // Given a binary model on flights whose delay depends on the hour and on leaving from ORD (one-hot origin)
        // When it is evaluated with details
        EvaluationDetails details = Evaluate("b", "flights.csv", TestModels.FlightsCsv(3000), TestModels.FlightsSchema, TestModels.FlightsSpec());

        // Then ROC runs from (0,0) to (1,1) in at most 200 points, the PR curve and calibration are there
        BinaryCurves curves = Assert.IsType<BinaryCurves>(details.Binary);
        Assert.InRange(curves.Roc.Count, 10, 200);
        Assert.Equal((0, 0), (curves.Roc[0].X, curves.Roc[0].Y));
        Assert.Equal((1, 1), (curves.Roc[^1].X, curves.Roc[^1].Y));
        Assert.InRange(curves.PrecisionRecall.Count, 10, 200);
        Assert.Equal(details.Rows, curves.Calibration.Sum(b => b.Count));
        // And the confusion matrix counts every test row
        Assert.Equal(details.Rows, details.ConfusionMatrix!.Counts.Sum(r => r.Sum()));
        // And importance is per spec feature (Origin's four one-hot slots are one entry), the hour ranked first
        FeatureImportance pfi = Assert.IsType<FeatureImportance>(details.FeatureImportance);
        Assert.Equal(["DayOfWeek", "DepartureHour", "Distance", "Origin"], pfi.Features.Select(f => f.Feature).Order(StringComparer.Ordinal));
        Assert.Equal(4, pfi.Features.Single(f => f.Feature == "Origin").Slots);
        Assert.Equal("DepartureHour", pfi.Features[0].Feature);
        Assert.True(pfi.Features[0].Importance > 0.05, $"hour importance {pfi.Features[0].Importance}");
        Assert.Equal("auc", pfi.Metric);
    }

    [Fact]
    public void Should_write_the_same_bytes_When_the_same_model_is_evaluated_twice()
    {
        // Given one trained model, evaluated twice
        EvaluationDetails first = Evaluate("d1", "flights.csv", TestModels.FlightsCsv(1500), TestModels.FlightsSchema, TestModels.FlightsSpec());
        EvaluationDetails second = Evaluate("d2", "flights.csv", TestModels.FlightsCsv(1500), TestModels.FlightsSchema, TestModels.FlightsSpec());

        // Then the documents are byte-identical
        Assert.Equal(JsonFile.Serialize(first), JsonFile.Serialize(second));
    }

    [Fact]
    public void Should_write_a_class_by_class_confusion_matrix_When_the_task_is_multiclass()
    {
        // Given a three-species model
        // When it is evaluated with details
        EvaluationDetails details = Evaluate("m", "iris.csv", TestModels.IrisCsv(600), TestModels.IrisSchema, TestModels.IrisSpec);

        // Then the matrix is 3 x 3 with the species names, mostly on the diagonal, and there are no curves
        ConfusionMatrix matrix = Assert.IsType<ConfusionMatrix>(details.ConfusionMatrix);
        Assert.Equal(["setosa", "versicolor", "virginica"], matrix.Classes.Order(StringComparer.Ordinal));
        Assert.Equal(details.Rows, matrix.Counts.Sum(r => r.Sum()));
        Assert.True(Enumerable.Range(0, 3).Sum(i => matrix.Counts[i][i]) > 0.8 * details.Rows);
        Assert.Null(details.Binary);
        Assert.Equal("macro_accuracy", details.FeatureImportance!.Metric);
    }

    [Fact]
    public void Should_write_a_residual_sample_When_the_task_is_regression()
    {
        // Given a house price model
        // When it is evaluated with details
        EvaluationDetails details = Evaluate("r", "houses.csv", TestModels.HousesCsv(800), TestModels.HousesSchema, TestModels.HousesSpec());

        // Then every test row (fewer than 2,000) is in the residual sample, predictions close to the prices
        ResidualSample residuals = Assert.IsType<ResidualSample>(details.Residuals);
        Assert.Equal(details.Rows, residuals.Points.Count);
        Assert.True(residuals.Points.Average(p => Math.Abs(p.Actual - p.Predicted)) < 30000);
        Assert.Equal(["Area", "City", "Rooms"], details.FeatureImportance!.Features.Select(f => f.Feature).Order(StringComparer.Ordinal));
        Assert.Null(details.ConfusionMatrix);
    }
}
