using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Versioning;
using MLOps.Tests.Shared;
using Xunit;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Tests.Versioning;

public sealed class ModelLockTests : IDisposable
{
    private static readonly InputHashes Inputs = new("xxh128:00ff", "aa", "bb", "xxh128:code");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_record_paths_relative_to_the_spec_and_no_code_hash_When_made_for_a_model()
    {
        // Given a spec in models/Demo and data in data/
        string spec = _temp.Combine("models", "Demo", "model.yaml");

        // When the lock is made
        ModelLock modelLock = ModelLock.For("Demo", spec, _temp.Combine("data", "flights.csv"), _temp.Combine("data", "schema.json"), Inputs);

        // Then paths are relative with '/', and the data carries its fingerprint, the others their sha256
        Assert.Equal(new LockedFile("model.yaml", Sha256: "aa"), modelLock.Spec);
        Assert.Equal(new LockedFile("../../data/flights.csv", Fingerprint: "xxh128:00ff"), modelLock.Data);
        Assert.Equal(new LockedFile("../../data/schema.json", Sha256: "bb"), modelLock.Schema);
        Assert.DoesNotContain("code", MLOps.Core.IO.JsonFile.Serialize(modelLock));
        Assert.DoesNotContain("files", MLOps.Core.IO.JsonFile.Serialize(modelLock));
    }

    [Fact]
    public void Should_list_each_part_under_the_data_When_the_data_is_a_folder()
    {
        // Given a spec in models/Demo and a data folder of two parts
        string spec = _temp.Combine("models", "Demo", "model.yaml");
        PartFingerprint[] parts = [new("part-0000.csv", "xxh128:01"), new("part-0001.csv", "xxh128:02")];

        // When the lock is made
        ModelLock modelLock = ModelLock.For("Demo", spec, _temp.Combine("data", "flights"), _temp.Combine("data", "schema.json"), Inputs, parts);

        // Then the data keeps the folder's path and fingerprint and lists each part after them
        string json = MLOps.Core.IO.JsonFile.Serialize(modelLock);
        Assert.Contains("""
              "data": {
                "path": "../../data/flights",
                "fingerprint": "xxh128:00ff",
                "files": [
                  {
                    "path": "part-0000.csv",
                    "fingerprint": "xxh128:01"
                  },
                  {
                    "path": "part-0001.csv",
                    "fingerprint": "xxh128:02"
                  }
                ]
              },
            """, json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Should_write_once_and_leave_the_file_alone_When_written_again_with_the_same_hashes()
    {
        string spec = _temp.Write("model.yaml", "name: Demo");
        string path = _temp.PathOf(ModelLock.FileName);
        ModelLock modelLock = ModelLock.For("Demo", spec, _temp.PathOf("d.csv"), _temp.PathOf("s.json"), Inputs);

        Assert.True(modelLock.Write(path));
        string first = File.ReadAllText(path);
        Assert.False(ModelLock.For("Demo", spec, _temp.PathOf("d.csv"), _temp.PathOf("s.json"), Inputs).Write(path));
        Assert.Equal(first, File.ReadAllText(path));
        Assert.DoesNotContain("_at", first); // no timestamps: the file changes only when an input does
        Assert.True((modelLock with { Data = modelLock.Data with { Fingerprint = "xxh128:0100" } }).Write(path));
    }
}
