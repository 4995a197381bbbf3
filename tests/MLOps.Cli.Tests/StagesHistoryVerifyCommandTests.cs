using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Cli.Tests;

public sealed class StagesHistoryVerifyCommandTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Should_ShowDeclaredAndServedVersionsPerStage_When_ProductionIsNotReleasedYet()
    {
        // Given staging released (latest = 1.0.0) and production declared 1.0.0 but not released
        _repo.Publish("1.0.0", 'a');
        Run("release", "M");
        Assert.Equal(0, Run("promote", "M", "1.0.0", "--to", "production", "--reason", "go").ExitCode);

        // When the stages are shown
        CliResult result = Run("stages", "M");

        // Then each stage has its declared version, what its feed serves and whether they agree
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("M.Model (models/M/release.yaml)", lines[0]);
        Assert.Matches(@"^  dev +\(builds\) +1\.0\.0 +where builds publish$", lines[2]);
        Assert.Matches(@"^  staging +latest \(1\.0\.0\) +1\.0\.0 +ok$", lines[3]);
        Assert.Matches(@"^  production +1\.0\.0 +nothing +differs: run 'mlops release M --stage production'$", lines[4]);
    }

    [Fact]
    public void Should_ListPublishesPromotionsAndRollbacksInTimeOrder_When_HistoryIsAsked()
    {
        // Given two publishes, two promotions to production and a rollback
        _repo.Publish("1.0.0", 'a');
        Run("release", "M");
        Run("promote", "M", "1.0.0", "--to", "production", "--reason", "first");
        Run("release", "M");
        _repo.Publish("1.1.0", 'b');
        Run("release", "M");
        Run("promote", "M", "1.1.0", "--to", "production", "--reason", "better");
        Run("release", "M");
        Assert.Equal(0, Run("rollback", "M", "--stage", "production", "--reason", "worse at night").ExitCode);

        // When the history is listed, as text and as JSON
        CliResult text = Run("history", "M");
        CliResult json = Run("history", "M", "--json");

        // Then every event is there, oldest first, and the release entries are not committed yet
        Assert.True(text.ExitCode == 0, text.ToString());
        string[] lines = text.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains("publish ", lines[0]);
        Assert.Equal(2, lines.Count(l => l.Contains("  publish   dev         ", StringComparison.Ordinal)));
        Assert.Contains("rollback  production  1.1.0 -> 1.0.0  by ", lines[4]);
        Assert.Contains("uncommitted  why: worse at night", lines[4]);
        JsonArray events = JsonNode.Parse(json.Output)!.AsArray();
        // (all within a second or two here: publishes and promotions of the same second keep feed-then-file order)
        Assert.Equal(["promote", "promote", "rollback"], events.Select(e => (string)e!["action"]!).Where(a => a != "publish"));
        Assert.Equal("rollback", (string)events[4]!["action"]!);
        Assert.Equal("uncommitted", (string)events[4]!["commit"]!);
        Assert.Equal("1.1.0", (string)events[4]!["from"]!);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5013NamingTheFeed_When_AVersionWasPushedByHand()
    {
        // Given staging released, then 7.0.0 pushed into the staging feed by hand
        _repo.Publish("1.0.0", 'a');
        Run("release", "M");
        _repo.Publish("7.0.0", 'x', stage: "staging");

        // When the release runs
        CliResult result = Run("release", "M");

        // Then it fails, naming the feed, the version and what to do
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS5013: ", result.Error);
        Assert.Contains(_repo.Feed("staging"), result.Error);
        Assert.Contains("M.Model 7.0.0", result.Error);
    }

    [Fact]
    public void Should_PassTheModelHash_When_AnIntactPackageIsVerifiedFromAStage()
    {
        // Given a package whose lineage records the real hash of its model file, released to staging
        _repo.Publish("1.0.0", 'a');
        string intact = Intact("2.0.0");
        Assert.Equal(0, Cli.Run("publish", intact, "--feed", _repo.Feed("dev")).ExitCode);
        Run("release", "M");

        // When it is verified by file and by id@version in staging
        CliResult byFile = Run("verify", intact);
        CliResult byId = Run("verify", "M.Model@2.0.0", "--stage", "staging");

        // Then both pass; without a commit in lineage there is nothing to check against git
        Assert.True(byFile.ExitCode == 0, byFile.ToString());
        Assert.Contains("ok   model file model.zip sha256", byFile.Output);
        Assert.Contains("skip lineage names no commit", byFile.Output);
        Assert.True(byId.ExitCode == 0, byId.ToString());
        Assert.Contains("verified", byId.Output);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5019_When_ThePackageIsTampered()
    {
        // Given a package whose model file does not hash to its lineage's model_sha256
        string tampered = TestPackages.Model(_repo.Root, "M.Model", "1.0.0", 'a');

        // When it is verified
        CliResult result = Run("verify", tampered);

        // Then the check fails
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS5019: ", result.Error);
        Assert.Contains("verify failed", result.Output);
    }

    [Fact]
    public void Should_ExitOneWithMLOPS5020_When_TheLineageCommitIsNotInTheRepository()
    {
        // Given a real git repository and an intact package whose lineage names a commit it does not have
        Git("init -q");
        string package = Intact("1.0.0", commit: new string('a', 40));

        // When it is verified
        CliResult result = Run("verify", package);

        // Then the commit check fails
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MLOPS5020: ", result.Error);
    }

    // A model package whose lineage holds the real sha256 of its model file ("not really a model").
    private string Intact(string version, string? commit = null)
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("not really a model")));
        var lineage = new JsonObject { ["schema_version"] = 1, ["model_id"] = "M.Model", ["model_sha256"] = sha, ["model_file"] = "model.zip" };
        if (commit is not null)
            lineage["code"] = new JsonObject { ["git_commit"] = commit, ["git_dirty"] = false };
        return TestPackages.WithLineageText(_repo.Root, "M.Model", version, lineage.ToJsonString());
    }

    private void Git(string arguments)
    {
        Directory.Delete(Path.Combine(_repo.Root, ".git"), recursive: true);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", arguments) { WorkingDirectory = _repo.Root })!;
        process.WaitForExit();
    }

    [Fact]
    public void Should_exit_2_with_MLOPS0027_When_no_models_folder_holds_the_model()
    {
        // Given a repository whose models/ has no folder NoSuchModel

        // When its stages are asked for
        CliResult result = Run("stages", "NoSuchModel");

        // Then it is a usage error naming the folder looked for
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error MLOPS0027: No folder models/NoSuchModel was found", result.Error);
    }

    private CliResult Run(params string[] args) => Cli.Run([.. args, "-C", _repo.Root]);
}
