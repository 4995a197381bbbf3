using MLOps.Tests.Infrastructure;
using MLOps.Tests.Shared;

namespace MLOps.Cli.Tests.Drift;

/// <summary>
/// The scenario's repository: FlightDelay as in models/ (the repository's spec and schema) on MLOps.Sdk from
/// artifacts/packages, trained on data/train/ (January and February) with a retrain: window over data/months/.
/// </summary>
internal static class ScenarioProject
{
    private static readonly string[] Common = ["-nodeReuse:false", "-tl:off", "-v:m", "-p:Configuration=Release"];

    public static string Create(TempFolder root)
    {
        string project = Directory.CreateDirectory(root.Combine("FlightDelay")).FullName;
        Directory.CreateDirectory(root.Combine("data", "train"));
        foreach (string month in new[] { "2001-01.csv", "2001-02.csv" })
            File.Copy(root.Combine("data", "months", month), root.Combine("data", "train", month));
        File.Copy(Repository.File("data/flights/schema.json"), root.Combine("data", "schema.json"));
        File.WriteAllText(root.Combine("nuget.config"), NuGetConfig.ForPackages(Repository.PackagesFolder));
        File.WriteAllText(root.Combine("Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <MLOpsArtifactsDir>{root.Combine("artifacts")}/</MLOpsArtifactsDir>
                <MLOpsPrerelease>false</MLOpsPrerelease>
              </PropertyGroup>
            </Project>
            """);
        string spec = File.ReadAllText(Repository.File("models/FlightDelay/model.yaml"));
        // The repository's retrain: section (the newest month of data/flights) gives way to the scenario's.
        spec = spec[..spec.IndexOf("\nretrain:", StringComparison.Ordinal)].TrimEnd()
            .Replace("path: ../../data/flights/flights.csv", "path: ../data/train", StringComparison.Ordinal)
            .Replace("schema: ../../data/flights/schema.json", "schema: ../data/schema.json", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(project, "model.yaml"), spec + """

            drift:
              share: 0.25
              columns:
                date.month: { method: wasserstein, threshold: 0.1 }
            retrain:
              data: ../data/months
              window: { by: date, last: 2 months }

            """);
        File.WriteAllText(Path.Combine(project, "FlightDelay.Model.csproj"), $"""
            <Project Sdk="MLOps.Sdk/{Repository.PackageVersion}">
              <PropertyGroup>
                <RootNamespace>FlightDelay.Model</RootNamespace>
                <Description>Flight delays, trained on January-February 2001.</Description>
                <Authors>MLOps tests</Authors>
              </PropertyGroup>
            </Project>
            """);
        return project;
    }

    public static string[] Publish() => ["msbuild", "-restore", "-t:MLOpsPublish", .. Common];

    /// <summary>The Retrain target's build: the window as the data, the champion named explicitly (no release.yaml here).</summary>
    public static string[] Retrain(TempFolder root, string feed, string champion) =>
    [
        "msbuild", "-restore", "-t:MLOpsPublish", .. Common,
        $"-p:MLOpsDataPath={root.Combine("artifacts", "FlightDelay", "retrain", "window.csv")}",
        $"-p:MLOpsRetrainWindowFile={root.Combine("artifacts", "FlightDelay", "retrain", "window.json")}",
        $"-p:MLOpsChampionFeed={feed}",
        $"-p:MLOpsChampionVersion={champion}",
    ];
}
