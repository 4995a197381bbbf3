using System.Text.RegularExpressions;

namespace MLOps.Core.Summary;

/// <summary>One error line of an MSBuild log: its code and the project that reported it (null when none is named).</summary>
public sealed record BuildError(string Code, string? Project, string Line);

/// <summary>
/// Reads the errors of an MSBuild file log (-flp:errorsonly): every line in MSBuild's canonical format,
/// "origin: error CODE: text [project file]", which is also what editors and CI problem matchers read.
/// </summary>
public static partial class BuildErrorLog
{
    public static IReadOnlyList<BuildError> Read(string path) =>
        File.Exists(path) ? Parse(File.ReadLines(path)) : [];

    public static IReadOnlyList<BuildError> Parse(IEnumerable<string> lines) =>
        lines.Select(l => ErrorLine().Match(l))
            .Where(m => m.Success)
            .Select(m => new BuildError(m.Groups["code"].Value, m.Groups["project"].Success ? m.Groups["project"].Value : null, m.Value.Trim()))
            .ToList();

    [GeneratedRegex(@"(?:^|\s|:)error (?<code>[A-Za-z]+[0-9]+)\s*:.*?(?:\[(?<project>[^\[\]]+\.[A-Za-z]+proj)\])?\s*$")]
    private static partial Regex ErrorLine();
}
