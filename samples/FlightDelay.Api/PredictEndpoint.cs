using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using FlightDelay.Model;
using MLOps.Runtime;
using MLOps.Runtime.Inputs;

namespace FlightDelay.Api;

/// <summary>A prediction answer: the model that gave it, the request id, and one prediction or one per row of a batch.</summary>
public sealed record PredictResponse(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("prediction"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FlightDelayPrediction? Prediction,
    [property: JsonPropertyName("predictions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FlightDelayPrediction[]? Predictions);

/// <summary>
/// POST /predict: one JSON object or an array of them, keyed by the schema's column names. The rows are checked against
/// the serving model's schema (400 with every broken rule otherwise), then one model answers them all: a batch is never
/// split across a swap. Prediction fields keep the typed API's names (PredictedLabel, Probability, Score), as in the log.
/// </summary>
public static class PredictEndpoint
{
    // The prediction's own names, as the typed API and the prediction log have them; floats in their shortest round-trip
    // form, so a client reads back exactly the float the model computed.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<IResult> Handle(HttpContext context, ModelService<FlightDelayInput, FlightDelayPrediction> service,
        InputSchemas schemas, ServingMetrics metrics)
    {
        long started = Stopwatch.GetTimestamp();
        string requestId = RequestIds.For(context);
        ModelInfo current = service.Current;
        byte[] body = await ReadBody(context.Request).ConfigureAwait(false);
        InputBatch<FlightDelayInput> batch = schemas.For(current).Read(body);
        if (!batch.IsValid)
        {
            metrics.Failed(current, batch.Violations[0].Code);
            return Problems.BadInput(batch.Violations, current, requestId);
        }

        PredictResponse response;
        ModelInfo model;
        if (batch.IsBatch)
        {
            Served<FlightDelayPrediction[]> served = service.Predict(batch.Rows, requestId);
            model = served.Model;
            response = new PredictResponse(model.Name, model.Version, model.ModelSha256, served.RequestId, null, served.Value);
        }
        else
        {
            Served<FlightDelayPrediction> served = service.Predict(batch.Rows[0], requestId);
            model = served.Model;
            response = new PredictResponse(model.Name, model.Version, model.ModelSha256, served.RequestId, served.Value, null);
        }

        metrics.Predicted(model, batch.Rows.Count, Stopwatch.GetElapsedTime(started));
        return Results.Json(response, Json);
    }

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength : 256);
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
