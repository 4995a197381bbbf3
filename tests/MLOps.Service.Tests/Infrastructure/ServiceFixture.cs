using MLOps.Package.Tests;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLOps.Service.Tests.Infrastructure;

/// <summary>
/// Once for the service tests, in one temp folder deleted afterwards:
///   feed/        a folder feed with MLOps.ModelFormat and MLOps.Runtime as the build made them, and FlightDelay.Model
///                1.0.0 (version A) packed from a temp model project (TempModelProject, small and quick to train);
///                1.0.1 (version B, other trainer parameters: another model file) is packed too, but kept out of the
///                feed until a test publishes it
///   api/         a copy of samples/FlightDelay.Api whose nuget.config reads FlightDelay.* and MLOps.* from that feed,
///                built with 'dotnet build' (its own packages folder, so no cache can hold another 1.0.0)
///   the app      started from its output folder on a free 127.0.0.1 port, polling the feed every second
/// <see cref="PublishVersionB"/> puts 1.0.1 into the feed the service polls, as a publish to a stage does.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public const string VersionA = "1.0.0";
    public const string VersionB = "1.0.1";
    public const string PackageId = "FlightDelay.Model";

    private const string ParametersA = "{ NumberOfLeaves: 4, NumberOfIterations: 5, MinimumExampleCountPerLeaf: 10 }";
    private const string ParametersB = "{ NumberOfLeaves: 8, NumberOfIterations: 12, MinimumExampleCountPerLeaf: 5 }";

    private readonly SinkLog _log;
    private TempModelProject? _model;

    public ServiceFixture(IMessageSink sink) => _log = new SinkLog(sink);

    public TempModelProject Model => _model ?? throw new InvalidOperationException("Not initialized.");

    public string Root => Model.Root;

    public string Feed => Path.Combine(Root, "feed");

    public string ApiDirectory => Path.Combine(Root, "api");

    /// <summary>Where 'dotnet build' put the app, with the model files the package copies (mlops/FlightDelay/).</summary>
    public string OutputDirectory => Path.Combine(ApiDirectory, "bin", "Debug", "net10.0");

    public ApiProcess Api { get; private set; } = null!;

    /// <summary>The service's prediction log folder (Model:Log:Directory).</summary>
    public string PredictionLog => Path.Combine(Root, "predictions");

    public async Task InitializeAsync()
    {
        _model = TempModelProject.Create(_log, name: "FlightDelay", spec: Spec(ParametersA), rows: 800);
        Directory.CreateDirectory(Feed);
        foreach (string library in new[] { "MLOps.ModelFormat", "MLOps.Runtime" })
        {
            File.Copy(Repository.Package(library), Path.Combine(Feed, Path.GetFileName(Repository.Package(library))));
        }
        PackInto(VersionA);
        Model.WriteSpec(Spec(ParametersB).ToString());
        Succeed(Model.Pack($"-p:MLOpsVersion={VersionB}"));

        ApiCopy.Create(Repository.File("samples/FlightDelay.Api"), ApiDirectory, Feed);
        Succeed(DotNet.Run(ApiDirectory, ["build", "-nodeReuse:false", "-tl:off", "-v:m"], _log,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = ApiCopy.PackagesFolder(ApiDirectory) }));

        Api = ApiProcess.Start(OutputDirectory, $"--Model:Feed={Feed}", "--Model:PollSeconds=1",
            $"--Model:CacheDirectory={Path.Combine(Root, "model-cache")}", $"--Model:Log:Directory={PredictionLog}");
        await Api.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Publishes 1.0.1 (packed at the start) into the feed the service polls.</summary>
    public void PublishVersionB() => CopyInto(VersionB);

    /// <summary>The nupkg of <paramref name="version"/> as packed, in the model project's artifacts/packages.</summary>
    public string PackedFile(string version) => Path.Combine(Model.ArtifactsDirectory, "packages", $"{PackageId}.{version}.nupkg");

    public Task DisposeAsync()
    {
        _log.WriteLine($"FlightDelay.Api output:\n{Api?.Output}");
        Api?.Dispose();
        _model?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The packed nupkg of <paramref name="version"/> in the feed.</summary>
    public string PackageFile(string version) => Path.Combine(Feed, $"{PackageId}.{version}.nupkg");

    private void PackInto(string version)
    {
        Succeed(Model.Pack($"-p:MLOpsVersion={version}"));
        CopyInto(version);
    }

    // Copied under a temporary name and renamed, so the polling service never reads half a package.
    private void CopyInto(string version)
    {
        string partial = PackageFile(version) + ".partial";
        File.Copy(PackedFile(version), partial);
        File.Move(partial, PackageFile(version));
    }

    private static ModelSpecText Spec(string parameters) =>
        new("FlightDelay", Parameters: parameters, Gates: "auc: { min: 0.5 }");

    private static void Succeed(DotNetResult result)
    {
        if (!result.Succeeded)
        {
            throw new XunitException(result.ToString());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "FlightDelay.Api";
}
