using MLOps.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLOps.Package.Tests;

/// <summary>
/// Once for all package tests: a fresh feed folder with the MLOps.ModelFormat and MLOps.Runtime packages the build
/// made and a FlightDelay.Model packed from a temp model project under a unique pre-release version (no package cache can hold it), and
/// a console app that references it and has been run once with 'dotnet run'. Everything lives in one temp
/// folder, deleted afterwards.
/// </summary>
public sealed class ModelPackageFixture : IDisposable
{
    private readonly TempModelProject _model;

    public ModelPackageFixture(IMessageSink sink)
    {
        var log = new SinkLog(sink);
        _model = TempModelProject.Create(log, name: "FlightDelay");
        Feed = Path.Combine(_model.Root, "feed");
        Directory.CreateDirectory(Feed);
        foreach (string library in new[] { "MLOps.ModelFormat", "MLOps.Runtime" })
        {
            string built = Repository.Package(library);
            File.Copy(built, Path.Combine(Feed, Path.GetFileName(built)));
        }

        Version = $"1.0.0-t{DateTime.UtcNow.Ticks}";
        Succeed(_model.Pack($"-p:MLOpsVersion={Version}"));
        string package = Path.Combine(_model.ArtifactsDirectory, "packages", $"{PackageId}.{Version}.nupkg");
        File.Copy(package, Path.Combine(Feed, Path.GetFileName(package)));

        Consumer = new ConsumerApp(Path.Combine(_model.Root, "consumer"), Feed, log);
        AddPackage = Consumer.AddPackage(PackageId, Version);
        Consumer.WriteProgram(Program);
        FirstRun = Consumer.RunApp();
    }

    public const string PackageId = "FlightDelay.Model";

    public string Feed { get; }

    public string Version { get; }

    public ConsumerApp Consumer { get; }

    public DotNetResult AddPackage { get; }

    public DotNetResult FirstRun { get; }

    /// <summary>The consumer's code: the package's typed API only.</summary>
    public const string Program = """
        using System.Globalization;
        using FlightDelay.Model;

        try
        {
            var model = FlightDelayModel.Load();
            var prediction = model.Predict(new FlightDelayInput
            {
                Date = new DateTime(2001, 2, 12, 19, 45, 0),
                Distance = 740,
                Origin = "ORD",
                Destination = "ATL",
            });
            Console.WriteLine($"probability={prediction.Probability.ToString("R", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"version={model.Version}");
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine($"load failed: {e.Message}");
            return 3;
        }
        """;

    public void Dispose() => _model.Dispose();

    private static void Succeed(DotNetResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }
}
