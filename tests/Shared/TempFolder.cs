using System.Text;

namespace MLOps.Tests.Shared;

/// <summary>A unique folder under the system temp folder for one test's files, deleted at the end. Shared by the test projects (linked).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "mlops-test") =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}")).FullName;

    public string Path { get; }

    /// <summary>A feed folder inside this one (not created: the feed creates it).</summary>
    public string Feed => System.IO.Path.Combine(Path, "feed");

    /// <summary>Writes UTF-8 text without a BOM (unless asked for one) and returns the file's path.</summary>
    public string Write(string name, string content, bool bom = false)
    {
        string path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that used it.
        }
    }
}
