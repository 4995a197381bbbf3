using System.Diagnostics;

namespace MLOps.Core.SourceControl;

/// <summary>Runs a program and captures its standard output; injected so tests can substitute it.</summary>
public interface IProcessRunner
{
    /// <summary>Returns the exit code and standard output, or null when the program cannot be started.</summary>
    (int ExitCode, string Output)? Run(string fileName, string arguments, string workingDirectory);
}

public sealed class ProcessRunner : IProcessRunner
{
    public (int ExitCode, string Output)? Run(string fileName, string arguments, string workingDirectory)
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
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
