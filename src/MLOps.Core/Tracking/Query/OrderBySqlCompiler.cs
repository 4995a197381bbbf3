namespace MLOps.Core.Tracking.Query;

/// <summary>
/// Writes order keys as an ORDER BY list over the runs table (alias <c>r</c>). Runs without the value come last
/// in either direction. Params and tags sort numerically first (runs whose value is a number, by number), then as
/// text. Ties go to the newest run, then to the id, so the order is always the same.
/// </summary>
internal sealed class OrderBySqlCompiler(QueryDialect dialect, QueryParameters parameters)
{
    public const string Newest = "r.started_at DESC, r.id DESC";

    public string Compile(IReadOnlyList<OrderKey> keys) =>
        string.Join(", ", keys.SelectMany(Keys).Append(Newest));

    private IEnumerable<string> Keys(OrderKey key)
    {
        string direction = key.Descending ? "DESC NULLS LAST" : "ASC NULLS LAST";
        FieldRef field = key.Field;
        switch (field.Kind)
        {
            case FieldKind.Metric:
                yield return $"(SELECT m.value FROM metrics m WHERE m.run_id = r.id AND m.split = {parameters.Add(field.Split)} AND m.key = {parameters.Add(field.Key)}) {direction}";
                break;
            case FieldKind.Param or FieldKind.Tag:
                string table = field.Kind == FieldKind.Param ? "params" : "tags";
                yield return $"(SELECT {DialectSql.NumberOrNull(dialect, "x.value")} FROM {table} x WHERE x.run_id = r.id AND x.key = {parameters.Add(field.Key)}) {direction}";
                yield return $"{DialectSql.OrderedText(dialect, $"(SELECT x.value FROM {table} x WHERE x.run_id = r.id AND x.key = {parameters.Add(field.Key)})")} {direction}";
                break;
            default:
                string column = "r." + field.Attribute!.Column;
                yield return $"{(field.Attribute.Type == AttributeType.Instant ? column : DialectSql.OrderedText(dialect, column))} {direction}";
                break;
        }
    }
}
