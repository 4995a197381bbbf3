using System.Security.Cryptography;
using System.Text.Json;
using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>
/// Reads a model folder (model.zip + lineage.json) and verifies it: the bytes returned are the bytes whose sha256
/// matched lineage's, so a file replaced between the check and the load cannot slip through.
/// </summary>
internal static class ModelFolder
{
    public sealed record Verified(byte[] Model, string Sha256, Lineage Lineage, string ModelPath);

    public static Verified Read(string directory)
    {
        string modelPath = Path.Combine(directory, ModelFiles.ModelFile);
        string lineagePath = Path.Combine(directory, ModelFiles.LineageFile);
        foreach (string path in new[] { modelPath, lineagePath }.Where(p => !File.Exists(p)))
        {
            throw new ModelLoadException(RuntimeCodes.ModelFilesMissing, $"'{path}' not found. The model package copies its files to mlops/<Name>/ in the output folder; check the PackageReference, or pass the folder that holds model.zip and lineage.json.");
        }

        Lineage lineage = ReadLineage(lineagePath);
        byte[] bytes = File.ReadAllBytes(modelPath);
        string actual = Sha256Of(bytes);
        if (!string.Equals(actual, lineage.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(RuntimeCodes.ModelHashMismatch, $"'{modelPath}' has sha256 {actual}, but its lineage records {lineage.ModelSha256}. The file was changed after packaging; restore the package instead of editing its files.");
        }

        return new Verified(bytes, actual, lineage, modelPath);
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The sha256 of a file, streamed (a folder source hashes the candidate on every poll).</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Lineage ReadLineage(string path)
    {
        try
        {
            if (JsonSerializer.Deserialize<Lineage>(File.ReadAllBytes(path)) is { ModelSha256: { Length: > 0 } } lineage)
            {
                return lineage;
            }
        }
        catch (JsonException)
        {
            // reported below
        }

        throw new ModelLoadException(RuntimeCodes.LineageInvalid, $"'{path}' is not a lineage manifest with a {Lineage.ModelSha256Property}. Restore the model package.");
    }
}
