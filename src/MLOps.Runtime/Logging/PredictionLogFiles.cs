using System.Globalization;
using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>
/// The log folder's files: names (predictions-&lt;yyyyMMddTHHmmss&gt;-&lt;n&gt;.jsonl, UTC, n counting up so names sort
/// in the order written), creating the next one and deleting the oldest past the bound. Tests substitute the stream
/// (a slow disk) through <see cref="Open"/>.
/// </summary>
internal sealed class PredictionLogFiles(Func<string, Stream> open)
{
    private long _sequence;

    public static PredictionLogFiles Default => new(path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024));

    public Func<string, Stream> Open { get; } = open;

    /// <summary>Starts a new file in <paramref name="directory"/>: a name no other writer has taken (CreateNew).</summary>
    public (Stream Stream, string Path) Next(string directory, DateTime utcNow)
    {
        while (true)
        {
            long n = Interlocked.Increment(ref _sequence);
            string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture,
                $"{PredictionRecord.FilePrefix}{utcNow.ToString(PredictionRecord.FileTimeFormat, CultureInfo.InvariantCulture)}-{n}{PredictionRecord.FileExtension}"));
            if (File.Exists(path))
            {
                continue;
            }

            try
            {
                return (Open(path), path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer took the name between the check and the create: take the next one.
            }
        }
    }

    /// <summary>Deletes the oldest log files until at most <paramref name="keep"/> remain.</summary>
    public static void Trim(string directory, int keep)
    {
        IReadOnlyList<string> files = PredictionLogReader.Files(directory);
        for (int i = 0; i < files.Count - keep; i++)
        {
            File.Delete(files[i]);
        }
    }

    public static int Count(string directory) =>
        Directory.Exists(directory) ? PredictionLogReader.Files(directory).Count : 0;
}
