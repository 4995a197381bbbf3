using Microsoft.Build.Framework;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Versioning;

namespace MLOps.Tasks;

/// <summary>
/// Hashes the model's inputs by content, every build and in-process (a stat per file when nothing moved):
/// data (a file, or each part of a data folder), spec, schema and the training code's assemblies. Writes one
/// stamp file per input holding its hash, rewritten only when the hash changes, so the incremental targets that
/// list the stamps as Inputs skip by content, not by time. Keeps model.lock.json beside the spec up to date.
/// </summary>
public sealed class HashInputs : MLOpsTask
{
    private const string CacheFile = "hashes.cache";
    private bool _stampChanged;

    [Required]
    public string ModelName { get; set; } = "";

    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string DataFile { get; set; } = "";

    [Required]
    public string SchemaFile { get; set; } = "";

    /// <summary>The separate test data (split.test-data); empty: none, and no test data stamp.</summary>
    public string TestDataFile { get; set; } = "";

    /// <summary>The training code: the task assembly and the core assemblies beside it.</summary>
    [Required]
    public ITaskItem[] CodeFiles { get; set; } = [];

    /// <summary>Where the stamps and the hash cache go (obj/.../mlops/).</summary>
    [Required]
    public string StampDirectory { get; set; } = "";

    /// <summary>model.lock.json to keep up to date; empty: none.</summary>
    public string LockFile { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        var cache = FileHashCache.Load(Path.Combine(StampDirectory, CacheFile));
        DataFingerprint? dataFingerprint = HashData(cache, DataFile, bag);
        string? data = dataFingerprint?.Value;
        Stamp(InputStamps.Data, data);
        DataFingerprint? testData = TestDataFile.Length == 0 ? null : HashData(cache, TestDataFile, bag);
        Stamp(InputStamps.TestData, testData?.Value);
        string? spec = Hash(cache, SpecFile, Fingerprint.Sha256OfFile, InputStamps.Spec, bag);
        string? schema = Hash(cache, SchemaFile, Fingerprint.Sha256OfFile, InputStamps.Schema, bag);
        // A layout without one of the core assemblies beside the tasks hashes the ones it has.
        var code = CodeFiles.Where(f => File.Exists(f.ItemSpec)).Select(f => (Name: Path.GetFileName(f.ItemSpec), Hash: TryHash(cache, f.ItemSpec, Fingerprint.OfFile, bag))).ToList();
        string? codeHash = code.Exists(c => c.Hash is null) ? null : InputHashes.Combine(code.Select(c => (c.Name, c.Hash!)));
        Stamp(InputStamps.Code, codeHash);

        // The lock file is rewritten when an input changed or someone edited it (a stat when neither happened).
        if (LockFile.Length > 0 && data is not null && spec is not null && schema is not null && codeHash is not null
            && (_stampChanged || !cache.IsUnchanged(LockFile)))
        {
            var hashes = new InputHashes(data, spec, schema, codeHash);
            ModelLock modelLock = ModelLock.For(ModelName, SpecFile, DataFile, SchemaFile, hashes, dataFingerprint!.Files);
            WriteLock(testData is null ? modelLock : modelLock.WithTestData(SpecFile, TestDataFile, testData), bag);
            TryHash(cache, LockFile, Fingerprint.OfFile, bag);
        }

        cache.Save();
    }

    // A missing or unreadable input gets no stamp: the steps that read it then run and report it.
    private string? Hash(FileHashCache cache, string file, Func<string, string> hasher, string stamp, DiagnosticBag bag)
    {
        string? hash = TryHash(cache, file, hasher, bag);
        Stamp(stamp, hash);
        return hash;
    }

    private static string? TryHash(FileHashCache cache, string file, Func<string, string> hasher, DiagnosticBag bag)
    {
        try
        {
            return cache.Hash(file, hasher);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            NotHashed(file, e, bag);
            return null;
        }
    }

    // A folder's parts go through the cache one by one (touching one costs one re-hash, the others a stat), and the
    // folder is listed every build, so adding, removing or renaming a part changes the data stamp.
    private static DataFingerprint? HashData(FileHashCache cache, string path, DiagnosticBag bag)
    {
        try
        {
            return DataFingerprint.Of(path, file => cache.Hash(file, Fingerprint.OfFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            NotHashed(path, e, bag);
            return null;
        }
    }

    private static void NotHashed(string file, Exception e, DiagnosticBag bag) =>
        bag.Warning(Codes.InputNotHashed, $"'{file}' could not be read to hash it: {e.Message} The steps that use it run as if it changed.", file);

    private void Stamp(string name, string? hash)
    {
        string path = Path.Combine(StampDirectory, name);
        if (hash is not null)
        {
            _stampChanged |= TextFile.WriteIfChanged(path, hash + "\n");
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
            _stampChanged = true;
        }
    }

    private void WriteLock(ModelLock modelLock, DiagnosticBag bag)
    {
        try
        {
            if (modelLock.Write(LockFile))
            {
                Log.LogMessage(MessageImportance.Normal, $"{ModelName}: wrote {LockFile} (data {modelLock.Data.Fingerprint})");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Warning(Codes.LockFileNotWritten, $"The lock file could not be written: {e.Message} Make the model's folder writable, or set MLOpsLockFile to another path.", LockFile);
        }
    }
}
