using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Versioning;

namespace MLOps.Tasks;

/// <summary>The stamp files HashInputs writes (one content hash each) and the run cache key they add up to.</summary>
internal static class InputStamps
{
    public const string Data = "data.hash", Spec = "spec.hash", Schema = "schema.hash", Code = "code.hash";

    /// <summary>The separate test data's fingerprint (split.test-data); absent when the spec names none.</summary>
    public const string TestData = "testdata.hash";

    /// <summary>The hashes in <paramref name="directory"/>'s stamps; null when one is missing (an input could not be hashed) or unreadable (MLOPS2006).</summary>
    public static InputHashes? Read(string directory, DiagnosticBag bag)
    {
        string?[] hashes = [.. new[] { Data, Spec, Schema, Code }.Select(name => Path.Combine(directory, name))
            .Where(File.Exists).Select(path => IntermediateFile.ReadText(path, bag))];
        string testData = Path.Combine(directory, TestData);
        return hashes is [{ } data, { } spec, { } schema, { } code]
            ? new InputHashes(data, spec, schema, code) { TestDataFingerprint = File.Exists(testData) ? IntermediateFile.ReadText(testData, bag) : null }
            : null;
    }
}
