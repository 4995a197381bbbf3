using MLOps.Tests.Infrastructure;

namespace MLOps.Service.Tests.Infrastructure;

/// <summary>
/// A copy of samples/FlightDelay.Api (its sources, project and appsettings.json; not bin/, obj/ or its nuget.config)
/// whose nuget.config reads FlightDelay.* and MLOps.* only from a test feed, into a packages folder of its own.
/// </summary>
public static class ApiCopy
{
    public static void Create(string sample, string target, string feed)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(sample).Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(target, "nuget.config"),
            NuGetConfig.Isolated(feed, PackagesFolder(target), NuGetConfig.MachinePackagesFolder(), "FlightDelay.*"));
    }

    /// <summary>Beside the project, not in it: the Web SDK takes every *.json under the project folder as content, and a
    /// package's mlops/&lt;Name&gt;/lineage.json would then be copied to packages/... instead of mlops/.</summary>
    public static string PackagesFolder(string apiDirectory) => apiDirectory.TrimEnd(Path.DirectorySeparatorChar) + "-packages";
}
