using System.Globalization;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Tracking;

/// <summary>
/// The parts of training.json's lineage a run is searched by: the split as params (<c>params.split_kind = 'time'</c>) and,
/// for a model a sweep chose, the sweep as tags (<c>tags.sweep_parent</c>), so the candidate's run leads to its trials.
/// </summary>
internal static class RunLineage
{
    public static IEnumerable<(string Name, string Value)> SplitParams(SplitLineage? split)
    {
        if (split is null)
            yield break;
        yield return ("split_kind", split.Kind);
        if (split.Column is { } column)
            yield return ("split_by", column);
        if (split.TestFrom is { } testFrom)
            yield return ("split_test_from", testFrom);
        if (split.ValidationFrom is { } validationFrom)
            yield return ("split_validation_from", validationFrom);
        if (split.ValidationFraction is { } fraction)
            yield return ("split_validation_fraction", fraction.ToString("R", CultureInfo.InvariantCulture));
        if (split.TestData is { } testData)
            yield return ("split_test_data", testData.Path);
    }

    /// <summary>A retrain's window as params (<c>params.retrain_last = '2 months'</c>), so retrains are found and compared by their window.</summary>
    public static IEnumerable<(string Name, string Value)> RetrainParams(RetrainLineage? retrain)
    {
        if (retrain is null)
            yield break;
        yield return ("retrain_by", retrain.By);
        yield return ("retrain_last", retrain.Last);
        yield return ("retrain_after", retrain.After);
        yield return ("retrain_newest", retrain.Newest);
        yield return ("retrain_source_fingerprint", retrain.SourceFingerprint);
    }

    public static IReadOnlyDictionary<string, string> WithSweepTags(IReadOnlyDictionary<string, string> tags, SweepLineage? sweep)
    {
        if (sweep is null)
            return tags;
        var withSweep = new Dictionary<string, string>(tags, StringComparer.Ordinal)
        {
            ["sweep_parent"] = sweep.Parent,
            ["sweep_trial"] = sweep.Trial.ToString(CultureInfo.InvariantCulture),
        };
        if (sweep.RunId is { } trialRun)
            withSweep["sweep_trial_run"] = trialRun;
        return withSweep;
    }
}
