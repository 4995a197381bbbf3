namespace MLOps.Pipelines.Tests;

/// <summary>The GitHub actions and Azure tasks the pipelines may use: real, published ones at a pinned major version.</summary>
public static class PipelineReferences
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "uses: actions/checkout@v4",
        "uses: actions/setup-dotnet@v4",
        "uses: actions/upload-artifact@v4",
        "uses: EnricoMi/publish-unit-test-result-action@v2",
        "uses: dorny/paths-filter@v3",
        "checkout: self",
        "task: UseDotNet@2",
        "task: PublishTestResults@2",
    };
}
