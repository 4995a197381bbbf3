using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// What a drift check's reference is: a model <see cref="Folder"/> (its drift-reference.json as <see cref="File"/>), a
/// drift-reference.json <see cref="File"/> alone, or raw <see cref="Data"/> (exact statistics on every row).
/// </summary>
public sealed record DriftReferenceSource(string Label, DriftModelFolder? Folder, string? File, string? Data);

/// <summary>Resolves the reference, the model and the current data of a drift check (docs/monitoring.md#drift-checks).</summary>
public static class DriftSources
{
    public static DriftReferenceSource? Reference(string reference, string feed, string temp, DiagnosticBag bag)
    {
        if (DriftPackage.IsPackageReference(reference))
        {
            return DriftPackage.Fetch(reference, feed, temp, bag) is { } package ? FromFolder(package, bag) : null;
        }

        string path = Path.GetFullPath(reference);
        if (!Exists(path, "reference", bag))
        {
            return null;
        }

        if (Directory.Exists(path) && System.IO.File.Exists(Path.Combine(path, ModelFiles.DriftReferenceFile)))
        {
            return FromFolder(new DriftModelFolder(path, path), bag);
        }

        return System.IO.File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? new DriftReferenceSource(path, null, path, null)
            : new DriftReferenceSource(path, null, null, path);
    }

    /// <summary>--model: a model folder or a package (Id@Version, or Id for the latest).</summary>
    public static DriftModelFolder? Model(string model, string feed, string temp, DiagnosticBag bag)
    {
        if (DriftPackage.IsPackageReference(model))
        {
            return DriftPackage.Fetch(model, feed, temp, bag);
        }

        string path = Path.GetFullPath(model);
        return Exists(path, "model", bag) ? new DriftModelFolder(path, path) : null;
    }

    public static bool Exists(string path, string what, DiagnosticBag bag)
    {
        if (DataFiles.Exists(path))
        {
            return true;
        }

        bag.Error(Codes.DriftInputNotFound, $"The {what} {Visible.Quote(path)} is neither a file nor a folder{(what == "current data" ? "" : ", nor a package id@version")}. Check the path (relative to the current directory).");
        return false;
    }

    private static DriftReferenceSource? FromFolder(DriftModelFolder folder, DiagnosticBag bag)
    {
        if (folder.File(ModelFiles.DriftReferenceFile) is { } file)
        {
            return new DriftReferenceSource(folder.Label, folder, file, null);
        }

        bag.Error(Codes.DriftInputNotFound, $"{folder.Label} has no {ModelFiles.DriftReferenceFile} (a model built before drift references were packed). Give raw reference data instead (--reference <data> --model <folder or package>), or rebuild the model.", folder.Path);
        return null;
    }
}
