using System.Diagnostics;

namespace MLOps.Core.Tests.Tracking;

/// <summary>Starts tests/MLOps.RunStoreWriter (built beside this test assembly's configuration) as a separate OS process.</summary>
internal static class RunStoreWriter
{
    public static Process Start(params string[] arguments)
    {
        // bin/<Configuration>/net10.0/ of this assembly -> the same folders of the writer project.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name;
        DirectoryInfo tests = output.Parent.Parent!.Parent!.Parent!;
        string dll = Path.Combine(tests.FullName, "MLOps.RunStoreWriter", "bin", configuration, output.Name, "MLOps.RunStoreWriter.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"'{dll}' does not exist: build tests/MLOps.RunStoreWriter ({configuration}) first.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
