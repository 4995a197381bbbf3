using System.Text.Json.Serialization;
using MLOps.Runtime;
using MLOps.Runtime.Inputs;

namespace FlightDelay.Api;

/// <summary>One broken rule as the 400 answer lists it.</summary>
public sealed record InputError(
    [property: JsonPropertyName("row"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("message")] string Message)
{
    public static InputError From(InputViolation v) => new(v.Row, v.Field, v.Rule, v.Code, v.Value, v.Expected, v.Message);
}

/// <summary>
/// Answers in RFC 9457 problem details (application/problem+json). A bad input lists every broken rule in
/// <c>errors</c>: row (in a batch), field, rule, code, the value as sent and what was expected.
/// </summary>
public static class Problems
{
    public static IResult BadInput(IReadOnlyList<InputViolation> violations, ModelInfo model, string requestId) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            type: $"https://github.com/mlops-dotnet/mlops/blob/main/docs/diagnostics.md#{violations[0].Code.ToLowerInvariant()}",
            title: "The input breaks the model's schema.",
            detail: violations.Count == 1 ? violations[0].Message : $"{violations.Count} rules broken; the first: {violations[0].Message}",
            extensions: new Dictionary<string, object?>
            {
                ["request_id"] = requestId,
                ["model"] = model.Name,
                ["version"] = model.Version,
                ["errors"] = violations.Select(InputError.From).ToArray(),
            });

    public static IResult ReloadRefused(ReloadResult result) =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            type: $"https://github.com/mlops-dotnet/mlops/blob/main/docs/diagnostics.md#{result.Code?.ToLowerInvariant()}",
            title: "The newer model was refused; the current one keeps serving.",
            detail: result.Message,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = result.Code,
                ["model"] = result.Current.Name,
                ["version"] = result.Current.Version,
            });
}
