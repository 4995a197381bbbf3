using MLOps.Core.Diagnostics;

namespace MLOps.Cli.Commands;

/// <summary><c>--tag key=value</c> options, read into the run's tags; anything else is MLOPS0056.</summary>
internal static class TrainTags
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> options, DiagnosticBag bag)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string option in options)
        {
            int eq = option.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                bag.Error(Codes.TrainOverrideInvalid, $"--tag {Visible.Quote(option)} is not key=value. Example: --tag note=wider-trees.");
                continue;
            }

            tags[option[..eq].Trim()] = option[(eq + 1)..];
        }

        return tags;
    }
}
