using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using NuGet.Versioning;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Registry;

/// <summary>The registry over HTTP: ModelFeed against the in-process NuGet v3 test server.</summary>
public sealed class ModelFeedHttpTests : IDisposable
{
    private const string Key = "test-key-7f3a9c1e5b";
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();
    private readonly NuGetTestServer _server;

    public ModelFeedHttpTests() => _server = NuGetTestServer.Start(_temp.Combine("server"), Key);

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private ModelFeed OpenFeed(string? apiKey = Key) => ModelFeed.Open(_server.ServiceIndexUrl, _bag, apiKey: apiKey, allowInsecureConnections: true)!;

    [Fact]
    public async Task Should_list_and_read_lineage_When_models_are_published_over_http()
    {
        // Given an HTTP feed and two versions of a model
        ModelFeed feed = OpenFeed();

        // When both are published
        PublishResult first = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);
        PublishResult second = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.1.0", 'b'), _bag);

        // Then both are listed lowest first and each reads back its own model, pushed with the key as NuGet sends it
        Assert.Empty(_bag);
        Assert.Equal([PublishOutcome.Published, PublishOutcome.Published], new[] { first.Outcome, second.Outcome });
        Assert.Equal([new NuGetVersion(1, 0, 0), new NuGetVersion(1, 1, 0)], await feed.GetVersionsAsync("Flight.Model", _bag));
        Assert.Equal(TestPackages.Sha('b'), await feed.ReadModelSha256Async("Flight.Model", new NuGetVersion(1, 1, 0), _bag));
        RecordedRequest[] pushes = [.. _server.Requests.Where(r => r.Method == "PUT")];
        Assert.Equal(2, pushes.Length);
        Assert.All(pushes, push => Assert.Equal((201, Key), (push.StatusCode, push.Header("X-NuGet-ApiKey"))));
    }

    [Fact]
    public async Task Should_be_a_no_op_When_the_same_model_is_republished_over_http()
    {
        // Given 1.0.0 on the server
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // When a new pack of the same model is published
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // Then nothing is pushed the second time
        Assert.Empty(_bag);
        Assert.Equal(PublishOutcome.AlreadyPresent, result.Outcome);
        Assert.Single(_server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Should_refuse_with_MLOPS5001_When_the_same_version_holds_another_model_over_http()
    {
        // Given 1.0.0 with model a on the server
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // When 1.0.0 with model b is published
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'b'), _bag);

        // Then it is refused before any push, and the server keeps model a
        Assert.Equal(PublishOutcome.Refused, result.Outcome);
        Assert.Equal(Codes.VersionAlreadyPublished, Assert.Single(_bag).Code);
        Assert.Single(_server.Requests, r => r.Method == "PUT");
        Assert.Equal(TestPackages.Sha('a'), await feed.ReadModelSha256Async("Flight.Model", new NuGetVersion(1, 0, 0), new DiagnosticBag()));
    }

    [Theory]
    [InlineData("wrong-key-0b1d2e", 403)]
    [InlineData(null, 401)]
    public async Task Should_fail_with_MLOPS5005_and_never_show_the_key_When_the_key_is_wrong(string? apiKey, int status)
    {
        // Given a feed opened with a wrong key or none
        ModelFeed feed = OpenFeed(apiKey);

        // When a model is published
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // Then the push is refused by the server, reported as MLOPS5005, and no message holds the key sent
        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.PushFailed, error.Code);
        Assert.Contains(_server.Requests, r => r.Method == "PUT" && r.StatusCode == status);
        if (apiKey is not null)
            Assert.DoesNotContain(apiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_with_MLOPS5007_before_sending_the_key_When_insecure_http_is_not_allowed()
    {
        // Given the plain-http feed opened without allowing insecure connections
        ModelFeed feed = ModelFeed.Open(_server.ServiceIndexUrl, _bag, apiKey: Key)!;

        // When a model is published
        PublishResult result = await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);

        // Then MLOPS5007 is reported and no request carried the key
        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal(Codes.InsecureFeedWrite, Assert.Single(_bag).Code);
        Assert.DoesNotContain(_server.Requests, r => r.Header("X-NuGet-ApiKey") is not null);
    }

    [Fact]
    public async Task Should_keep_an_unlisted_version_downloadable_When_it_is_deleted()
    {
        // Given 1.0.0 and 1.1.0 on the server
        ModelFeed feed = OpenFeed();
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.0.0", 'a'), _bag);
        await feed.PublishAsync(TestPackages.Model(_temp.Path, "Flight.Model", "1.1.0", 'b'), _bag);
        using var http = new HttpClient();

        // When 1.1.0 is deleted with the key (NuGet's unlist)
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{_server.PublishUrl}/Flight.Model/1.1.0");
        delete.Headers.Add("X-NuGet-ApiKey", Key);
        using HttpResponseMessage deleted = await http.SendAsync(delete);
        JsonNode registration = JsonNode.Parse(await http.GetStringAsync($"{_server.RegistrationUrl}flight.model/index.json"))!;

        // Then the registration says unlisted, while the flat container still lists and serves it by exact version
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        JsonArray leaves = registration["items"]![0]!["items"]!.AsArray();
        Assert.Equal([true, false], leaves.Select(l => (bool)l!["catalogEntry"]!["listed"]!));
        Assert.Equal([new NuGetVersion(1, 0, 0), new NuGetVersion(1, 1, 0)], await feed.GetVersionsAsync("Flight.Model", _bag));
        Assert.Equal(TestPackages.Sha('b'), await feed.ReadModelSha256Async("Flight.Model", new NuGetVersion(1, 1, 0), _bag));
        Assert.Empty(_bag);
    }

    [Fact]
    public async Task Should_answer_409_When_an_existing_version_is_pushed_again()
    {
        // Given 1.0.0 on the server
        _server.Add(TestPackages.Library(_temp.Path, "Some.Library", "1.0.0"));
        using var http = new HttpClient();

        // When the same id and version is pushed again as NuGet does (multipart PUT)
        using var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(TestPackages.Library(_temp.Path, "Some.Library", "1.0.0")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "package", "package.nupkg");
        using var push = new HttpRequestMessage(HttpMethod.Put, _server.PublishUrl) { Content = body };
        push.Headers.Add("X-NuGet-ApiKey", Key);
        using HttpResponseMessage response = await http.SendAsync(push);

        // Then the server answers Conflict
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
