using System.Diagnostics;
using System.Text;

namespace MLOps.Core.SourceControl;

/// <summary>Runs a program and captures its standard output; injected so tests can substitute it.</summary>
public interface IProcessRunner
{
    /// <summary>Returns the exit code and standard output, or null when the program cannot be started.</summary>
    (int ExitCode, string Output)? Run(string fileName, string arguments, string workingDirectory);
}

public sealed class ProcessRunner : IProcessRunner
{
    public (int ExitCode, string Output)? Run(string fileName, string arguments, string workingDirectory) =>
        RunBytes(fileName, arguments, workingDirectory) is { } result ? (result.ExitCode, Encoding.UTF8.GetString(result.Output)) : null;

    /// <summary>Like <see cref="Run"/>, with standard output as bytes (file contents read through git, say); standard error is discarded.</summary>
    public static (int ExitCode, byte[] Output)? RunBytes(string fileName, string arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using Process process = Process.Start(info)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return (process.ExitCode, output.ToArray());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
