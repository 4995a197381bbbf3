using MLOps.Tests.Shared;
namespace MLOps.Cli.Tests;

/// <summary>
/// A copy of the repository's FlightDelay spec and data/flights files in a temp folder, with the same
/// relative layout (models/FlightDelay/model.yaml -> ../../data/flights/), so tests can break a copy.
/// </summary>
internal static class FlightsCopy
{
    public static string Create(TempFolder temp)
    {
        string repo = RepositoryRoot();
        string data = Directory.CreateDirectory(temp.Combine("data", "flights")).FullName;
        string model = Directory.CreateDirectory(temp.Combine("models", "FlightDelay")).FullName;
        foreach (string file in new[] { "flights.csv", "schema.json" })
            File.Copy(Path.Combine(repo, "data", "flights", file), Path.Combine(data, file));
        string spec = Path.Combine(model, "model.yaml");
        File.Copy(Path.Combine(repo, "models", "FlightDelay", "model.yaml"), spec);
        return spec;
    }

    public static string DataFile(TempFolder temp) => temp.Combine("data", "flights", "flights.csv");

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Pipeline.sln above {AppContext.BaseDirectory}.");
    }
}
