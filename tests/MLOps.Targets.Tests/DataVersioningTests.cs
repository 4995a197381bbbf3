using System.Text.Json;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>Skip by content, not time: touching an input reruns nothing, changing one byte retrains; the lock file follows the data.</summary>
[Collection(TargetsCollection.Name)]
public sealed class DataVersioningTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_skip_validation_and_training_When_the_data_spec_and_schema_are_touched_but_unchanged()
    {
        // Given a model project built once
        Assert.True(_project.Build().Succeeded);
        DateTime trainedAt = File.GetLastWriteTimeUtc(_project.ModelFile());

        // When its data, spec and schema get a new timestamp but the same bytes
        VersioningOutput.Touch(_project.DataFile);
        VersioningOutput.Touch(_project.SpecFile);
        VersioningOutput.Touch(Path.Combine(_project.Root, "data", "schema.json"));
        DotNetResult again = _project.Build();

        // Then nothing is validated, trained or evaluated again
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: model up to date, training skipped", again.Output);
        Assert.DoesNotContain("rows valid against", again.Output);
        Assert.DoesNotContain("Demo: trained", again.Output);
        Assert.DoesNotContain("Demo: auc", again.Output);
        Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(_project.ModelFile()));
    }

    [Fact]
    public void Should_skip_every_step_on_the_next_build_When_a_code_change_reran_steps_whose_outputs_did_not_change()
    {
        // Given a model project built once
        Assert.True(_project.Build().Succeeded);

        // When the training code's hash changes (as rebuilding src/ would) and the project is built twice
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_project.ModelFile())!, "code.hash"), "changed\n");
        DotNetResult rerun = _project.Build();
        DotNetResult again = _project.Build();

        // Then the first rebuild validates again (its report and profile keep their content), the second does nothing
        Assert.True(rerun.Succeeded, rerun.ToString());
        Assert.Contains("rows valid against", rerun.Output);
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: model up to date, training skipped", again.Output);
        Assert.DoesNotContain("rows valid against", again.Output);
    }

    [Fact]
    public void Should_validate_and_retrain_When_one_byte_of_the_data_changes()
    {
        // Given a model project built once
        Assert.True(_project.Build().Succeeded);

        // When one digit of one row changes (same size, same row count)
        long size = new FileInfo(_project.DataFile).Length;
        _project.ChangeOneByte();
        Assert.Equal(size, new FileInfo(_project.DataFile).Length);
        DotNetResult rebuild = _project.Build();

        // Then the data is validated again and the model retrained
        Assert.True(rebuild.Succeeded, rebuild.ToString());
        Assert.Contains("Demo: 3,000 rows valid against schema.json", rebuild.Output);
        Assert.Contains("Demo: trained LightGbm on ", rebuild.Output);
        Assert.DoesNotContain("training skipped", rebuild.Output);
    }

    [Fact]
    public void Should_write_the_lock_file_once_and_update_it_only_When_the_data_changes()
    {
        // Given a model project built once
        Assert.True(_project.Build().Succeeded);

        // Then model.lock.json beside the spec records the data's path and fingerprint, the schema and the spec
        string first = File.ReadAllText(_project.LockFile());
        DateTime writtenAt = File.GetLastWriteTimeUtc(_project.LockFile());
        using (JsonDocument doc = JsonDocument.Parse(first))
        {
            JsonElement root = doc.RootElement;
            Assert.Equal("Demo", root.GetProperty("model").GetString());
            Assert.Equal("../data/flights.csv", root.GetProperty("data").GetProperty("path").GetString());
            Assert.Equal(TrainedFingerprint(), root.GetProperty("data").GetProperty("fingerprint").GetString());
            Assert.StartsWith("xxh128:", TrainedFingerprint());
            Assert.Equal(BuildOutput.Sha256(_project.SpecFile), root.GetProperty("spec").GetProperty("sha256").GetString());
            Assert.Equal(64, root.GetProperty("schema").GetProperty("sha256").GetString()!.Length);
        }

        // When it is rebuilt after the data was touched
        VersioningOutput.Touch(_project.DataFile);
        Assert.True(_project.Build().Succeeded);

        // Then the lock file is not rewritten
        Assert.Equal(first, File.ReadAllText(_project.LockFile()));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(_project.LockFile()));

        // When one byte of the data changes
        _project.ChangeOneByte();
        Assert.True(_project.Build().Succeeded);

        // Then only the data's fingerprint changes in it
        string changed = File.ReadAllText(_project.LockFile());
        Assert.NotEqual(first, changed);
        Assert.Contains(TrainedFingerprint(), changed);
        Assert.Equal(first.Split('\n').Length, changed.Split('\n').Length);
    }

    // The fingerprint the train step recorded (training.json, the source of lineage's data.fingerprint).
    private string TrainedFingerprint()
    {
        using JsonDocument record = JsonDocument.Parse(File.ReadAllText(Path.Combine(_project.IntermediateDirectory, "training.json")));
        return record.RootElement.GetProperty("data_fingerprint").GetString()!;
    }
}
