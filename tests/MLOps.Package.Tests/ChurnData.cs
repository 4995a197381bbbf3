using System.Globalization;

namespace MLOps.Package.Tests;

/// <summary>
/// A customer table no test of the pipeline has seen, with a signal to learn: short tenure and the basic plan churn
/// more. Columns of every kind a new user brings: integer, float, categorical, date and a boolean label. Seeded.
/// </summary>
public static class ChurnData
{
    public const string Header = "tenure_months,monthly_charges,plan,signup_date,churned";

    private static readonly string[] Plans = ["basic", "standard", "premium"];

    public static IEnumerable<string> Lines(int rows, int seed)
    {
        yield return Header;
        var random = new Random(seed);
        for (int i = 0; i < rows; i++)
        {
            int tenure = random.Next(1, 72);
            string plan = Plans[random.Next(Plans.Length)];
            double charges = Math.Round(20 + (random.NextDouble() * 80), 2);
            DateTime signup = new DateTime(2020, 1, 1).AddDays(random.Next(1500));
            double chance = 0.05 + (tenure < 12 ? 0.45 : 0) + (plan == "basic" ? 0.25 : 0);
            bool churned = random.NextDouble() < chance;
            yield return string.Join(',',
                tenure.ToString(CultureInfo.InvariantCulture), charges.ToString(CultureInfo.InvariantCulture), plan,
                signup.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), churned ? "true" : "false");
        }
    }
}
