using System.Text.Json;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;

namespace MLOps.Core.Versioning;

/// <summary>
/// DVC's run cache for the train step: a folder (artifacts/cache/) holding one entry per key
/// (<see cref="InputHashes.RunCacheKey"/>) with the step's output files and a manifest of their sha256.
/// Entries are written into a temp folder and moved into place, so a reader sees a whole entry or none;
/// an entry whose files do not match its manifest is deleted and reported, never used.
/// </summary>
public sealed class RunCache(string root)
{
    public string Root { get; } = root;

    public string EntryPath(string key) => Path.Combine(Root, key);

    /// <summary>
    /// Copies the entry's files into <paramref name="targetDir"/>; returns its manifest, or null when there is no usable entry.
    /// <paramref name="optional"/> files (validation.idv) are restored when the entry has them and deleted from the target when not.
    /// </summary>
    public RunCacheManifest? TryRestore(string key, IReadOnlyCollection<string> files, string targetDir, DiagnosticBag bag, IReadOnlyCollection<string>? optional = null)
    {
        string entry = EntryPath(key);
        if (!Directory.Exists(entry))
        {
            return null;
        }

        string manifestFile = Path.Combine(entry, RunCacheManifest.FileName);
        if (!File.Exists(manifestFile))
        {
            Discard(entry, "it has no manifest (an interrupted store?)", bag);
            return null;
        }

        string staging = Path.Combine(targetDir, $".restore-{Guid.NewGuid():N}");
        try
        {
            // Copy first and check the copies: what is verified is what is used.
            RunCacheManifest manifest = JsonFile.Read<RunCacheManifest>(manifestFile);
            string[] absent = [.. (optional ?? []).Where(name => manifest.Files?.ContainsKey(name) != true)];
            files = [.. files, .. (optional ?? []).Except(absent)];
            Directory.CreateDirectory(staging);
            foreach (string name in files)
            {
                string source = Path.Combine(entry, name);
                if (File.Exists(source))
                {
                    File.Copy(source, Path.Combine(staging, name));
                }
            }

            string? problem = manifest.Files is null ? "its manifest lists no files" : manifest.Verify(staging, key, files);
            if (problem is not null)
            {
                Discard(entry, problem, bag);
                return null;
            }

            foreach (string name in files)
            {
                File.Move(Path.Combine(staging, name), Path.Combine(targetDir, name), overwrite: true);
            }

            foreach (string name in absent)
            {
                File.Delete(Path.Combine(targetDir, name));
            }

            return manifest;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            Discard(entry, $"its manifest cannot be read ({e.Message})", bag);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Warning(Codes.RunCacheRestoreFailed, $"Run cache entry '{entry}' could not be restored: {e.Message} The model is trained instead.");
            return null;
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>Stores <paramref name="files"/> from <paramref name="sourceDir"/> as the entry for <paramref name="inputs"/>, trained by run <paramref name="runId"/> when tracked; returns whether the cache now holds it.</summary>
    /// <remarks><paramref name="optional"/> files are stored when <paramref name="sourceDir"/> has them.</remarks>
    public bool Store(InputHashes inputs, string model, DateTimeOffset trainedAtUtc, IReadOnlyCollection<string> files, string sourceDir, DiagnosticBag bag, string? runId = null, IReadOnlyCollection<string>? optional = null)
    {
        files = [.. files, .. (optional ?? []).Where(name => File.Exists(Path.Combine(sourceDir, name)))];
        string key = inputs.RunCacheKey;
        string entry = EntryPath(key);
        string temp = Path.Combine(Root, $".tmp-{key}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
            var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (string name in files)
            {
                string copy = Path.Combine(temp, name);
                File.Copy(Path.Combine(sourceDir, name), copy);
                hashes[name] = Fingerprint.Sha256OfFile(copy);
            }

            // The manifest goes in last: a folder without one was never completed.
            JsonFile.Write(Path.Combine(temp, RunCacheManifest.FileName), new RunCacheManifest(key, model, inputs, trainedAtUtc, hashes) { RunId = runId });
            TryDelete(entry); // a stale or corrupt entry under the same key
            Directory.Move(temp, entry);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another build may have stored the same key first: then the cache holds it all the same.
            if (Directory.Exists(entry) && File.Exists(Path.Combine(entry, RunCacheManifest.FileName)))
            {
                return true;
            }

            bag.Warning(Codes.RunCacheStoreFailed, $"The trained model could not be stored in the run cache '{Root}': {e.Message} Training is not affected; check the folder's free space and rights, or set MLOpsRunCache to another folder.");
            return false;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void Discard(string entry, string problem, DiagnosticBag bag)
    {
        bool deleted = TryDelete(entry);
        bag.Warning(Codes.RunCacheEntryCorrupt,
            $"Run cache entry '{entry}' failed its hash check: {problem}. It was {(deleted ? "deleted" : "not deleted (delete it by hand)")} and the model is trained instead; nothing from it was used.");
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
