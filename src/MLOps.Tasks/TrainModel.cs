using System.Diagnostics;
using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Training;
using MLOps.ModelFormat.Contract;

namespace MLOps.Tasks;

/// <summary>Trains the model the spec describes and writes model.zip, training.json and the held-out rows.</summary>
public sealed class TrainModel : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>sweep/winner.json of a finished sweep: train with the winning trial's parameters and record the sweep. Empty: the spec's parameters.</summary>
    public string SweepWinnerFile { get; set; } = "";

    /// <summary>MLOpsDataPath: train on this data instead of the spec's data.path (a retrain's window); empty: the spec's.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>window.json of a retrain (MLOpsRetrainWindowFile): recorded in training.json and lineage as <c>retrain</c>. Empty: none.</summary>
    public string RetrainWindowFile { get; set; } = "";

    [Output]
    public string ModelFile { get; private set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (SpecInputs.Load(SpecFile, bag) is not var (spec, schema))
        {
            return;
        }

        spec = DataPath.Length > 0 ? spec.WithDataPath(DataPath) : spec;
        RetrainLineage? window = RetrainWindowFile.Length > 0 ? IntermediateFile.Read<RetrainLineage>(RetrainWindowFile, bag) : null;
        if (bag.HasErrors)
        {
            return;
        }

        SweepCandidate? winner = null;
        if (SweepWinnerFile.Length > 0 && (winner = SweepCandidate.Read(SweepWinnerFile, spec, bag)) is null)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            TrainingRecord record = new ModelTrainer().Train(winner?.Apply(spec) ?? spec, schema, OutputDirectory, message => Progress($"{spec.Name}: {message}"));
            if (winner is not null)
            {
                record = winner.Record(record, OutputDirectory);
            }

            if (window is not null)
            {
                record = record with { Retrain = window };
                JsonFile.Write(Path.Combine(OutputDirectory, ModelTrainer.RecordFileName), record);
            }

            ModelFile = Path.Combine(OutputDirectory, ModelTrainer.ModelFileName);
            Progress($"{spec.Name}: trained {record.Trainer} on {record.TrainRows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s (model sha256 {record.ModelSha256[..12]})");
        }
        catch (TrainingDataException e)
        {
            bag.Error(e.Code, e.Message, spec.SourcePath, spec.Split.Line > 0 ? spec.Split.Line : 1);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // ML.NET signals unusable data (a single class, an empty split, ...) with these.
            bag.Error(Codes.TrainingFailed, $"Training {spec.Trainer.Name} failed: {e.Message} Check the data and the label rule, or pick another trainer.", spec.SourcePath, 1);
        }
    }
}
