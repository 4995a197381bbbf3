using System.Globalization;
using System.Text;
using MLOps.Core.Diagnostics;
using MLOps.Core.Scaffolding;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Scaffolding;

/// <summary>
/// Generated customer data with a column of every type, so each test picks its label: churned (boolean), plan
/// (3 categories), contract (2 categories), segment (integer 1 or 2), tenure (integer), monthly_charge (float),
/// signup (datetime), note (free text). Churn follows tenure, contract and plan, so a model has something to learn.
/// </summary>
internal static class ScaffoldData
{
    public const string Header = "tenure,monthly_charge,plan,contract,segment,signup,note,churned";

    private static readonly string[] Plans = ["basic", "plus", "pro"];
    private static readonly string[] Remarks = ["happy with the service", "price is too high", "slow support", "no complaints"];

    public static string Csv(int rows = 600)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (int i = 0; i < rows; i++)
        {
            int tenure = (i * 7) % 72;
            string plan = Plans[i % 3];
            string contract = i % 2 == 0 ? "monthly" : "yearly";
            bool churned = tenure < 18 || (contract == "monthly" && plan == "basic");
            csv.Append(CultureInfo.InvariantCulture, $"{tenure},{20 + ((i * 13) % 800) / 10.0:0.0},{plan},{contract},{(i % 5 == 0 ? 2 : 1)},")
               .Append(CultureInfo.InvariantCulture, $"{start.AddHours(i * 5):yyyy-MM-dd HH:mm},customer {i}: {Remarks[i % 4]},{(churned ? "true" : "false")}\n");
        }
        return csv.ToString();
    }

    /// <summary>JSON Lines whose label is a JSON number 0 or 1: typed, so an integer (a CSV's 0/1 would read as boolean).</summary>
    public static string JsonLinesWithIntegerLabel(int rows = 300)
    {
        var lines = new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            int tenure = (i * 7) % 72;
            lines.Append(CultureInfo.InvariantCulture, $"{{\"tenure\": {tenure}, \"plan\": \"{Plans[i % 3]}\", \"churned\": {(tenure < 18 ? 1 : 0)}}}\n");
        }
        return lines.ToString();
    }

    /// <summary>Writes the CSV to data/churn.csv and returns the request for models/Churn with <paramref name="label"/>.</summary>
    public static ScaffoldRequest Request(TempFolder temp, string label, string? task = null)
    {
        string data = temp.Write("data/churn.csv", Csv());
        return new ScaffoldRequest(data, label, "Churn", temp.PathOf("models/Churn"), task);
    }

    /// <summary>Scaffolds without writing and asserts no diagnostic.</summary>
    public static ScaffoldedModel Create(ScaffoldRequest request)
    {
        var bag = new DiagnosticBag();
        ScaffoldedModel? model = ModelScaffolder.Create(request, bag);
        Assert.Empty(bag);
        return model!;
    }
}
