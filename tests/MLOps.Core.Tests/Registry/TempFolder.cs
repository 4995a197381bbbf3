namespace MLOps.Core.Tests.Registry;

/// <summary>A unique folder under the system temp folder, deleted with everything in it at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlops-registry-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public string Feed => System.IO.Path.Combine(Path, "feed");

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
