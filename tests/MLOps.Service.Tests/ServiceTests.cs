using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MLOps.ModelFormat.Contract;
using MLOps.Service.Tests.Infrastructure;
using Xunit;

namespace MLOps.Service.Tests;

/// <summary>FlightDelay.Api as a process, over HTTP: predictions, what it serves, health, metrics and bad input.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ServiceTests(ServiceFixture service)
{
    private HttpClient Http => service.Api.Http;

    [Fact]
    public async Task Should_answer_with_a_probability_the_version_and_the_request_id_When_one_row_is_posted()
    {
        // Given the version the service reports
        string version = await Http.ModelVersionAsync();

        // When one flight is posted with a request id
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = new StringContent(ApiCalls.Flight, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Id", "flight-42");
        using HttpResponseMessage response = await Http.SendAsync(request);
        JsonObject body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        // Then the answer names the model, its version and the request id, and holds one probability
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("FlightDelay", version, "flight-42"), ((string)body["model"]!, (string)body["version"]!, (string)body["request_id"]!));
        Assert.Equal("flight-42", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.InRange((float)body["prediction"]!["Probability"]!, 0f, 1f);
        Assert.Null(body["predictions"]);
    }

    [Fact]
    public async Task Should_answer_each_row_with_one_model_When_a_batch_is_posted()
    {
        // When a batch of three rows is posted
        (int status, JsonObject body) = await Http.PostAsync("/predict", $"[{ApiCalls.Flight},{ApiCalls.OtherFlight},{ApiCalls.Flight}]");

        // Then there is one prediction per row, in order, from one model version
        Assert.Equal(200, status);
        JsonArray predictions = body["predictions"]!.AsArray();
        Assert.Equal(3, predictions.Count);
        Assert.Equal((float)predictions[0]!["Probability"]!, (float)predictions[2]!["Probability"]!);
        Assert.NotNull((string?)body["version"]);
        Assert.NotEqual((float)predictions[0]!["Probability"]!, (float)predictions[1]!["Probability"]!);
    }

    [Fact]
    public async Task Should_name_the_field_rule_and_code_in_problem_details_When_the_input_breaks_the_schema()
    {
        // When a batch's second row has a distance above the schema's max and an airport the schema does not allow
        string bad = ApiCalls.OtherFlight.Replace("337", "9000", StringComparison.Ordinal).Replace("\"SFO\"", "\"XXX\"", StringComparison.Ordinal);
        using var content = new StringContent($"[{ApiCalls.Flight},{bad}]", System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await Http.PostAsync(new Uri("/predict", UriKind.Relative), content);
        JsonObject problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        // Then it is a 400 problem+json listing both, each with its row, field, rule, code, value and expectation
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (int)problem["status"]!);
        JsonArray errors = problem["errors"]!.AsArray();
        Assert.Equal(
            [(1, "distance", "max", "MLOPS1007", "9000", "at most 6000"), (1, "origin", "allowed", "MLOPS1010", "\"XXX\"", null)],
            errors.Select(e => ((int)e!["row"]!, (string)e["field"]!, (string)e["rule"]!, (string)e["code"]!, (string)e["value"]!,
                (string)e["rule"]! == "max" ? (string?)e["expected"] : null)));
        Assert.StartsWith("2 rules broken; the first: MLOPS1007: row 1: field 'distance' value 9000", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_the_missing_field_with_MLOPS1005_When_a_row_lacks_one()
    {
        (int status, JsonObject problem) = await Http.PostAsync("/predict", """{"date":"2001-02-12 19:45","distance":740,"origin":"ORD"}""");

        Assert.Equal(400, status);
        JsonNode error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(("destination", "present", "MLOPS1005"), ((string)error["field"]!, (string)error["rule"]!, (string)error["code"]!));
    }

    [Fact]
    public async Task Should_report_what_it_serves_When_model_and_health_are_asked()
    {
        // When GET /model and GET /health are called
        JsonObject model = await Http.GetJsonAsync("/model");
        JsonObject health = await Http.GetJsonAsync("/health");

        // Then /model has the lineage's identity of the served model, and /health its version
        Assert.Equal(("FlightDelay", "FlightDelay.Model"), ((string)model["name"]!, (string)model["package_id"]!));
        Assert.Matches("^[0-9a-f]{64}$", (string)model["model_sha256"]!);
        Assert.False(string.IsNullOrEmpty((string?)model["data_fingerprint"]));
        Assert.NotNull(model["loaded_at"]);
        Assert.Equal(("serving", (string)model["version"]!), ((string)health["status"]!, (string)health["version"]!));
    }

    [Fact]
    public async Task Should_count_predictions_by_model_version_When_metrics_are_scraped()
    {
        // Given two rows predicted and one bad request
        await Http.PostAsync("/predict", $"[{ApiCalls.Flight},{ApiCalls.OtherFlight}]");
        await Http.PostAsync("/predict", """{"distance":"far"}""");
        string version = await Http.ModelVersionAsync();

        // When /metrics is scraped
        string metrics = await Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // Then the counters, the latency histogram and the info gauge carry the model and its version
        string labels = $"model=\"FlightDelay\",model_version=\"{Regex.Escape(version)}\"";
        Assert.Matches($@"(?m)^mlops_predictions_total\{{[^}}]*{labels}[^}}]*\}} [1-9]", metrics);
        Assert.Matches($@"(?m)^mlops_prediction_duration_seconds_bucket\{{[^}}]*{labels}", metrics);
        Assert.Matches($@"(?m)^mlops_prediction_errors_total\{{[^}}]*code=""MLOPS1008""", metrics);
        Assert.Matches($@"(?m)^mlops_model_info\{{[^}}]*model=""FlightDelay"",model_sha256=""[0-9a-f]{{64}}"",model_version=""{Regex.Escape(version)}""\}} 1$", metrics);
    }

    [Fact]
    public async Task Should_log_the_input_and_answer_under_the_request_id_When_the_prediction_log_is_on()
    {
        // Given a prediction with a request id of its own
        string id = $"logged-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = new StringContent(ApiCalls.Flight, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Id", id);
        using HttpResponseMessage response = await Http.SendAsync(request);
        JsonObject answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        // When the log folder is read (the writer runs off the request path: wait for it)
        PredictionRecord? record = null;
        var clock = Stopwatch.StartNew();
        while (record is null && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200);
            record = PredictionLogReader.Read(service.PredictionLog).FirstOrDefault(r => r.RequestId == id);
        }

        // Then the record names the model that answered, holds the input by column name and the answer's floats
        Assert.NotNull(record);
        Assert.Equal(((string)answer["version"]!, (string)answer["model_sha256"]!), (record.Version, record.ModelSha256));
        Assert.Equal(("2001-02-12T19:45:00", 740f, "ORD", "ATL"),
            (record.Input["date"].GetString(), record.Input["distance"].GetSingle(), record.Input["origin"].GetString(), record.Input["destination"].GetString()));
        Assert.Equal((float)answer["prediction"]!["Probability"]!, record.Output["Probability"].GetSingle());
    }
}
