using System.Globalization;
using System.Text.Json.Serialization;
using MLOps.ModelFormat.Contract;

namespace MLOps.Cli.Commands;

/// <summary>What <c>mlops train</c> made: the run, where its files are, the split, the parameters, the metrics per split and the gates (<c>--json</c> prints this).</summary>
internal sealed record TrainResult(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("split")] SplitLineage? Split,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics,
    [property: JsonPropertyName("gates")] IReadOnlyList<GateVerdict> Gates,
    [property: JsonPropertyName("model_sha256")] string ModelSha256)
{
    [JsonPropertyName("passed")]
    public bool Passed => Gates.All(g => g.Passed);

    /// <summary>The human form: a heading line, one row per metric with its test and validation values and gate, and the folder.</summary>
    public IEnumerable<string> Lines(IReadOnlyList<string> metricOrder)
    {
        yield return $"{Model}: run {RunId}, {Trainer}, {Rows()}";
        Metrics.TryGetValue("validation", out var validation);
        yield return string.Create(CultureInfo.InvariantCulture, $"{"metric",-20} {"test",10} {(validation is null ? "" : $"{"validation",10}")} gate");
        foreach (string name in metricOrder.Where(Metrics["test"].ContainsKey))
        {
            GateVerdict? gate = Gates.FirstOrDefault(g => g.Metric == name);
            string validationText = validation is null ? "" : validation.TryGetValue(name, out double v) ? $"{v,10:0.0000}" : new string(' ', 10);
            string gateText = gate is null ? "" : $"{Threshold(gate)} {(gate.Passed ? "passed" : "FAILED")}";
            yield return string.Create(CultureInfo.InvariantCulture, $"{name,-20} {Metrics["test"][name],10:0.0000} {validationText} {gateText}").TrimEnd();
        }

        yield return $"files: {Output}";
    }

    private string Rows() => Split is { Rows: var r }
        ? string.Create(CultureInfo.InvariantCulture, $"{Split.Kind} split: {r.Train:N0} train, {(r.Validation is { } v ? $"{v:N0} validation, " : "")}{r.Test:N0} test rows")
        : "";

    private static string Threshold(GateVerdict gate) => (gate.Min, gate.Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min} <= x <= {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $">= {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"<= {max}"),
        _ => "",
    };
}
