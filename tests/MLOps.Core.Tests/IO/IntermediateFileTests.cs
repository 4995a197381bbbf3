using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using MLOps.Core.Spec;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;
using MLOps.Core.Tests.Training;
using MLOps.Core.Training;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.IO;

public sealed class IntermediateFileTests
{
    [Fact]
    public void Should_read_every_file_a_step_writes_When_the_files_are_whole()
    {
        // Given the files a real run of validate, train, evaluate and gate writes
        using var dir = new TempFolder();
        string[] files = RealRun(dir);

        // When each is read back as the next step reads it
        var bag = new DiagnosticBag();
        Assert.NotNull(IntermediateFile.Read<TrainingRecord>(files[0], bag));
        Assert.NotNull(IntermediateFile.Read<SortedDictionary<string, double>>(files[1], bag));
        Assert.NotNull(IntermediateFile.Read<List<GateVerdict>>(files[2], bag));
        Assert.NotNull(IntermediateFile.Read<DataProfile>(files[3], bag));

        // Then nothing is reported
        Assert.Empty(bag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_report_MLOPS2006_naming_the_file_When_a_file_is_truncated(int file)
    {
        // Given a real run whose file (training.json, metrics.json, gate.json, profile.json) was cut in half
        using var dir = new TempFolder();
        string path = RealRun(dir)[file];
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);

        // When the next step reads it
        var bag = new DiagnosticBag();
        object? value = file switch
        {
            0 => IntermediateFile.Read<TrainingRecord>(path, bag),
            1 => IntermediateFile.Read<SortedDictionary<string, double>>(path, bag),
            2 => IntermediateFile.Read<List<GateVerdict>>(path, bag),
            _ => IntermediateFile.Read<DataProfile>(path, bag),
        };

        // Then it gets nothing, and one MLOPS2006 names the file and says what to do
        Assert.Null(value);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(Codes.IntermediateFileDamaged, d.Code);
        Assert.Equal(path, d.File);
        Assert.Contains(path, d.Message, StringComparison.Ordinal);
        Assert.Contains("Delete the project's obj/ folder", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"model_name\": \"Iris\" }")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public void Should_report_MLOPS2006_When_training_json_lacks_what_the_next_step_needs(string content)
    {
        // Given a training.json with properties missing, JSON null, nothing, or another shape
        using var dir = new TempFolder();
        string path = dir.Write("obj/mlops/training.json", content);

        // When it is read
        var bag = new DiagnosticBag();
        TrainingRecord? record = IntermediateFile.Read<TrainingRecord>(path, bag);

        // Then it is reported as damaged rather than read with nulls
        Assert.Null(record);
        Assert.Equal([Codes.IntermediateFileDamaged], bag.Select(d => d.Code));
    }

    [Fact]
    public void Should_report_MLOPS2006_When_the_file_is_missing()
    {
        // Given no metrics.json
        using var dir = new TempFolder();
        var bag = new DiagnosticBag();

        // When it is read
        var metrics = IntermediateFile.Read<SortedDictionary<string, double>>(dir.PathOf("metrics.json"), bag);

        // Then it is reported with its path
        Assert.Null(metrics);
        Assert.Equal(dir.PathOf("metrics.json"), Assert.Single(bag, d => d.Code == Codes.IntermediateFileDamaged).File);
    }

    /// <summary>training.json, metrics.json, gate.json and profile.json as the steps write them for the iris model.</summary>
    private static string[] RealRun(TempFolder dir)
    {
        var (spec, schema) = ModelTrainerTests.Prepare(dir, "iris.csv", TestModels.IrisCsv(300), TestModels.IrisSchema, TestModels.IrisSpec);
        var bag = new DiagnosticBag();
        var (_, _, profile) = ModelDataCheck.Run(spec.SourcePath, bag, TableSchema.DefaultEnvironment);
        new ModelTrainer().Train(spec, schema, dir.PathOf("out"));
        var metrics = ModelEvaluator.Evaluate(spec.Task, dir.PathOf("out/model.zip"), dir.PathOf("out/test.idv"), spec.Trainer.Seed);
        var gates = Core.Gates.QualityGate.Check(spec, metrics, bag);
        Assert.Empty(bag);
        string[] files = [dir.PathOf("out/training.json"), dir.PathOf("out/metrics.json"), dir.PathOf("out/gate.json"), dir.PathOf("out/profile.json")];
        JsonFile.Write(files[1], metrics);
        JsonFile.Write(files[2], gates);
        JsonFile.Write(files[3], profile);
        return files;
    }
}
