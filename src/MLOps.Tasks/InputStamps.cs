using MLOps.Core.Versioning;

namespace MLOps.Tasks;

/// <summary>The stamp files HashInputs writes (one content hash each) and the run cache key they add up to.</summary>
internal static class InputStamps
{
    public const string Data = "data.hash", Spec = "spec.hash", Schema = "schema.hash", Code = "code.hash";

    /// <summary>The hashes in <paramref name="directory"/>'s stamps; null when one is missing (an input could not be hashed).</summary>
    public static InputHashes? Read(string directory)
    {
        string[] hashes = [.. new[] { Data, Spec, Schema, Code }.Select(name => Path.Combine(directory, name))
            .Where(File.Exists).Select(path => File.ReadAllText(path).Trim())];
        return hashes.Length == 4 ? new InputHashes(hashes[0], hashes[1], hashes[2], hashes[3]) : null;
    }
}
