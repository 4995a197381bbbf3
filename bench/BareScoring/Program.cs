// Usage: BareScoring <flights.parquet> <model.zip> <predictions.csv>
// What a competent ML.NET user writes to score a Parquet file with a saved model: Parquet.Net reads one row group at a
// time into typed arrays, a lazy IEnumerable of rows feeds LoadFromEnumerable (so memory stays bounded, as in
// `mlops predict`), the model's Transform scores them, and a cursor writes PredictedLabel, Probability and Score as CSV
// in the same format (invariant culture, floats in their shortest round-trip form, '\n' line ends).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using BareScoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.ModelFormat;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: BareScoring <flights.parquet> <model.zip> <predictions.csv>");
    return 2;
}

var clock = Stopwatch.StartNew();
var ml = new MLContext(seed: 0);
ModelLoader.RegisterComponents(ml); // the model's date parts are a CustomMapping ML.NET rebuilds through its factory
ITransformer model = ml.Model.Load(args[1], out _);
IDataView scored = model.Transform(ml.Data.LoadFromEnumerable(ParquetRows.Read(args[0])));

long rows = 0;
using (var output = new StreamWriter(args[2], append: false, new UTF8Encoding(false), 1 << 16))
using (DataViewRowCursor cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name is "PredictedLabel" or "Probability" or "Score")))
{
    ValueGetter<bool> label = cursor.GetGetter<bool>(scored.Schema["PredictedLabel"]);
    ValueGetter<float> probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
    ValueGetter<float> score = cursor.GetGetter<float>(scored.Schema["Score"]);
    bool l = false;
    float p = 0, s = 0;
    output.Write("PredictedLabel,Probability,Score\n");
    while (cursor.MoveNext())
    {
        label(ref l);
        probability(ref p);
        score(ref s);
        output.Write(l ? "true" : "false");
        output.Write(',');
        output.Write(p.ToString("R", CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(s.ToString("R", CultureInfo.InvariantCulture));
        output.Write('\n');
        rows++;
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows scored in {clock.Elapsed.TotalSeconds:0.0} s"));
return 0;
