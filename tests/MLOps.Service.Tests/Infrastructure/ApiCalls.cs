using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MLOps.Service.Tests.Infrastructure;

/// <summary>The calls the tests make, over real HTTP.</summary>
public static class ApiCalls
{
    /// <summary>A row as a client sends it: the schema's column names, the date in the data file's format.</summary>
    public const string Flight = """{"date":"2001-02-12 19:45","distance":740,"origin":"ORD","destination":"ATL"}""";

    public const string OtherFlight = """{"date":"2001-03-02 07:10","distance":337,"origin":"SFO","destination":"LAX"}""";

    public static async Task<(int Status, JsonObject Body)> PostAsync(this HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text.Length == 0 ? "{}" : text)!.AsObject());
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonObject>(new Uri(path, UriKind.Relative)))!;

    public static async Task<string> ModelVersionAsync(this HttpClient http) =>
        (string)(await http.GetJsonAsync("/model"))["version"]!;
}
