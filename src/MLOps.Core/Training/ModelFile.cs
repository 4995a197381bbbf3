using System.IO.Compression;
using Microsoft.ML;
using MLOps.Core.IO;

namespace MLOps.Core.Training;

/// <summary>
/// Saves an ML.NET model so the same model gives the same bytes: ML.NET's zip differs between
/// identical runs only in its entries' timestamps, so the entries are rewritten in name order with one
/// fixed timestamp. The file is written beside its target and moved into place, never left half-written.
/// </summary>
public static class ModelFile
{
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path)
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, inputSchema, raw);
        raw.Position = 0;

        string temp = TextFile.TempPath(path);
        using (var source = new ZipArchive(raw, ZipArchiveMode.Read))
        using (var target = new ZipArchive(File.Create(temp), ZipArchiveMode.Create))
        {
            foreach (ZipArchiveEntry entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTimestamp;
                using Stream from = entry.Open();
                using Stream to = copy.Open();
                from.CopyTo(to);
            }
        }

        File.Move(temp, path, overwrite: true);
    }
}
