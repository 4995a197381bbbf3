using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLOps.ModelFormat;

/// <summary>
/// The derivations a feature can ask of a date-time column. They run inside the saved model (a
/// CustomMapping registered under <see cref="ContractName"/>), so a service passes the raw date and
/// gets the same hour/day/month the model was trained on: no training/serving skew.
/// </summary>
public static class DateParts
{
    public const string ContractName = "MLOps.DateParts";
    public const string InputColumn = "__mlops_date";

    /// <summary>Derivation name (as written in the spec) → the output column of the mapping.</summary>
    public static IReadOnlyDictionary<string, string> Columns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["hour"] = "__mlops_hour",
        ["day-of-week"] = "__mlops_day_of_week",
        ["day-of-month"] = "__mlops_day_of_month",
        ["month"] = "__mlops_month",
        ["day-of-year"] = "__mlops_day_of_year",
    };

    public sealed class Input
    {
        [ColumnName(InputColumn)]
        public DateTime Date { get; set; }
    }

    public sealed class Output
    {
        [ColumnName("__mlops_hour")]
        public float Hour { get; set; }

        [ColumnName("__mlops_day_of_week")]
        public float DayOfWeek { get; set; }

        [ColumnName("__mlops_day_of_month")]
        public float DayOfMonth { get; set; }

        [ColumnName("__mlops_month")]
        public float Month { get; set; }

        [ColumnName("__mlops_day_of_year")]
        public float DayOfYear { get; set; }
    }

    public static void Map(Input input, Output output)
    {
        DateTime d = input.Date;
        output.Hour = d.Hour;
        output.DayOfWeek = (float)d.DayOfWeek;
        output.DayOfMonth = d.Day;
        output.Month = d.Month;
        output.DayOfYear = d.DayOfYear;
    }
}

/// <summary>Lets ML.NET re-create the date mapping when a saved model is loaded.</summary>
[CustomMappingFactoryAttribute(DateParts.ContractName)]
public sealed class DatePartsFactory : CustomMappingFactory<DateParts.Input, DateParts.Output>
{
    public override Action<DateParts.Input, DateParts.Output> GetMapping() => DateParts.Map;
}
