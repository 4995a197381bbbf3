using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.Core.Sweeps;
using MLOps.Core.Training;

namespace MLOps.Tasks;

/// <summary>The winner of a finished sweep as the train step uses it: its parameters on the spec, and the sweep in training.json.</summary>
internal sealed class SweepCandidate(SweepWinnerFile file)
{
    /// <summary>Reads sweep/winner.json; null after MLOPS8048 (unreadable) or MLOPS8046 (swept on other inputs).</summary>
    public static SweepCandidate? Read(string path, ModelSpec spec, DiagnosticBag bag)
    {
        var inner = new DiagnosticBag();
        if (IntermediateFile.Read<SweepWinnerFile>(path, inner) is not { Sweep: not null, Parameters: not null } file)
        {
            bag.Error(Codes.SweepWinnerUnreadable, $"The sweep's winner file {Visible.Quote(path)} cannot be read ({string.Join(" ", inner.Select(d => d.Message))}). Finish the sweep again (the Sweep or SweepFinish target), which writes it.", spec.SourcePath);
            return null;
        }

        if (file.SpecSha256 != Fingerprint.Sha256OfFile(spec.SourcePath) || file.DataFingerprint != DataFingerprint.Of(spec.Data.Path).Value)
        {
            bag.Error(Codes.SweepInputsChanged, $"The sweep {file.Sweep.Parent} that chose {spec.Name}'s parameters ran on another spec or other data than the model has now. Sweep again (its winner may not suit the new inputs).", spec.SourcePath, spec.Sweep?.Line ?? 0);
            return null;
        }

        return new SweepCandidate(file);
    }

    public ModelSpec Apply(ModelSpec spec) => spec with { Trainer = spec.Trainer with { Parameters = file.Parameters } };

    /// <summary>The record with the sweep added, written back to training.json (lineage and the model card read it there).</summary>
    public TrainingRecord Record(TrainingRecord record, string outputDirectory)
    {
        TrainingRecord withSweep = record with { Sweep = file.Sweep };
        JsonFile.Write(Path.Combine(outputDirectory, ModelTrainer.RecordFileName), withSweep);
        return withSweep;
    }
}
