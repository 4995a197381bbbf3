using MLOps.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLOps.Package.Tests;

/// <summary>
/// Once for the version tests: FlightDelay.Model published four times through MLOpsPublish, small and quick to train, to
/// its project's folder feed (artifacts/feed) as CI on main would (MLOpsPrerelease=false, see TempModelProject):
///   1.0.0  the first model, without Destination (its column made nullable in the schema)
///   1.0.1  retrained on more rows, same contract
///   1.1.0  reads Destination too: a new optional input
///   2.0.0  no longer reads Distance: an input removed
/// MLOps.ModelFormat and MLOps.Runtime are in a folder of their own that consumers read beside the model feed.
/// </summary>
public sealed class VersionedModelFixture : IDisposable
{
    private const string DestinationFeature = "  - { name: Destination, source: destination, encode: one-hot }\n";
    private const string DistanceFeature = "  - { name: Distance, source: distance }\n";

    private readonly TempModelProject _model;
    private readonly SinkLog _log;

    public VersionedModelFixture(IMessageSink sink)
    {
        _log = new SinkLog(sink);
        _model = TempModelProject.Create(_log, name: "FlightDelay", rows: 600);
        Libraries = Directory.CreateDirectory(Path.Combine(_model.Root, "libraries")).FullName;
        foreach (string library in new[] { "MLOps.ModelFormat", "MLOps.Runtime" })
            File.Copy(Repository.Package(library), Path.Combine(Libraries, Path.GetFileName(Repository.Package(library))));

        string schema = Path.Combine(_model.Root, "data", "schema.json");
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("\"name\": \"destination\",", "\"name\": \"destination\",\n      \"nullable\": true,", StringComparison.Ordinal));
        string spec = new ModelSpecText("FlightDelay", Parameters: "{ NumberOfLeaves: 4, NumberOfIterations: 5, MinimumExampleCountPerLeaf: 10 }", Gates: "auc: { min: 0.5 }")
            .ToString().ReplaceLineEndings("\n");

        _model.WriteSpec(spec.Replace(DestinationFeature, "", StringComparison.Ordinal));
        Publishes.Add(Publish());
        _model.AppendRows(FlightData.Rows(100, seed: 2));
        Publishes.Add(Publish());
        _model.WriteSpec(spec);
        Publishes.Add(Publish());
        _model.WriteSpec(spec.Replace(DistanceFeature, "", StringComparison.Ordinal));
        Publishes.Add(Publish());
    }

    public const string PackageId = "FlightDelay.Model";

    /// <summary>The model's folder feed.</summary>
    public string Feed => _model.FeedDirectory;

    /// <summary>The folder holding MLOps.ModelFormat and MLOps.Runtime.</summary>
    public string Libraries { get; }

    /// <summary>The output of each publish, in order.</summary>
    public List<DotNetResult> Publishes { get; } = [];

    /// <summary>
    /// A console app in a folder of its own (own packages folder) running <paramref name="program"/>, reading MLOps.* from
    /// <see cref="Libraries"/> and FlightDelay.* from <see cref="Feed"/>, with no package added yet.
    /// </summary>
    public ConsumerApp NewConsumer(string name, string program)
    {
        string root = Path.Combine(_model.Root, name);
        Directory.CreateDirectory(root);
        // The app's own nuget.config maps FlightDelay.* to the libraries folder too; this one, read after it, adds the model feed.
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig.ModelFeed(Feed, "FlightDelay.*"));
        var consumer = new ConsumerApp(root, Libraries, _log);
        consumer.WriteProgram(program);
        return consumer;
    }

    public void Dispose() => _model.Dispose();

    private DotNetResult Publish()
    {
        DotNetResult result = _model.Publish();
        return result.Succeeded ? result : throw new XunitException(result.ToString());
    }
}
