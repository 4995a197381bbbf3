using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Registry;
using MLOps.Core.Tests.Versioning;
using MLOps.Tests.Shared;
using NuGet.Packaging;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Registry;

public sealed class ModelFeedContractTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_read_the_model_sha256_and_the_contract_When_the_package_has_contract_json()
    {
        // Given a feed holding a model packed with its contract
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        await feed.PublishAsync(Package("1.0.0", JsonFile.Serialize(ContractDiffTests.Flights)), _bag);

        // When the version is read as the resolver compares it
        PublishedModel? published = await feed.ReadPublishedModelAsync("Flight.Model", new NuGetVersion(1, 0, 0), _bag);

        // Then it holds the model's hash and the same contract
        Assert.Empty(_bag);
        Assert.Equal(TestPackages.Sha('a'), published!.ModelSha256);
        Assert.Equal(ContractDiffTests.Flights.Inputs, published.Contract!.Inputs);
        Assert.Equal(ContractDiffTests.Flights.Outputs, published.Contract.Outputs);
    }

    [Fact]
    public async Task Should_read_no_contract_When_the_package_was_packed_before_contracts()
    {
        // Given a model package without contract.json
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        await feed.PublishAsync(Package("1.0.0", contractText: null), _bag);

        // When it is read
        PublishedModel? published = await feed.ReadPublishedModelAsync("Flight.Model", new NuGetVersion(1, 0, 0), _bag);

        // Then there is no contract, and no diagnostic: the resolver says why it decides MAJOR
        Assert.Empty(_bag);
        Assert.Null(published!.Contract);
    }

    [Fact]
    public async Task Should_warn_MLOPS4005_When_contract_json_is_not_a_contract()
    {
        // Given a model package whose contract.json is not JSON
        ModelFeed feed = ModelFeed.Open(_temp.Feed, _bag)!;
        await feed.PublishAsync(Package("1.0.0", "not json"), _bag);

        // When it is read
        PublishedModel? published = await feed.ReadPublishedModelAsync("Flight.Model", new NuGetVersion(1, 0, 0), _bag);

        // Then it has no contract, with a warning
        Assert.Null(published!.Contract);
        Diagnostic warning = Assert.Single(_bag);
        Assert.Equal("MLOPS4005", warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
    }

    private string Package(string version, string? contractText)
    {
        var builder = new PackageBuilder { Id = "Flight.Model", Version = NuGetVersion.Parse(version), Description = "A test package." };
        builder.Authors.Add("tests");
        builder.Files.Add(File("contentFiles/any/any/mlops/M/lineage.json", $"{{\"model_sha256\":\"{TestPackages.Sha('a')}\"}}"));
        if (contractText is not null)
            builder.Files.Add(File("contentFiles/any/any/mlops/M/contract.json", contractText));
        string path = Path.Combine(_temp.Path, $"Flight.Model.{version}.nupkg");
        using (FileStream stream = System.IO.File.Create(path))
            builder.Save(stream);
        return path;
    }

    private static PhysicalPackageFile File(string targetPath, string text) =>
        new(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))) { TargetPath = targetPath };
}
