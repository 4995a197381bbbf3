using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Releases;

/// <summary>Promotion and rollback to a production stage on the in-process NuGet v3 HTTP test server.</summary>
public sealed class StageSyncHttpTests : IDisposable
{
    private const string Key = "stage-key-41c7e09d2a";
    private const string KeyVariable = "TEST_PRODUCTION_KEY";
    private readonly NuGetTestServer _server;
    private readonly ReleaseRepository _repo;

    public StageSyncHttpTests()
    {
        _repo = new ReleaseRepository("stages.yaml placeholder: replaced below");
        _server = NuGetTestServer.Start(Path.Combine(_repo.Root, "server"), Key);
        File.WriteAllText(Path.Combine(_repo.Root, "stages.yaml"), $"""
            stages:
              - name: dev
                feed: feeds/dev
              - name: production
                feed: {_server.ServiceIndexUrl}
                api-key-env: {KeyVariable}
                allow-insecure-connections: true
            """);
    }

    public void Dispose()
    {
        _server.Dispose();
        _repo.Dispose();
    }

    [Fact]
    public async Task Should_PushTheExactPackageThenUnlistIt_When_ProductionOnHttpIsPromotedAndRolledBack()
    {
        // Given 1.0.0 and 1.1.0 in dev, and production declared 1.0.0 then 1.1.0, each released
        _repo.Publish("1.0.0", 'a');
        _repo.Publish("1.1.0", 'b');
        const string First = "package: M.Model\nstages:\n  production: 1.0.0\nhistory:\n  - { action: promote, stage: production, version: 1.0.0, at: 2026-12-01T10:00:00Z, by: \"A\" }\n";
        _repo.WriteRelease(First);
        Assert.Empty(await SyncAsync());
        string second = First.Replace("production: 1.0.0", "production: 1.1.0", StringComparison.Ordinal)
            + "  - { action: promote, stage: production, version: 1.1.0, at: 2026-12-01T11:00:00Z, by: \"A\" }\n";
        _repo.WriteRelease(second);
        Assert.Empty(await SyncAsync());

        // Then the server serves 1.1.0, with the bytes dev holds, pushed with the stage's key
        ModelFeed feed = ModelFeed.Open(_server.ServiceIndexUrl, new DiagnosticBag())!;
        var bag = new DiagnosticBag();
        Assert.Equal([NuGetVersion.Parse("1.0.0"), NuGetVersion.Parse("1.1.0")], await feed.GetListedVersionsAsync(ReleaseRepository.PackageId, bag));
        Assert.Equal(_repo.Bytes("dev", "1.1.0"), await feed.DownloadBytesAsync(ReleaseRepository.PackageId, NuGetVersion.Parse("1.1.0"), bag));
        Assert.All(_server.Requests.Where(r => r.Method == "PUT"), r => Assert.Equal((201, Key), (r.StatusCode, r.Header("X-NuGet-ApiKey"))));

        // When production is rolled back to 1.0.0 and released
        _repo.WriteRelease(second.Replace("production: 1.1.0", "production: 1.0.0", StringComparison.Ordinal)
            + "  - { action: rollback, stage: production, version: 1.0.0, from: 1.1.0, at: 2026-12-01T12:00:00Z, by: \"B\", reason: \"worse\" }\n");
        Assert.Empty(await SyncAsync());

        // Then 1.1.0 is unlisted by a DELETE with the key, 1.0.0 is served, and a second release changes nothing
        RecordedRequest delete = Assert.Single(_server.Requests, r => r.Method == "DELETE");
        Assert.Equal(Key, delete.Header("X-NuGet-ApiKey"));
        IReadOnlyList<FeedVersion> versions = await feed.GetFeedVersionsAsync(ReleaseRepository.PackageId, bag);
        Assert.Equal([("1.0.0", true), ("1.1.0", false)], versions.Select(v => (v.Version.ToNormalizedString(), v.Listed)));
        int requests = _server.Requests.Count(r => r.Method is "PUT" or "DELETE");
        Assert.Empty(await SyncAsync());
        Assert.Equal(requests, _server.Requests.Count(r => r.Method is "PUT" or "DELETE"));
        Assert.Empty(bag);
    }

    [Fact]
    public async Task Should_ReportMLOPS5022WithoutTheKey_When_TheKeyVariableIsNotSet()
    {
        // Given production declared 1.0.0 on the HTTP feed, and its key variable unset
        _repo.Publish("1.0.0", 'a');
        _repo.WriteRelease("package: M.Model\nstages:\n  production: 1.0.0\nhistory: []\n");

        // When released
        DiagnosticBag bag = await SyncAsync(variable: _ => null);

        // Then nothing is pushed and the message names the variable
        Diagnostic d = Assert.Single(bag);
        Assert.Equal(Codes.StageApiKeyMissing, d.Code);
        Assert.Contains(KeyVariable, d.Message);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Should_ReportMLOPS5017_When_TheServerRefusesTheDeleteOfARolledBackVersion()
    {
        // Given production released 1.0.0 then 1.1.0, and rolled back to 1.0.0
        _repo.Publish("1.0.0", 'a');
        _repo.Publish("1.1.0", 'b');
        _repo.WriteRelease(Released("1.0.0"));
        Assert.Empty(await SyncAsync());
        string released = Released("1.0.0", "1.1.0");
        _repo.WriteRelease(released);
        Assert.Empty(await SyncAsync());
        _repo.WriteRelease(RolledBack(released));

        // When released with a key the server refuses
        DiagnosticBag bag = await SyncAsync(variable: name => name == KeyVariable ? "not-the-key" : null);

        // Then removing 1.1.0 failed with MLOPS5017, and it is still listed
        Assert.Contains(bag, d => d.Code == Codes.StageRemoveFailed);
        Assert.Contains(_server.Versions(ReleaseRepository.PackageId), v => v == ("1.1.0", true));
    }

    [Fact]
    public async Task Should_ReportMLOPS5024_When_ARolledBackVersionIsPromotedAgainOnAnHttpFeed()
    {
        // Given 1.1.0 released to production, rolled back (unlisted), then declared for production again
        _repo.Publish("1.0.0", 'a');
        _repo.Publish("1.1.0", 'b');
        _repo.WriteRelease(Released("1.0.0"));
        Assert.Empty(await SyncAsync());
        string released = Released("1.0.0", "1.1.0");
        _repo.WriteRelease(released);
        Assert.Empty(await SyncAsync());
        string rolledBack = RolledBack(released);
        _repo.WriteRelease(rolledBack);
        Assert.Empty(await SyncAsync());
        _repo.WriteRelease(rolledBack.Replace("production: 1.0.0", "production: 1.1.0", StringComparison.Ordinal)
            + "  - { action: promote, stage: production, version: 1.1.0, at: 2026-12-01T13:00:00Z, by: \"C\", reason: \"again\" }\n");

        // When released
        DiagnosticBag bag = await SyncAsync();

        // Then the unlisted version cannot be relisted by a push: MLOPS5024, and nothing was pushed again
        Assert.Contains(bag, d => d.Code == Codes.DeclaredVersionUnlisted);
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "PUT"));
    }

    // production promoted to each version in turn, as release.yaml records it.
    private static string Released(params string[] versions) =>
        $"package: M.Model\nstages:\n  production: {versions[^1]}\nhistory:\n"
        + string.Concat(versions.Select((v, i) => $"  - {{ action: promote, stage: production, version: {v}, at: 2026-12-01T1{i}:00:00Z, by: \"A\" }}\n"));

    // The same file after production went back from 1.1.0 to 1.0.0.
    private static string RolledBack(string released) =>
        released.Replace("production: 1.1.0", "production: 1.0.0", StringComparison.Ordinal)
        + "  - { action: rollback, stage: production, version: 1.0.0, from: 1.1.0, at: 2026-12-01T12:00:00Z, by: \"B\", reason: \"worse\" }\n";

    private async Task<DiagnosticBag> SyncAsync(Func<string, string?>? variable = null)
    {
        var bag = new DiagnosticBag();
        ModelRelease model = ModelRelease.Open(_repo.ModelFolder, bag)!;
        await new StageSync(model, new StageFeeds(variable ?? (name => name == KeyVariable ? Key : null))).SyncAsync(null, bag);
        Assert.DoesNotContain(bag, d => d.Message.Contains(Key, StringComparison.Ordinal));
        return bag;
    }
}
