using System.Text;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Packaging;

/// <summary>
/// The input class: one property per column the model reads, named by <see cref="Pascal"/>. A column the schema
/// declares nullable is nullable in C# too (float?, bool?, DateTime?, string?), and null reaches the model exactly as
/// a missing value reached it in training (see <see cref="Missing"/>); other columns keep their plain types.
/// </summary>
public static partial class ApiGenerator
{
    private static IEnumerable<string> InputMembers(ColumnSchema column)
    {
        string type = ClrType(column.Type);
        string name = Pascal(column.Name);
        string columnName = $"    [global::Microsoft.ML.Data.ColumnName(\"{column.Name}\")]";
        if (!column.Nullable || type == "string")
        {
            return
            [
                columnName,
                column.Nullable ? $"    public string? {name} {{ get; set; }}" : $"    public {type} {name} {{ get; set; }}{(type == "string" ? " = \"\";" : "")}",
            ];
        }

        // ML.NET cannot read a Nullable<T> member: the nullable property is for the caller, and a hidden property the
        // model reads turns null into training's missing value ("__" never starts a name Pascal makes, so no clash).
        return
        [
            $"    /// <summary>Null when the value is missing: scored as a missing value was in training.</summary>",
            NoColumn,
            $"    public {type}? {name} {{ get; set; }}",
            "",
            $"    /// <summary>{name} as the model reads it; use {name}.</summary>",
            columnName,
            "    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]",
            $"    public {type} __{name} {{ get => {name} ?? {Missing(column.Type)}; set => {name} = value; }}",
        ];
    }

    /// <summary>
    /// What training reads for an empty field (Data/TableLoader.cs): NaN for numbers (then the training mean for
    /// <c>encode: numeric</c>, no category for one-hot), false for booleans, default(DateTime) for dates.
    /// </summary>
    private static string Missing(ColumnType type) => type switch
    {
        ColumnType.Boolean => "false",
        ColumnType.DateTime => "default",
        _ => "float.NaN",
    };

    /// <summary>
    /// The property name of a column: its letters and digits, each run after a separator (any other character)
    /// starting upper case, the rest kept as written; "_" in front when that starts with a digit.
    /// origin → Origin, day_of_week → DayOfWeek, dep-time → DepTime, petalWidth → PetalWidth, 2nd → _2nd.
    /// </summary>
    public static string Pascal(string column)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char ch in column)
        {
            if (!char.IsLetterOrDigit(ch))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }

        return sb.Length > 0 && char.IsDigit(sb[0]) ? "_" + sb : sb.ToString();
    }
}
