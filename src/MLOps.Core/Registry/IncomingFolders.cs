namespace MLOps.Core.Registry;

/// <summary>
/// The staging folders (<c>.incoming-&lt;guid&gt;</c>) a folder-feed publish writes into before renaming the
/// version folder into place. One left by a killed publisher is removed by a later publish once it is old
/// enough that no publisher can still be writing it.
/// </summary>
internal static class IncomingFolders
{
    public const string Prefix = ".incoming-";

    /// <summary>How old a staging folder must be before another publish removes it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public static string Create(string feedFolder) =>
        Directory.CreateDirectory(Path.Combine(feedFolder, $"{Prefix}{Guid.NewGuid():N}")).FullName;

    public static void RemoveStale(string feedFolder)
    {
        DateTime cutoff = DateTime.UtcNow - StaleAfter;
        foreach (string folder in Directory.EnumerateDirectories(feedFolder, Prefix + "*"))
        {
            if (Directory.GetLastWriteTimeUtc(folder) < cutoff)
                TryDelete(folder);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover is harmless (NuGet never reads it) and a later publish removes it.
        }
    }
}
