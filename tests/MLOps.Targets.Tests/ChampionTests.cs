using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>
/// Champion and challenger: 1.0.0 is published to a production feed, then the same model (retrained from the same data,
/// so its metrics equal the champion's) is built as a challenger against it.
/// </summary>
[Collection(TargetsCollection.Name)]
public sealed class ChampionTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    private string ProductionFeed => Path.Combine(_project.Root, "stages", "production");

    private string PackagesDirectory => Path.Combine(_project.ArtifactsDirectory, "packages");

    private string JUnitFile => Path.Combine(_project.ArtifactsDirectory, "Demo", "gates.junit.xml");

    [Fact]
    public void Should_refuse_the_challenger_with_MLOPS3004_then_pack_it_with_the_override_recorded_When_it_misses_a_champion_threshold()
    {
        // Given champion 1.0.0 in the production feed, and a spec demanding 0.05 more AUC than the champion
        PublishChampion();
        _project.WriteSpec(new ModelSpecText("Demo") + "champion:\n  metrics:\n    auc: { min-improvement: 0.05 }\n");

        // When the challenger is packed against the champion
        DotNetResult refused = _project.Pack(Champion());

        // Then it fails at the threshold's line with both AUCs, nothing is packed, and the JUnit file shows the failure
        Assert.False(refused.Succeeded, refused.ToString());
        string error = Assert.Single(refused.Errors("MLOPS3004").Distinct());
        Assert.StartsWith($"{_project.SpecFile}(", error.TrimStart());
        Assert.Contains("against the champion's", error);
        Assert.DoesNotContain(_project.FilesUnderRoot("*.nupkg"), p => p.StartsWith(PackagesDirectory, StringComparison.Ordinal));
        XElement failure = Assert.Single(XDocument.Load(JUnitFile).Descendants("failure"));
        Assert.Equal("MLOPS3004", failure.Attribute("type")!.Value);

        // When it is packed again with an override reason
        DotNetResult overridden = _project.Pack([.. Champion(), "-p:MLOpsGateOverride=same model retrained for the audit"]);

        // Then it packs, with the failure as a warning carrying the reason, and lineage and card record the override and both models
        Assert.True(overridden.Succeeded, overridden.ToString());
        Assert.Contains(overridden.Lines, l => l.Contains("warning MLOPS3004:", StringComparison.Ordinal) && l.Contains("Overridden: same model retrained for the audit", StringComparison.Ordinal));
        Assert.Contains(overridden.Lines, l => l.Contains("warning MLOPS3008:", StringComparison.Ordinal));
        (JsonElement lineage, string card) = ReadPackage();
        Assert.Equal("same model retrained for the audit", lineage.GetProperty("gate_override").GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(lineage.GetProperty("gate_override").GetProperty("by").GetString()));
        JsonElement champion = lineage.GetProperty("champion");
        Assert.False(champion.GetProperty("passed").GetBoolean());
        Assert.Equal("1.0.0", champion.GetProperty("version").GetString());
        Assert.Equal(lineage.GetProperty("metrics").GetProperty("auc").GetDouble(), champion.GetProperty("verdicts")[0].GetProperty("candidate").GetDouble());
        Assert.Contains("## Against the champion", card);
        Assert.Contains("| auc |", card);
        Assert.Contains("failed (overridden)", card);
        Assert.Contains("## Gate override", card);
        Assert.Contains("same model retrained for the audit", card);
        XElement skipped = Assert.Single(XDocument.Load(JUnitFile).Descendants("skipped"));
        Assert.Equal("MLOPS3004 overridden: same model retrained for the audit", skipped.Attribute("message")!.Value);
    }

    [Fact]
    public void Should_pack_with_both_models_metrics_in_lineage_When_the_challenger_passes_the_champion_thresholds()
    {
        // Given champion 1.0.0 in the production feed, and a spec allowing the challenger to be 0.01 worse in AUC
        PublishChampion();
        string championSha256 = ReadChampionSha256();
        _project.WriteSpec(new ModelSpecText("Demo") + "champion:\n  metrics:\n    auc: { max-regression: 0.01 }\n    log_loss: { max-regression: 0.05 }\n");

        // When the challenger is packed against it
        DotNetResult pack = _project.Pack(Champion());

        // Then it passes, and lineage holds the champion's version, model hash and metrics beside the candidate's
        Assert.True(pack.Succeeded, pack.ToString());
        Assert.Contains("against champion 1.0.0", pack.Output);
        (JsonElement lineage, string card) = ReadPackage();
        Assert.False(lineage.TryGetProperty("gate_override", out _));
        JsonElement champion = lineage.GetProperty("champion");
        Assert.True(champion.GetProperty("passed").GetBoolean());
        Assert.Equal(("production", "1.0.0", championSha256), (champion.GetProperty("stage").GetString(), champion.GetProperty("version").GetString(), champion.GetProperty("model_sha256").GetString()));
        Assert.True(champion.GetProperty("metrics").GetProperty("auc").GetDouble() > 0.5);
        Assert.Equal(lineage.GetProperty("metrics").GetProperty("log_loss").GetDouble(), champion.GetProperty("candidate_metrics").GetProperty("log_loss").GetDouble());
        Assert.Equal(["auc", "log_loss"], champion.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("metric").GetString()));
        Assert.All(champion.GetProperty("verdicts").EnumerateArray(), v => Assert.True(v.GetProperty("passed").GetBoolean()));
        Assert.Contains("| metric | candidate | champion | delta | threshold | verdict |", card);
        Assert.Contains("regression <= 0.01 | passed |", card);
        XElement suite = Assert.Single(XDocument.Load(JUnitFile).Root!.Elements("testsuite"));
        Assert.Equal(("3", "0"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!));

        // When it is built again against the same champion
        DotNetResult again = _project.Build(Champion());

        // Then neither the champion nor the gate runs again
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Demo: champion 1.0.0 (production): auc ", pack.Output);
        Assert.DoesNotContain("Demo: champion 1.0.0", again.Output);
        Assert.DoesNotContain("quality gate passed", again.Output);
    }

    private string[] Champion() => [$"-p:MLOpsChampionFeed={ProductionFeed}", "-p:MLOpsChampionVersion=1.0.0"];

    // The champion: this model published as 1.0.0 to the production feed; its packages folder is emptied so that only
    // the challenger's package can be found there afterwards.
    private void PublishChampion()
    {
        DotNetResult publish = _project.Publish($"-p:MLOpsFeed={ProductionFeed}");
        Assert.True(publish.Succeeded, publish.ToString());
        Directory.Delete(PackagesDirectory, recursive: true);
    }

    private string ReadChampionSha256()
    {
        using ZipArchive package = ZipFile.OpenRead(Path.Combine(ProductionFeed, "demo.model", "1.0.0", "demo.model.1.0.0.nupkg"));
        using JsonDocument lineage = JsonDocument.Parse(Read(package, "contentFiles/any/any/mlops/Demo/lineage.json"));
        return lineage.RootElement.GetProperty("model_sha256").GetString()!;
    }

    private (JsonElement Lineage, string Card) ReadPackage()
    {
        string nupkg = Assert.Single(Directory.GetFiles(PackagesDirectory, "*.nupkg"));
        using ZipArchive package = ZipFile.OpenRead(nupkg);
        using JsonDocument lineage = JsonDocument.Parse(Read(package, "contentFiles/any/any/mlops/Demo/lineage.json"));
        return (lineage.RootElement.Clone(), Read(package, "README.md"));
    }

    private static string Read(ZipArchive package, string entryName)
    {
        ZipArchiveEntry entry = package.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException(
            $"'{entryName}' is not in the package; it holds: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
