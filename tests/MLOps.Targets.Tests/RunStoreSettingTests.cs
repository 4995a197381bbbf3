using System.Net;
using System.Net.Sockets;
using MLOps.Core.Tracking;
using MLOps.Tests.Infrastructure;
using MLOps.Tests.Shared.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>Which run store a build records into: MLOpsRunStore, else MLOPS_RUN_STORE, else artifacts/runs.db; and what a bad one says.</summary>
[Collection(TargetsCollection.Name)]
public sealed class RunStoreSettingTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [SkippableFact]
    public void Should_record_into_PostgreSQL_When_MLOPS_RUN_STORE_names_it_and_into_the_property_s_store_When_both_are_set()
    {
        Skip.If(PostgresServer.Missing is not null, PostgresServer.Missing);

        // Given two PostgreSQL databases: one in the environment, one in the MSBuild property
        string fromEnvironment = PostgresServer.Shared.CreateDatabase();
        string fromProperty = PostgresServer.Shared.CreateDatabase();
        var environment = new Dictionary<string, string> { ["MLOPS_RUN_STORE"] = fromEnvironment };

        // When the model is built with the environment variable, then (after obj/ is deleted) with the property too
        DotNetResult first = _project.DotNetWith(environment, "build", "-c", TempModelProject.Configuration);
        Directory.Delete(Path.Combine(_project.ProjectDirectory, "obj"), recursive: true);
        DotNetResult second = _project.DotNetWith(environment, "build", "-c", TempModelProject.Configuration, $"-p:MLOpsRunStore={fromProperty.Replace(";", "%3B", StringComparison.Ordinal)}");

        // Then the first run is in the environment's database, the second (cached from it) in the property's, none in SQLite
        Assert.True(first.Succeeded && second.Succeeded, first + "\n" + second);
        Run trained = Assert.Single(RunStoreOutput.Runs(fromEnvironment));
        Run cached = Assert.Single(RunStoreOutput.Runs(fromProperty));
        Assert.Equal((RunStatus.Succeeded, RunStatus.Cached, trained.Id), (trained.Status, cached.Status, cached.CachedFrom));
        Assert.False(File.Exists(_project.RunStoreFile()));
    }

    [Fact]
    public void Should_say_MLOPS8002_naming_the_server_without_its_password_When_the_PostgreSQL_store_is_unreachable()
    {
        // Given a store on a port nothing listens on, with a password
        int port = ClosedPort();
        var environment = new Dictionary<string, string> { ["MLOPS_RUN_STORE"] = $"Host=127.0.0.1;Port={port};Database=runs;Username=ci;Password=hunter2;Timeout=3" };

        // When the model is built
        DotNetResult build = _project.DotNetWith(environment, "build", "-c", TempModelProject.Configuration);

        // Then the build stops with MLOPS8002 naming the store and what to do, and never shows the password
        Assert.False(build.Succeeded);
        string error = Assert.Single(build.Errors("MLOPS8002").Distinct());
        Assert.Contains($"postgresql 127.0.0.1:{port}/runs", error, StringComparison.Ordinal);
        Assert.Contains("MLOpsTrackRuns=false", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_MLOPS8001_without_the_password_When_the_connection_string_cannot_be_read()
    {
        // When the model is built with a connection string that names neither back end
        DotNetResult build = _project.Build("-p:MLOpsRunStore=Flavour=vanilla%3BPassword=hunter2");

        // Then MLOPS8001 says what it expected, and the password is not shown
        Assert.False(build.Succeeded);
        string error = Assert.Single(build.Errors("MLOPS8001").Distinct());
        Assert.Contains("Password=***", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", build.Output, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
