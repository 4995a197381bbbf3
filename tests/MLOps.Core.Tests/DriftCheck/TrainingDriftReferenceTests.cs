using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;
using MLOps.Core.DriftCheck;
using MLOps.Core.Spec;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.DriftCheck;

public sealed class TrainingDriftReferenceTests
{
    [Fact]
    public void Should_be_byte_identical_across_trainings_and_leave_the_model_alone_When_the_evaluate_step_builds_it()
    {
        // Given the same spec and data trained twice
        using var dir = new TempFolder("mlops-drift-reference");
        dir.Write("flights.csv", TestModels.FlightsCsv(1500));
        dir.Write("schema.json", TestModels.FlightsSchema);
        var bag = new DiagnosticBag();
        ModelSpec spec = SpecLoader.Load(dir.Write("model.yaml", TestModels.FlightsSpec()), bag)!;
        TableSchema schema = SchemaFile.Load(dir.PathOf("schema.json"), bag)!;
        string[] outputs = [dir.PathOf("first"), dir.PathOf("second")];
        foreach (string output in outputs)
            new ModelTrainer().Train(spec, schema, output);
        string model = Path.Combine(outputs[0], ModelTrainer.ModelFileName);
        string before = Fingerprint.Sha256OfFile(model);

        // When each training's drift reference is built from its model and test rows
        string[] json = [.. outputs.Select(o => TrainingDriftReference.Build(spec, schema, Path.Combine(o, ModelTrainer.ModelFileName), Path.Combine(o, ModelTrainer.TestSetFileName)).ToJson())];

        // Then both are the same bytes, the model file is unchanged, and the reference holds the inputs and the prediction
        Assert.Equal(json[0], json[1]);
        Assert.Equal(before, Fingerprint.Sha256OfFile(model));
        DriftReference reference = DriftReference.Parse(json[0], "drift-reference.json", bag)!;
        Assert.Empty(bag);
        Assert.Equal(["date.hour", "date.day_of_week", "date.month", "distance", "origin", "prediction.Probability"], reference.Columns.Select(c => c.Name));
        Assert.Equal(reference.Rows, reference.Find("prediction.Probability")!.Count);
    }
}
