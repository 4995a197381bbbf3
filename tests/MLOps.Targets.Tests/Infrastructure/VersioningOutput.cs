namespace MLOps.Tests.Infrastructure;

/// <summary>What the data versioning steps leave behind: warnings, the run cache's entries, the lock file.</summary>
public static class VersioningOutput
{
    /// <summary>The lines reporting <paramref name="code"/> as a warning.</summary>
    public static IReadOnlyList<string> Warnings(this DotNetResult result, string code) =>
        result.Lines.Where(l => l.Contains($"warning {code}:", StringComparison.Ordinal)).Distinct().ToList();

    public static string RunCacheDirectory(this TempModelProject project) => Path.Combine(project.ArtifactsDirectory, "cache");

    /// <summary>The run cache's entry folders (temp folders of an unfinished store excluded).</summary>
    public static IReadOnlyList<string> RunCacheEntries(this TempModelProject project) =>
        Directory.Exists(project.RunCacheDirectory())
            ? [.. Directory.EnumerateDirectories(project.RunCacheDirectory()).Where(d => !Path.GetFileName(d).StartsWith('.'))]
            : [];

    public static string LockFile(this TempModelProject project) => Path.Combine(project.ProjectDirectory, "model.lock.json");

    public static string ModelFile(this TempModelProject project) => Path.Combine(project.IntermediateDirectory, "model.zip");

    /// <summary>Sets the data file's timestamp to now without changing a byte.</summary>
    public static void Touch(string path) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow);

    /// <summary>Changes one byte of the data: the last digit of the last row's distance, so the row stays valid.</summary>
    public static void ChangeOneByte(this TempModelProject project) => ChangeOneByte(project.DataFile);

    /// <summary>Changes one byte of a flights CSV file: the last digit of the last row's distance, so the row stays valid.</summary>
    public static void ChangeOneByte(string dataFile)
    {
        byte[] bytes = File.ReadAllBytes(dataFile);
        int end = bytes.Length - 1;
        while (bytes[end] is (byte)'\n' or (byte)'\r')
        {
            end--;
        }

        // date,delay,distance,origin,destination: step back over destination and origin to distance's last digit.
        int commas = 0;
        int i = end;
        while (commas < 2)
        {
            if (bytes[i--] == (byte)',')
            {
                commas++;
            }
        }

        bytes[i] = bytes[i] == (byte)'9' ? (byte)'8' : (byte)(bytes[i] + 1);
        File.WriteAllBytes(dataFile, bytes);
    }
}
