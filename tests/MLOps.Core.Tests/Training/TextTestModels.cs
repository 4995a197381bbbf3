using System.Globalization;
using System.Text;

namespace MLOps.Core.Tests.Training;

/// <summary>
/// Passenger feedback whose free-text comment is the only signal of a delay: delayed flights mostly say
/// "late", "delayed" or "waited", the others "on time" or "early"; some comments say neither, some say the
/// wrong thing, some are missing. Distance and cabin carry no signal. Seeded, so every run writes the same bytes.
/// </summary>
internal static class TextTestModels
{
    public const string FeedbackSchema = """
        {
          "columns": [
            { "name": "distance", "type": "integer", "min": 1, "max": 6000 },
            { "name": "cabin", "type": "categorical", "allowed": ["economy", "business"] },
            { "name": "comment", "type": "text", "nullable": true },
            { "name": "delayed", "type": "boolean" }
          ]
        }
        """;

    private static readonly string[] LateComments =
    [
        "flight was late again", "delayed {0} minutes at the gate", "we waited {0} min for the crew",
        "Late departure!", "so late. missed my connection", "another delay of {0} minutes",
    ];

    private static readonly string[] OnTimeComments =
    [
        "on time as usual", "left on time.", "arrived {0} minutes early", "punctual and smooth",
        "Right on time!", "early arrival at gate {0}",
    ];

    private static readonly string[] NeutralComments = ["meal was fine", "seat {0} was comfortable", "friendly crew", ""];

    public static string FeedbackCsv(int rows, int seed = 17)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("distance,cabin,comment,delayed\n");
        for (int i = 0; i < rows; i++)
        {
            bool delayed = random.NextDouble() < 0.4;
            double kind = random.NextDouble();
            bool truthful = kind >= 0.35; // 25% neutral, 10% misleading, 65% telling
            string[] pool = kind < 0.25 ? NeutralComments : truthful == delayed ? LateComments : OnTimeComments;
            string comment = string.Format(CultureInfo.InvariantCulture, pool[random.Next(pool.Length)], random.Next(2, 90));
            string cabin = random.Next(4) == 0 ? "business" : "economy";
            csv.Append(CultureInfo.InvariantCulture, $"{random.Next(100, 3000)},{cabin},{comment},{(delayed ? "true" : "false")}\n");
        }

        return csv.ToString();
    }

    public static string FeedbackSpec(string trainer = "LightGbm", string parameters = "{ NumberOfIterations: 50, MinimumExampleCountPerLeaf: 5 }") => $$"""
        name: Feedback
        task: binary-classification
        data: { path: feedback.csv, schema: schema.json }
        label: { column: delayed }
        features:
          - { name: Distance, source: distance }
          - { name: Cabin, source: cabin, encode: one-hot }
          - { name: Comment, source: comment, encode: text }
        trainer: { name: {{trainer}}, seed: 2, parameters: {{parameters}} }
        split: { test-fraction: 0.25, seed: 5 }
        gates:
          auc: { min: 0.7 }
        """;
}
