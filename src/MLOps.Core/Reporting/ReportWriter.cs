using MLOps.Core.Diagnostics;
using MLOps.Core.IO;

namespace MLOps.Core.Reporting;

/// <summary>
/// Writes one report page per model (<c>&lt;Model&gt;.html</c>) into a folder, and <c>index.html</c> linking them
/// when there are several. Returns the file to open: the page of a single model, else the index.
/// </summary>
public static class ReportWriter
{
    public const string IndexFileName = "index.html";

    public static IReadOnlyList<string>? Write(IReadOnlyList<ReportInput> inputs, IChartRenderer charts, string folder, DateTimeOffset now, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            Directory.CreateDirectory(folder);
            var pages = new List<(ReportInput, string)>();
            var written = new List<string>();
            foreach (ReportInput input in inputs)
            {
                string file = FileNameOf(input.Model);
                TextFile.WriteIfChanged(Path.Combine(folder, file), ReportPage.Render(input, charts, now));
                pages.Add((input, file));
                written.Add(Path.GetFullPath(Path.Combine(folder, file)));
            }

            if (inputs.Count > 1)
            {
                TextFile.WriteIfChanged(Path.Combine(folder, IndexFileName), ReportPage.Index(pages, now));
                written.Insert(0, Path.GetFullPath(Path.Combine(folder, IndexFileName)));
            }

            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.ReportNotWritten, $"The report cannot be written to '{folder}': {e.Message} Choose a writable folder with -o.");
            return null;
        }
    }

    /// <summary>The model's name with anything a file name cannot hold replaced by '_'.</summary>
    public static string FileNameOf(string model) =>
        string.Concat(model.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".html";
}
