using System.Text;
using MLOps.Core.Diagnostics;
using MLOps.Core.SourceControl;

namespace MLOps.Core.Versioning;

/// <summary>The label of a pre-release version (&lt;next&gt;-&lt;label&gt;.&lt;n&gt;) and why the build gets one.</summary>
public sealed record PrereleaseLabel(string Label, string Why)
{
    /// <summary>The label outside CI.</summary>
    public const string Local = "local";

    /// <summary>
    /// Whether this build publishes a pre-release (docs/registry.md#versions). <paramref name="mode"/> is MLOpsPrerelease:
    /// auto (or empty) for a pre-release outside CI or off <paramref name="releaseBranch"/>, true or false to say so.
    /// <paramref name="label"/> is MLOpsPrereleaseLabel (empty: <c>local</c> outside CI, the branch's name on CI).
    /// <paramref name="branch"/> is the branch built (null when unknown: a CI build then counts as on the release branch).
    /// Returns null for a release, or when a property is invalid (MLOPS0023, MLOPS0024 reported).
    /// </summary>
    public static PrereleaseLabel? Decide(string? mode, string? label, string releaseBranch, CiEnvironment ci, string? branch, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(ci);
        ArgumentNullException.ThrowIfNull(bag);
        label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (label is not null && !IsIdentifier(label))
        {
            bag.Error(Codes.InvalidPrereleaseLabel,
                $"MLOpsPrereleaseLabel '{label}' is not a pre-release label. Use letters, digits and '-' (not only digits), e.g. 'local' or 'feature-x'.");
            return null;
        }

        string defaultLabel = !ci.IsCi ? Local : branch is null ? "ci" : Sanitize(branch);
        switch ((mode ?? "").Trim().ToLowerInvariant())
        {
            case "false":
                return null;
            case "true":
                return new(label ?? defaultLabel, "MLOpsPrerelease=true");
            case "" or "auto":
                if (!ci.IsCi)
                    return new(label ?? defaultLabel, "built outside CI");
                return branch is not null && !string.Equals(branch, releaseBranch, StringComparison.Ordinal)
                    ? new(label ?? defaultLabel, $"built on branch '{branch}', not {releaseBranch}")
                    : null;
            default:
                bag.Error(Codes.InvalidPrereleaseMode, $"MLOpsPrerelease is '{mode}'. Valid values are auto (the default), true and false.");
                return null;
        }
    }

    /// <summary>A branch name as a label: letters and digits kept, each run of other characters one '-' (feature/new_input → feature-new-input).</summary>
    public static string Sanitize(string branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        var sb = new StringBuilder();
        foreach (char ch in branch)
        {
            if (char.IsAsciiLetterOrDigit(ch))
                sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }

        string label = sb.ToString().Trim('-');
        return label.Length == 0 || label.All(char.IsAsciiDigit) ? $"branch-{label}".TrimEnd('-') : label;
    }

    private static bool IsIdentifier(string label) =>
        label.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-') && !label.All(char.IsAsciiDigit);
}
