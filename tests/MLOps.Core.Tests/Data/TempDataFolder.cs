using System.Text;

namespace MLOps.Core.Tests.Data;

/// <summary>A unique folder under the system temp folder for one test's files, deleted at the end.</summary>
internal sealed class TempDataFolder : IDisposable
{
    public TempDataFolder() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlops-data-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    /// <summary>Writes UTF-8 text without a BOM (unless the test asks for one) and returns the file's path.</summary>
    public string Write(string name, string content, bool bom = false)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }

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
