using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Package.Tests;

/// <summary>
/// A service that follows a stage: a console app with a floating PackageReference (Version="*") on the production
/// feed and its own global packages folder. The MLOpsRelease target of the packed MLOps.Sdk moves versions into
/// and out of production as release.yaml says; the service gets them at its next restore with no code change.
/// </summary>
public sealed class StageFollowingTests(ITestOutputHelper log) : IDisposable
{
    // Named to match the consumer's FlightDelay.* source mapping: restored only from the production feed.
    private const string PackageId = "FlightDelay.Stage";

    private readonly TempModelProject _model = TempModelProject.Create(log, name: "Follow");

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Should_GetThePromotedVersionThenThePreviousOneBack_When_ProductionIsReleasedAndRolledBack()
    {
        // Given 1.0.0 and 1.1.0 published to dev, production declared 1.0.0 and released, and a service following production
        File.WriteAllText(Path.Combine(_model.Root, "stages.yaml"), "stages:\n  - { name: dev, feed: feeds/dev }\n  - { name: production, feed: feeds/production }\n");
        string production = Path.Combine(_model.Root, "feeds", "production");
        Directory.CreateDirectory(production);
        Publish("1.0.0");
        Publish("1.1.0");
        const string Promoted = "package: FlightDelay.Stage\nstages:\n  production: 1.0.0\nhistory:\n  - { action: promote, stage: production, version: 1.0.0, at: 2026-12-01T10:00:00Z, by: \"A\", reason: \"first\" }\n";
        WriteRelease(Promoted);
        Release();
        var service = new ConsumerApp(Path.Combine(_model.Root, "service"), production, log);
        string project = Path.Combine(service.ProjectDirectory, $"{ConsumerApp.Name}.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"  <ItemGroup>\n    <PackageReference Include=\"{PackageId}\" Version=\"*\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
        service.WriteProgram("System.Console.WriteLine($\"serves={FlightDelay.Stage.Marker.Version}\");");
        Assert.Equal("serves=1.0.0", Serves(service));

        // When 1.1.0 is promoted and released
        string second = Promoted.Replace("production: 1.0.0", "production: 1.1.0", StringComparison.Ordinal)
            + "  - { action: promote, stage: production, version: 1.1.0, at: 2026-12-01T11:00:00Z, by: \"A\", reason: \"better\" }\n";
        WriteRelease(second);
        Release();

        // Then the service gets 1.1.0, and the target left the exact bytes it copied for a release hook
        Assert.Equal("serves=1.1.0", Serves(service));
        string copied = Path.Combine(_model.ArtifactsDirectory, "released", "production", $"{PackageId}.1.1.0.nupkg");
        Assert.Equal(File.ReadAllBytes(Path.Combine(production, "flightdelay.stage", "1.1.0", "flightdelay.stage.1.1.0.nupkg")), File.ReadAllBytes(copied));

        // When production is rolled back and released
        WriteRelease(second.Replace("production: 1.1.0", "production: 1.0.0", StringComparison.Ordinal)
            + "  - { action: rollback, stage: production, version: 1.0.0, from: 1.1.0, at: 2026-12-01T12:00:00Z, by: \"B\", reason: \"worse\" }\n");
        Release();

        // Then the service gets 1.0.0 back, with no change to its code or project
        Assert.Equal("serves=1.0.0", Serves(service));
        Assert.Equal(["1.0.0"], Directory.GetDirectories(Path.Combine(production, PackageId.ToLowerInvariant())).Select(Path.GetFileName));
    }

    // A library package whose Marker.Version names its version, pushed to the dev feed as a build would.
    private void Publish(string version)
    {
        string lib = Path.Combine(_model.Root, "lib");
        if (!Directory.Exists(lib))
        {
            Succeed(DotNet.Run(_model.Root, ["new", "classlib", "-n", PackageId, "-o", lib, "-f", "net10.0", "--no-restore"], log));
            File.Delete(Path.Combine(lib, "Class1.cs"));
        }

        File.WriteAllText(Path.Combine(lib, "Marker.cs"), $"namespace FlightDelay.Stage;\n\npublic static class Marker\n{{\n    public const string Version = \"{version}\";\n}}\n");
        Succeed(DotNet.Run(lib, ["pack", "-c", "Release", $"-p:Version={version}", "-o", Path.Combine(_model.Root, "packs")], log));
        string dev = Directory.CreateDirectory(Path.Combine(_model.Root, "feeds", "dev")).FullName;
        Succeed(DotNet.Run(_model.Root, ["nuget", "push", Path.Combine(_model.Root, "packs", $"{PackageId}.{version}.nupkg"), "--source", dev], log));
    }

    private void WriteRelease(string text) => File.WriteAllText(Path.Combine(_model.ProjectDirectory, "release.yaml"), text);

    private void Release() => Succeed(_model.MSBuild("-t:MLOpsRelease"));

    // What a fresh deployment of the service restores: floating versions evaluated again, then the app run.
    private string Serves(ConsumerApp service)
    {
        Succeed(DotNet.Run(service.ProjectDirectory, ["restore", "--force-evaluate"], log));
        DotNetResult run = DotNet.Run(service.ProjectDirectory, ["run", "--no-restore"], log);
        Succeed(run);
        return run.Lines.Single(l => l.StartsWith("serves=", StringComparison.Ordinal));
    }

    private static void Succeed(DotNetResult result) => Assert.True(result.Succeeded, result.ToString());
}
