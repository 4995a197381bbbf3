using Microsoft.ML;
using MLOps.Core.Data.Schema;
using MLOps.Core.Drift;
using MLOps.Core.Spec;
using MLOps.ModelFormat;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// The drift reference a model ships (drift-reference.json, docs/monitoring.md#drift-checks): the test split's raw
/// input columns and the model's predictions on them, summarised exactly. Built by the evaluate step from the files the
/// train step wrote; it reads model.zip and never writes it.
/// </summary>
public static class TrainingDriftReference
{
    public static DriftReference Build(ModelSpec spec, TableSchema schema, string modelPath, string testSetPath)
    {
        var ml = new MLContext(seed: spec.Trainer.Seed);
        ITransformer model = ModelLoader.Load(ml, modelPath, out _);
        IDataView rows = ml.Data.LoadFromBinary(testSetPath);
        DriftSample sample = DataViewSample.Read(rows, DriftInputs.From(spec, schema));
        DataViewSample.AddPrediction(model.Transform(rows), sample);
        return sample.ToReference();
    }
}
