using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.ML.Data;
using MLOps.Runtime;
using MLOps.Service.Tests.Infrastructure;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Service.Tests;

/// <summary>
/// One model, three ways in: the runtime's typed API, batch scoring (<c>mlops predict</c>, the CLI as a process) and the
/// HTTP service. The same rows must give the same floats, bit for bit: all three run the same ML.NET transformer on the
/// same input values (a distance arrives as the integer text 740 or the JSON number 740, both exactly 740f), and both
/// the CSV and the JSON answer write a float in its shortest round-trip form, which reads back as the same float.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class ParityTests(ServiceFixture service, ITestOutputHelper log)
{
    private HttpClient Http => service.Api.Http;

    [Fact]
    public async Task Should_give_the_same_scores_bit_for_bit_When_the_same_rows_go_through_the_typed_API_mlops_predict_and_POST_predict()
    {
        // Given 40 flights and the folder of the model the service serves now
        Flight[] flights = [.. FlightData.Rows(40, seed: 7).Select(Flight.Parse)];
        string sha = (string)(await Http.GetJsonAsync("/model"))["model_sha256"]!;
        string folder = FolderOf(sha);

        // When the service scores them as one batch
        (int status, JsonObject body) = await Http.PostAsync("/predict", new JsonArray([.. flights.Select(f => f.ToJson())]).ToJsonString());
        Assert.Equal(200, status);
        Assert.Equal(sha, (string)body["model_sha256"]!);
        Scored[] http = [.. body["predictions"]!.AsArray().Select(p => new Scored((bool)p!["PredictedLabel"]!, (float)p["Probability"]!, (float)p["Score"]!))];

        // and the runtime's typed API loads that folder and predicts them
        using var host = ModelHost<Flight, FlightPrediction>.Load(folder);
        Scored[] typed = [.. host.Predict(flights).Select(p => new Scored(p.PredictedLabel, p.Probability, p.Score))];

        // and mlops predict scores them from a CSV file
        string data = Path.Combine(service.Root, $"parity-{Guid.NewGuid():N}.csv");
        string predictions = Path.ChangeExtension(data, ".predictions.csv");
        File.WriteAllLines(data, ["date,distance,origin,destination", .. flights.Select(f => f.ToCsv())]);
        DotNetResult cli = DotNet.Run(service.Root, [MlopsDll(), "predict", "--model", folder, "--data", data, "-o", predictions], log);
        Assert.True(cli.Succeeded, cli.ToString());
        Scored[] batch = [.. File.ReadLines(predictions).Skip(1).Select(Scored.ParseCsv)];

        // Then every row has the same label, probability and score, compared as floats with ==
        Assert.Equal(flights.Length, http.Length);
        Assert.Equal(typed, http);
        Assert.Equal(typed, batch);
        Assert.True(typed.Select(s => s.Probability).Distinct().Count() > 5, "the rows should not all score alike");
    }

    // The served model's folder: the app's own mlops/FlightDelay/ (version A) or the one the feed source extracted.
    private string FolderOf(string sha) =>
        new[] { service.OutputDirectory, Path.Combine(service.Root, "model-cache") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "model.zip", SearchOption.AllDirectories))
            .Where(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))) == sha)
            .Select(Path.GetDirectoryName)
            .First()!;

    // The CLI the repository builds (a project reference of this test project), run as a process.
    private static string MlopsDll() => Repository.File($"src/MLOps.Cli/bin/{Repository.Configuration}/net10.0/mlops.dll");

    private readonly record struct Scored(bool PredictedLabel, float Probability, float Score)
    {
        // PredictedLabel,Probability,Score as mlops predict writes them (invariant, floats round-trip).
        public static Scored ParseCsv(string line)
        {
            string[] f = line.Split(',');
            return new(bool.Parse(f[0]), float.Parse(f[1], CultureInfo.InvariantCulture), float.Parse(f[2], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The typed API's input class for FlightDelay (what the package generates).</summary>
    public sealed class Flight
    {
        [ColumnName("date")]
        public DateTime Date { get; set; }

        [ColumnName("distance")]
        public float Distance { get; set; }

        [ColumnName("origin")]
        public string Origin { get; set; } = "";

        [ColumnName("destination")]
        public string Destination { get; set; } = "";

        // date,delay,distance,origin,destination (the delay, the label, is not scored)
        public static Flight Parse(string row)
        {
            string[] f = row.Split(',');
            return new Flight
            {
                Date = DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Distance = int.Parse(f[2], CultureInfo.InvariantCulture),
                Origin = f[3],
                Destination = f[4],
            };
        }

        public string ToCsv() => string.Join(',', Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ((int)Distance).ToString(CultureInfo.InvariantCulture), Origin, Destination);

        public JsonObject ToJson() => new()
        {
            ["date"] = Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["distance"] = (int)Distance,
            ["origin"] = Origin,
            ["destination"] = Destination,
        };
    }

    /// <summary>The typed API's prediction class for a binary model.</summary>
    public sealed class FlightPrediction
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }
}
