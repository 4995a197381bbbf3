using MLOps.Core.Drift;
using MLOps.Core.Spec;

namespace MLOps.Core.DriftCheck;

/// <summary>The drift engine's options from the spec's <c>drift:</c> section, with <c>--share</c> over drift.share.</summary>
public static class DriftSettings
{
    public static DriftOptions Options(DriftSpec? spec, double? share)
    {
        var defaults = new DriftOptions();
        return new DriftOptions
        {
            DatasetShare = share ?? spec?.Share ?? defaults.DatasetShare,
            Prediction = spec?.Prediction ?? defaults.Prediction,
            Columns = (spec?.Columns ?? []).ToDictionary(c => c.Column, c => new ColumnDriftOption(c.Method, c.Threshold), StringComparer.Ordinal),
        };
    }
}
