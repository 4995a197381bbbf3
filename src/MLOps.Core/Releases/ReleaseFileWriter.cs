using System.Globalization;
using System.Text;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;

namespace MLOps.Core.Releases;

/// <summary>
/// Writes release.yaml deterministically: the comments the file started with, then package, stages (in stage
/// order) and history (one flow mapping per entry, in order). It refuses to drop history: the file on disk must
/// hold a prefix of the history being written (someone else may have changed it since it was read).
/// </summary>
public static class ReleaseFileWriter
{
    public static bool Write(ReleaseFile release, DiagnosticBag bag)
    {
        if (File.Exists(release.Path) && ReleaseFileReader.Read(release.Path, stages: null, new DiagnosticBag()) is { } onDisk
            && (onDisk.History.Count > release.History.Count || !onDisk.History.SequenceEqual(release.History.Take(onDisk.History.Count))))
        {
            bag.Error(Codes.ReleaseFileInvalid,
                $"'{release.Path}' changed since it was read: its history is not the start of the history to write, and history is append-only. Run the command again on the file as it is now.",
                release.Path);
            return false;
        }

        TextFile.WriteIfChanged(release.Path, Format(release));
        return true;
    }

    public static string Format(ReleaseFile release)
    {
        var text = new StringBuilder(release.Header);
        if (release.Package is not null)
            text.Append("package: ").Append(Scalar(release.Package)).Append('\n');
        if (release.Stages.Count == 0)
        {
            text.Append("stages: {}\n");
        }
        else
        {
            text.Append("stages:\n");
            foreach ((string stage, string value) in release.Stages)
                text.Append("  ").Append(Scalar(stage)).Append(": ").Append(value).Append('\n');
        }

        if (release.History.Count == 0)
        {
            text.Append("history: []\n");
            return text.ToString();
        }

        text.Append("history:\n");
        foreach (ReleaseEntry e in release.History)
        {
            text.Append("  - { action: ").Append(e.Action)
                .Append(", stage: ").Append(Scalar(e.Stage))
                .Append(", version: ").Append(e.Version.ToNormalizedString());
            if (e.From is not null)
                text.Append(", from: ").Append(e.From.ToNormalizedString());
            text.Append(", at: ").Append(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append(", by: ").Append(Quoted(e.By));
            if (e.Reason is not null)
                text.Append(", reason: ").Append(Quoted(e.Reason));
            if (e.Override)
                text.Append(", override: true");
            text.Append(" }\n");
        }

        return text.ToString();
    }

    private static string Scalar(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && value != "true" && value != "false" ? value : Quoted(value);

    // A YAML double-quoted scalar: backslash escapes for the quote, the backslash and every control character.
    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
