using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace MLOps.Tests.Infrastructure;

/// <summary>What one dotnet command did: its exit code and its stdout and stderr, interleaved.</summary>
public sealed record DotNetResult(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public IEnumerable<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r'));

    public override string ToString() => $"> {Command} (exit {ExitCode})\n{Output}";
}

/// <summary>Runs the real dotnet CLI in a folder, capturing its output, with a timeout that kills the process tree.</summary>
public static class DotNet
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static DotNetResult Run(string workingDirectory, IEnumerable<string> arguments, ITestOutputHelper? log = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Processes.Run(workingDirectory, "dotnet", arguments, log, timeout, environment);
}

/// <summary>Runs a program (dotnet, a build script, an installed tool) the way a shell in that folder would.</summary>
public static class Processes
{

    // Set by 'dotnet test' for the test host; a child build must find its own SDK and MSBuild instead.
    private static readonly string[] InheritedMSBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static DotNetResult Run(string workingDirectory, string program, IEnumerable<string> arguments, ITestOutputHelper? log = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in InheritedMSBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // What a shell sets for the command it starts: the folder it runs in (dotnet new binds it, see mlops-model).
        start.Environment["PWD"] = workingDirectory;
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        string command = $"{program} {string.Join(' ', start.ArgumentList)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? DotNet.DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{command}' in '{workingDirectory}' did not finish within {timeout ?? DotNet.DefaultTimeout}.\n{Text(output)}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        var result = new DotNetResult(command, process.ExitCode, Text(output));
        log?.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] {result}");
        return result;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
