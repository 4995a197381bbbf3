using System.Diagnostics.Metrics;
using MLOps.Runtime;

namespace FlightDelay.Api;

/// <summary>
/// The service's instruments, on the Meter "MLOps.Serving", exported at /metrics by OpenTelemetry's Prometheus exporter:
///   mlops_predictions_total               rows predicted
///   mlops_prediction_duration_seconds     time to answer one POST /predict (read, check, predict), a histogram
///   mlops_prediction_errors_total         requests refused or failed, by code (MLOPS1007, ..., or "exception")
///   mlops_model_info                      1 for the model serving now, with its sha256
/// each tagged with model and model_version, so a dashboard sees the version change at a swap.
/// </summary>
public sealed class ServingMetrics : IDisposable
{
    public const string MeterName = "MLOps.Serving";

    // Seconds: a prediction takes tens of microseconds, a large batch up to seconds.
    private static readonly double[] Buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Meter _meter;
    private readonly Counter<long> _predictions;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    public ServingMetrics(Func<ModelInfo> current)
    {
        _meter = new Meter(MeterName);
        _predictions = _meter.CreateCounter<long>("mlops_predictions", description: "Rows predicted.");
        _duration = _meter.CreateHistogram("mlops_prediction_duration", "s", "Time to answer one POST /predict: read, check and predict.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _errors = _meter.CreateCounter<long>("mlops_prediction_errors", description: "POST /predict requests refused (bad input, by code) or failed.");
        _meter.CreateObservableGauge("mlops_model_info", () => Info(current()), description: "1 for the model serving now.");
    }

    public void Predicted(ModelInfo model, int rows, TimeSpan elapsed)
    {
        KeyValuePair<string, object?>[] tags = Tags(model);
        _predictions.Add(rows, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Failed(ModelInfo model, string code) =>
        _errors.Add(1, [.. Tags(model), new("code", code)]);

    public void Dispose() => _meter.Dispose();

    private static Measurement<int> Info(ModelInfo model) =>
        new(1, [.. Tags(model), new("model_sha256", model.ModelSha256)]);

    private static KeyValuePair<string, object?>[] Tags(ModelInfo model) =>
        [new("model", model.Name), new("model_version", model.Version ?? "")];
}
