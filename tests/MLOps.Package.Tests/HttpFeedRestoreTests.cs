using MLOps.Tests.Infrastructure;
using MLOps.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Package.Tests;

/// <summary>The real dotnet restore of a consumer from the in-process NuGet v3 HTTP server.</summary>
public sealed class HttpFeedRestoreTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new("mlops-http-restore");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_restore_from_the_http_feed_When_the_source_allows_insecure_connections()
    {
        // Given a package on the server, and a consumer whose only source is the server (plain http allowed)
        using NuGetTestServer server = NuGetTestServer.Start(_temp.Combine("server"));
        Assert.True(server.Add(TestPackages.Model(_temp.Path, "Http.Model", "1.2.0", 'a')));
        string consumer = Consumer(server, allowInsecure: true);

        // When it restores
        DotNetResult restore = Restore(consumer);

        // Then restore succeeds, through the service index and the flat container, into the consumer's own packages folder
        Assert.True(restore.Succeeded, restore.ToString());
        Assert.True(File.Exists(_temp.Combine("packages", "http.model", "1.2.0", "http.model.1.2.0.nupkg")));
        Assert.Contains(server.Requests, r => r.Path == "/v3/index.json");
        Assert.Contains(server.Requests, r => r.Path == "/v3-flatcontainer/http.model/1.2.0/http.model.1.2.0.nupkg" && r.StatusCode == 200);
    }

    [Fact]
    public void Should_fail_with_NU1302_When_the_http_source_does_not_allow_insecure_connections()
    {
        // Given the same package and a consumer whose source does not allow plain http
        using NuGetTestServer server = NuGetTestServer.Start(_temp.Combine("server"));
        server.Add(TestPackages.Model(_temp.Path, "Http.Model", "1.2.0", 'a'));
        string consumer = Consumer(server, allowInsecure: false);

        // When it restores
        DotNetResult restore = Restore(consumer);

        // Then NuGet refuses the source
        Assert.False(restore.Succeeded, restore.ToString());
        Assert.Contains("NU1302", restore.Output, StringComparison.Ordinal);
    }

    // NUGET_PACKAGES (set in some shells) would win over the nuget.config's globalPackagesFolder.
    private DotNetResult Restore(string consumer) =>
        DotNet.Run(consumer, ["restore"], log, environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = _temp.Combine("packages") });

    private string Consumer(NuGetTestServer server, bool allowInsecure)
    {
        _temp.Write("consumer/Consumer.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Http.Model" Version="1.2.0" />
              </ItemGroup>
            </Project>
            """);
        _temp.Write("consumer/nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{_temp.Combine("packages")}" />
              </config>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="http-test" value="{server.ServiceIndexUrl}" allowInsecureConnections="{(allowInsecure ? "true" : "false")}" />
              </packageSources>
            </configuration>
            """);
        return _temp.Combine("consumer");
    }
}
