using System.Text.Json.Serialization;

namespace MLOps.Core.Drift.Columns;

/// <summary>How a column is compared: numbers (and datetime parts) by their distribution, categories by their counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftColumnKind>))]
public enum DriftColumnKind
{
    [JsonStringEnumMemberName("numeric")]
    Numeric,

    [JsonStringEnumMemberName("categorical")]
    Categorical,
}
