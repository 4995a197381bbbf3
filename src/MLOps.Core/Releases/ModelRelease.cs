using MLOps.Core.Diagnostics;

namespace MLOps.Core.Releases;

/// <summary>
/// One model's release context: its folder (models/&lt;Model&gt;), the stages, the release file and the package
/// id (release.yaml's <c>package:</c>, else the name of the model's .csproj).
/// </summary>
public sealed record ModelRelease(string Model, string ModelFolder, string RepositoryRoot, StagesConfig Stages, ReleaseFile Release, string PackageId)
{
    public const string ModelsFolder = "models";

    /// <summary>Finds models/<paramref name="model"/> from <paramref name="currentDirectory"/> upward and opens it; null when it cannot (reported).</summary>
    public static ModelRelease? Find(string model, string currentDirectory, DiagnosticBag bag)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(currentDirectory)); dir is not null; dir = dir.Parent)
        {
            string folder = Path.Combine(dir.FullName, ModelsFolder, model);
            if (Directory.Exists(folder))
                return Open(folder, bag);
        }

        bag.Error(Codes.ReleaseModelNotFound,
            $"No folder {ModelsFolder}/{model} was found from '{Path.GetFullPath(currentDirectory)}' upward. Run the command inside the repository, and name the model by its folder under {ModelsFolder}/ (e.g. FlightDelay).");
        return null;
    }

    /// <summary>Opens the model in <paramref name="modelFolder"/>; the stages and release files default to stages.yaml (searched upward) and release.yaml beside the model.</summary>
    public static ModelRelease? Open(string modelFolder, DiagnosticBag bag, string? stagesFile = null, string? releaseFile = null)
    {
        string folder = Path.GetFullPath(modelFolder);
        if (StagesConfig.Find(folder, bag, stagesFile) is not { } stages)
            return null;
        string releasePath = releaseFile is { Length: > 0 } ? Path.GetFullPath(releaseFile, folder) : Path.Combine(folder, ReleaseFile.FileName);
        if (ReleaseFileReader.Read(releasePath, stages, bag) is not { } release)
            return null;
        string? packageId = release.Package ?? ProjectName(folder);
        string model = Path.GetFileName(folder);
        if (packageId is null)
        {
            bag.Error(Codes.ReleaseModelNotFound,
                $"The package id of model '{model}' is not known: '{releasePath}' has no 'package:' and '{folder}' holds no single .csproj. Add 'package: <Id>' to the release file.",
                releasePath);
            return null;
        }

        return new ModelRelease(model, folder, Releases.RepositoryRoot.Find(folder), stages, release with { Package = packageId }, packageId);
    }

    private static string? ProjectName(string folder)
    {
        string[] projects = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj") : [];
        return projects.Length == 1 ? Path.GetFileNameWithoutExtension(projects[0]) : null;
    }
}
