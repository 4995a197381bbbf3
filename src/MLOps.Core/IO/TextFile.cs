using System.Text;

namespace MLOps.Core.IO;

/// <summary>Writes text atomically (a unique temporary file, then a rename) and only when it differs from what the file already holds.</summary>
public static class TextFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == content)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temp = TempPath(path);
        File.WriteAllText(temp, content, Utf8NoBom);
        File.Move(temp, path, overwrite: true);
        return true;
    }

    /// <summary>
    /// A temporary name beside <paramref name="path"/> that no other writer uses: builds of one project may run at once
    /// (sweep shards started together on one agent), and a shared ".tmp" name let one move the other's file away.
    /// </summary>
    public static string TempPath(string path) => $"{path}.{Guid.NewGuid():N}.tmp";
}
