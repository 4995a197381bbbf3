using System.Reflection;
using MLOps.Core.SourceControl;

namespace MLOps.Core.Tracking;

/// <summary>Where and with what a run runs: host, process, git commit, CI system and run URL, tool versions.</summary>
internal static class RunEnvironment
{
    public const string MLNetTool = "mlnet";
    public const string MLOpsTool = "mlops";
    public const string DotNetTool = "dotnet";

    public static Run Describe(Run run, GitInfo git)
    {
        // Detect, not Current: only the CI system and URL are wanted, and outside CI Current would ask git for the user name.
        CiEnvironment ci = CiEnvironment.Detect(Environment.GetEnvironmentVariable, () => "");
        return run with
        {
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            GitCommit = git.Commit,
            GitDirty = git.Dirty,
            CiSystem = ci.System,
            CiRunUrl = ci.RunUrl,
            ToolVersions = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MLOpsTool] = MLOpsVersion,
                [DotNetTool] = Environment.Version.ToString(),
            },
        };
    }

    /// <summary>The version of these tools (MLOps.Sdk and mlops are built together), without the commit suffix.</summary>
    public static string MLOpsVersion { get; } =
        typeof(RunEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(RunEnvironment).Assembly.GetName().Version?.ToString() ?? "unknown";
}
