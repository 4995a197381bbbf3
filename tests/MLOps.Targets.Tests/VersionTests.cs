using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>Versions decided by the contract (docs/registry.md#versions), and the ML.NET dependencies of a model package.</summary>
[Collection(TargetsCollection.Name)]
public sealed class VersionTests(ITestOutputHelper log) : IDisposable
{
    private const string DestinationFeature = "  - { name: Destination, source: destination, encode: one-hot }\n";
    private const string DistanceFeature = "  - { name: Distance, source: distance }\n";
    private const string LightParameters = "{ NumberOfLeaves: 4, NumberOfIterations: 5, MinimumExampleCountPerLeaf: 10 }";

    private readonly TempModelProject _project = TempModelProject.Create(log, rows: 600);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_publish_1_1_0_then_2_0_0_with_the_reason_in_lineage_and_card_When_an_optional_input_is_added_then_one_removed()
    {
        // Given destination made nullable in the schema, and a model that does not read it yet, published as 1.0.0
        string schema = Path.Combine(_project.Root, "data", "schema.json");
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("\"name\": \"destination\",", "\"name\": \"destination\",\n      \"nullable\": true,", StringComparison.Ordinal));
        string spec = Spec();
        _project.WriteSpec(spec.Replace(DestinationFeature, "", StringComparison.Ordinal));
        DotNetResult first = _project.Publish();
        Assert.Contains("Demo.Model 1.0.0 (first: the first version in the feed)", first.Output);

        // When the model reads destination too, and is published
        _project.WriteSpec(spec);
        DotNetResult minor = _project.Publish();

        // Then it is 1.1.0, and the decision is printed and recorded in lineage and the model card
        Assert.True(minor.Succeeded, minor.ToString());
        Assert.Contains("Demo.Model 1.1.0 (minor: new optional input 'Destination'; previous 1.0.0)", minor.Output);
        using (ZipArchive package = ZipFile.OpenRead(FeedPackage("1.1.0")))
        {
            JsonNode decision = JsonNode.Parse(Read(package, "contentFiles/any/any/mlops/Demo/lineage.json"))!["version_decision"]!;
            Assert.Equal("minor", (string?)decision["change"]);
            Assert.Equal("1.0.0", (string?)decision["previous"]);
            Assert.Equal("new optional input 'Destination'", (string?)decision["changes"]![0]);
            JsonNode contract = JsonNode.Parse(Read(package, "contentFiles/any/any/mlops/Demo/contract.json"))!;
            Assert.Contains(contract["inputs"]!.AsArray(), i => (string?)i!["name"] == "Destination" && (bool)i["required"]! == false);
            Assert.Contains("## Version\n\nMinor (previous 1.0.0), for these changes of the typed API:\n- new optional input 'Destination'",
                Read(package, "README.md").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        // When the model no longer reads distance, and is published
        _project.WriteSpec(spec.Replace(DistanceFeature, "", StringComparison.Ordinal));
        DotNetResult major = _project.Publish();

        // Then it is 2.0.0, naming the removed input
        Assert.True(major.Succeeded, major.ToString());
        Assert.Contains("Demo.Model 2.0.0 (major: input 'Distance' removed; previous 1.1.0)", major.Output);
        Assert.Equal(["1.0.0", "1.1.0", "2.0.0"], FeedVersions());
    }

    [Theory]
    [InlineData("LightGbm", LightParameters, "Microsoft.ML,Microsoft.ML.LightGbm")]
    [InlineData("SdcaLogisticRegression", "{}", "Microsoft.ML")]
    public void Should_depend_on_the_MLNET_that_trained_it_When_packed(string trainer, string parameters, string expected)
    {
        // Given a model trained by the trainer
        _project.WriteSpec(new ModelSpecText("Demo", Trainer: trainer, Parameters: parameters, Gates: "auc: { min: 0.5 }").ToString());

        // When it is packed
        DotNetResult pack = _project.Pack();

        // Then its nuspec depends on Microsoft.ML (and the trainer's package) from the ML.NET version the SDK trains with
        Assert.True(pack.Succeeded, pack.ToString());
        string nupkg = Assert.Single(Directory.GetFiles(Path.Combine(_project.ArtifactsDirectory, "packages"), "Demo.Model.*.nupkg"));
        using ZipArchive package = ZipFile.OpenRead(nupkg);
        XElement[] dependencies = [.. XDocument.Parse(Read(package, "Demo.Model.nuspec")).Descendants().Where(e => e.Name.LocalName == "dependency")];
        string[] mlnet = [.. dependencies.Select(d => (string)d.Attribute("id")!).Where(id => id.StartsWith("Microsoft.ML", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(expected.Split(','), mlnet);
        Assert.All(dependencies.Where(d => ((string)d.Attribute("id")!).StartsWith("Microsoft.ML", StringComparison.Ordinal)),
            d => Assert.Equal(MLNetVersion(), (string?)d.Attribute("version")));
    }

    private static string Spec() =>
        new ModelSpecText("Demo", Parameters: LightParameters, Gates: "auc: { min: 0.5 }").ToString().ReplaceLineEndings("\n");

    /// <summary>The central Microsoft.ML version: what MLOps.Sdk's tasks train with.</summary>
    private static string MLNetVersion() =>
        (string)XDocument.Load(Repository.File("Directory.Packages.props")).Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == "Microsoft.ML").Attribute("Version")!;

    private string PackageFolder => Path.Combine(_project.FeedDirectory, _project.PackageId.ToLowerInvariant());

    private string[] FeedVersions() => [.. Directory.GetDirectories(PackageFolder).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    private string FeedPackage(string version) => Assert.Single(Directory.GetFiles(Path.Combine(PackageFolder, version), "*.nupkg"));

    private static string Read(ZipArchive package, string entryName)
    {
        ZipArchiveEntry entry = package.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException(
            $"'{entryName}' is not in the package; it holds: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
