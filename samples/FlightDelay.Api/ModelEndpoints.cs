using System.Text.Json;
using System.Text.Json.Nodes;
using FlightDelay.Model;
using MLOps.Runtime;

namespace FlightDelay.Api;

/// <summary>GET /model, GET /health and POST /model/reload.</summary>
public static class ModelEndpoints
{
    /// <summary>
    /// GET /model: the serving model's <see cref="ModelInfo"/> (name, package_id, version, model_sha256, commit,
    /// data_fingerprint, source, loaded_at), plus the last refused reload since the last swap (code and message) and the
    /// prediction log's counts.
    /// </summary>
    public static IResult Model(ModelService<FlightDelayInput, FlightDelayPrediction> service)
    {
        JsonObject body = JsonSerializer.SerializeToNode(service.Current)!.AsObject();
        body["last_reload_failure"] = service.LastFailure is { } failed
            ? new JsonObject { ["code"] = failed.Code, ["message"] = failed.Message }
            : null;
        body["prediction_log"] = service.Log is { } log ? JsonSerializer.SerializeToNode(log) : null;
        return Results.Json(body);
    }

    /// <summary>GET /health: 200 with the version while a model serves (the service does not start without one).</summary>
    public static IResult Health(ModelService<FlightDelayInput, FlightDelayPrediction> service)
    {
        ModelInfo model = service.Current;
        return Results.Json(new JsonObject { ["status"] = "serving", ["model"] = model.Name, ["version"] = model.Version });
    }

    /// <summary>
    /// POST /model/reload: looks for a newer version now. 200 with the outcome (swapped or unchanged) and the model serving;
    /// 409 problem details with the code when the newer model was refused (the current one keeps serving). Protected by
    /// nothing but the loopback binding: anyone on this machine can ask for a reload (never a downgrade or another model).
    /// </summary>
    public static async Task<IResult> Reload(ModelService<FlightDelayInput, FlightDelayPrediction> service, CancellationToken ct)
    {
        ReloadResult result = await service.ReloadAsync(ct).ConfigureAwait(false);
        return result.Outcome == ReloadOutcome.Failed
            ? Problems.ReloadRefused(result)
            : Results.Json(new JsonObject
            {
                ["outcome"] = result.Outcome.ToString().ToLowerInvariant(),
                ["version"] = result.Current.Version,
                ["previous_version"] = result.Previous?.Version,
                ["model"] = JsonSerializer.SerializeToNode(result.Current),
            });
    }
}
