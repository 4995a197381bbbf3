namespace MLOps.Core.Tracking;

/// <summary>What started a run: <c>dotnet build</c>, the Cake build, <c>mlops train</c>, or a sweep's trial.</summary>
public static class RunSources
{
    public const string Build = "build";

    public const string Cake = "cake";

    public const string Cli = "cli";

    public const string Sweep = "sweep";

    public static IReadOnlyList<string> All { get; } = [Build, Cake, Cli, Sweep];
}
