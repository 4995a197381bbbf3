using System.IO.Compression;
using System.Xml.Linq;
using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Package.Tests;

/// <summary>What NuGet shows of every package the build makes: a readme, a licence, where the code is and which commit.</summary>
public sealed class PackageMetadataTests
{
    public static TheoryData<string> Packages => new() { "MLOps.Sdk", "MLOps.Cli", "MLOps.Templates", "MLOps.Runtime", "MLOps.ModelFormat" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Should_carry_a_readme_a_licence_and_the_repository_commit_When_the_build_packs_it(string id)
    {
        // Given the package the build made
        using ZipArchive package = ZipFile.OpenRead(Repository.Package(id));

        // When its nuspec is read
        XElement metadata = Nuspec(package).Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? repository = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository");

        // Then it names a readme that is in the package, an SPDX licence expression, and the repository with its URL and commit
        string readme = Assert.IsType<string>(Value("readme"));
        Assert.NotNull(package.GetEntry(readme));
        Assert.Equal("MIT", Value("license"));
        Assert.NotNull(repository);
        Assert.StartsWith("https://", (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
        Assert.Equal(Repository.PackageVersion, Value("version"));
    }

    [Fact]
    public void Should_be_an_MSBuild_SDK_with_its_tasks_and_their_dependencies_When_MLOps_Sdk_is_opened()
    {
        // Given the SDK package
        using ZipArchive package = ZipFile.OpenRead(Repository.Package("MLOps.Sdk"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        // Then it is typed MSBuildSdk, has Sdk.props/Sdk.targets, and carries the task folder with its deps.json and native LightGBM
        Assert.Contains(Nuspec(package).Descendants().Where(e => e.Name.LocalName == "packageType"), t => (string?)t.Attribute("name") == "MSBuildSdk");
        Assert.Contains("Sdk/Sdk.props", entries);
        Assert.Contains("Sdk/Sdk.targets", entries);
        Assert.Contains("Sdk/MLOps.Sdk.Version.props", entries);
        Assert.Contains("tasks/net10.0/MLOps.Tasks.dll", entries);
        Assert.Contains("tasks/net10.0/MLOps.Tasks.deps.json", entries);
        Assert.Contains("tasks/net10.0/Microsoft.ML.LightGbm.dll", entries);
        Assert.Contains("tasks/net10.0/runtimes/linux-x64/native/lib_lightgbm.so", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    private static XElement Nuspec(ZipArchive package)
    {
        using Stream stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!;
    }
}
