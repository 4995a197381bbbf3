using System.Text.Json.Nodes;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;
using Xunit;

namespace MLOps.Core.Tests.Contract;

public sealed class LineageJsonTests
{
    internal static Lineage Sample(string modelSha256 = "ab12") => new(
        Lineage.CurrentSchemaVersion,
        "Flights.Model",
        "1.2.0",
        "binary-classification",
        new DataLineage("data/flights", "xxh128:01", 100, 80, 20, "cd34", [new PartFingerprint("part-0000.csv", "xxh128:02")]),
        new CodeLineage("0123abcd", false),
        "ef56",
        new TrainerLineage("LightGbm", new SortedDictionary<string, double> { ["NumberOfLeaves"] = 8 }, 1, 0.2, 0),
        new SortedDictionary<string, double> { ["auc"] = 0.8 },
        [new GateVerdict("auc", 0.8, 0.7, null, true)],
        new ToolVersions("5.0.1", "10.0.100", "10.0.0", "1.0.0"),
        ModelFiles.ModelFile,
        modelSha256,
        new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Should_write_the_documented_keys_When_a_lineage_is_serialised()
    {
        // When the contract's lineage record is written as the pipeline writes it
        JsonObject json = JsonNode.Parse(JsonFile.Serialize(Sample()))!.AsObject();

        // Then its keys are the ones docs/lineage.md documents, in order
        Assert.Equal(
            ["schema_version", "model_id", "model_version", "task", "data", "code", "spec_sha256", "trainer", "metrics", "gates", "tools", "model_file", "model_sha256", "trained_at_utc"],
            json.Select(p => p.Key));
        Assert.Equal(["path", "fingerprint", "rows", "train_rows", "test_rows", "schema_sha256", "files"], json["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["path", "fingerprint"], json["data"]!["files"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["git_commit", "git_dirty"], json["code"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "parameters", "seed", "split_test_fraction", "split_seed"], json["trainer"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["metric", "value", "min", "max", "passed"], json["gates"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["mlnet", "dotnet_sdk", "dotnet_runtime", "mlops"], json["tools"]!.AsObject().Select(p => p.Key));
        Assert.Equal("ab12", (string?)json[Lineage.ModelSha256Property]);
        Assert.Equal("model.zip", (string?)json["model_file"]);
    }
}
