using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

/// <summary>history and verify in a real git repository: the commit that added a release entry, the spec and schema at a lineage's commit.</summary>
public sealed class GitReleaseTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public GitReleaseTests()
    {
        Directory.Delete(Path.Combine(_repo.Root, ".git"), recursive: true);
        Git("init", "-q");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Should_NameTheCommitThatAddedEachEntry_When_TheReleaseFileIsCommitted()
    {
        // Given a promotion committed, and a rollback not committed yet
        _repo.Publish("1.0.0", 'a');
        Run("release", "M");
        Assert.Equal(0, Run("promote", "M", "1.0.0", "--to", "production", "--reason", "first").ExitCode);
        Run("release", "M");
        Git("add", "models/M/release.yaml");
        Git("commit", "-q", "-m", "Promote 1.0.0");
        string promoted = Git("rev-parse", "HEAD").Trim();
        _repo.Publish("1.1.0", 'b');
        Run("release", "M");
        Assert.Equal(0, Run("promote", "M", "1.1.0", "--to", "production", "--reason", "second").ExitCode);

        // When the history is read
        JsonArray events = JsonNode.Parse(Run("history", "M", "--json").Output)!.AsArray();

        // Then the first promotion names its commit and the second is uncommitted
        JsonNode[] promotions = [.. events.Where(e => (string)e!["action"]! == "promote").Select(e => e!)];
        Assert.Equal(promoted, (string)promotions[0]["commit"]!);
        Assert.Equal("uncommitted", (string)promotions[1]["commit"]!);
    }

    [Fact]
    public void Should_PassThenReportMLOPS5021_When_TheSpecAtTheCommitMatchesThenDoesNot()
    {
        // Given a committed spec and schema, and packages whose lineage names that commit with the right and a wrong spec hash
        _repo.WriteRelease("package: M.Model\nstages: {}\nhistory: []\n");
        File.WriteAllText(Path.Combine(_repo.ModelFolder, "model.yaml"), "name: M\ndata:\n  path: ../../data/d.csv\n  schema: ../../data/schema.json\n");
        Directory.CreateDirectory(Path.Combine(_repo.Root, "data"));
        File.WriteAllText(Path.Combine(_repo.Root, "data", "schema.json"), "{\"columns\": []}\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "Model M");
        string commit = Git("rev-parse", "HEAD").Trim();
        string specSha = Sha(File.ReadAllBytes(Path.Combine(_repo.ModelFolder, "model.yaml")));
        string schemaSha = Sha(File.ReadAllBytes(Path.Combine(_repo.Root, "data", "schema.json")));

        // When both are verified
        CliResult good = Run("verify", Package("1.0.0", commit, specSha, schemaSha));
        CliResult bad = Run("verify", Package("1.0.1", commit, new string('0', 64), schemaSha));

        // Then the first passes every check, the second fails on the spec
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains($"ok   commit {commit} is in the repository", good.Output);
        Assert.Contains("ok   models/M/model.yaml at the commit hashes to lineage spec_sha256", good.Output);
        Assert.Contains("ok   data/schema.json at the commit hashes to lineage data.schema_sha256", good.Output);
        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Contains("error MLOPS5021: ", bad.Error);
        Assert.Contains("models/M/model.yaml", bad.Error);
    }

    private string Package(string version, string commit, string specSha, string schemaSha)
    {
        var lineage = new JsonObject
        {
            ["schema_version"] = 1,
            ["model_id"] = "M.Model",
            ["model_sha256"] = Sha(Encoding.UTF8.GetBytes("not really a model")),
            ["model_file"] = "model.zip",
            ["spec_sha256"] = specSha,
            ["data"] = new JsonObject { ["path"] = "data/d.csv", ["schema_sha256"] = schemaSha },
            ["code"] = new JsonObject { ["git_commit"] = commit, ["git_dirty"] = false },
        };
        return TestPackages.WithLineageText(_repo.Root, "M.Model", version, lineage.ToJsonString());
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo.Root, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in (string[])["-c", "user.name=Tester", "-c", "user.email=tester@example.invalid", "-c", "commit.gpgsign=false", .. arguments])
            start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed");
        return output;
    }

    private CliResult Run(params string[] args) => Cli.Run([.. args, "-C", _repo.Root]);
}
