using MLOps.Core.Diagnostics;

namespace MLOps.Core.Tracking.Query;

/// <summary>
/// Resolves the names a filter may use: <c>metrics.&lt;name&gt;</c> (test split), <c>metrics.validation.&lt;name&gt;</c>,
/// <c>params.&lt;key&gt;</c>, <c>tags.&lt;key&gt;</c> and the run's attributes, bare or as <c>attributes.&lt;name&gt;</c>.
/// Singular forms (metric., param., tag., attribute.) are accepted too.
/// </summary>
internal static class FieldNames
{
    public static readonly IReadOnlyList<RunAttribute> Attributes =
    [
        new("id", "id", AttributeType.Text, false),
        new("model", "model", AttributeType.Text, false),
        new("status", "status", AttributeType.Status, false),
        new("source", "source", AttributeType.Text, false),
        new("started_at", "started_at", AttributeType.Instant, false),
        new("ended_at", "ended_at", AttributeType.Instant, true),
        new("parent_id", "parent_id", AttributeType.Text, true),
        new("cached_from", "cached_from", AttributeType.Text, true),
        new("git_commit", "git_commit", AttributeType.Text, true),
        new("host", "host", AttributeType.Text, true),
        new("ci_system", "ci_system", AttributeType.Text, true),
        new("data_fingerprint", "data_fingerprint", AttributeType.Text, true),
        new("model_sha256", "model_sha256", AttributeType.Text, true),
        new("package_id", "package_id", AttributeType.Text, true),
        new("package_version", "package_version", AttributeType.Text, true),
    ];

    public static string ValidAttributes => string.Join(", ", Attributes.Select(a => a.Name));

    public static FieldRef Resolve(FilterToken name, string source)
    {
        IReadOnlyList<string> s = name.Segments;
        string head = s[0].ToLowerInvariant();
        if (s.Count == 1)
            return AttributeNamed(s[0], name, source);
        string key = string.Join('.', s.Skip(1));
        switch (head)
        {
            case "metrics" or "metric":
                bool split = s.Count >= 3 && s[1] is "validation" or "test";
                string metric = split ? string.Join('.', s.Skip(2)) : key;
                RequireKey(metric, name, source, "a metric name", "metrics.auc or metrics.validation.auc");
                return new FieldRef(FieldKind.Metric, metric, name.Text, name.Position) { Split = split ? s[1] : "test" };
            case "params" or "param":
                RequireKey(key, name, source, "a parameter name", "params.trainer");
                return new FieldRef(FieldKind.Param, key, name.Text, name.Position);
            case "tags" or "tag":
                RequireKey(key, name, source, "a tag name", "tags.note");
                return new FieldRef(FieldKind.Tag, key, name.Text, name.Position);
            case "attributes" or "attribute" or "attr" when s.Count == 2:
                return AttributeNamed(s[1], name, source);
            default:
                throw new QueryException(Codes.FilterUnknownName, $"The {source} at {name.Position}: unknown name '{name.Text}'; expected metrics.<name>, metrics.validation.<name>, params.<key>, tags.<key> or an attribute: {ValidAttributes}.");
        }
    }

    private static FieldRef AttributeNamed(string text, FilterToken name, string source)
    {
        RunAttribute? attribute = Attributes.FirstOrDefault(a => string.Equals(a.Name, text, StringComparison.OrdinalIgnoreCase));
        if (attribute is null)
            throw new QueryException(Codes.FilterUnknownName, $"The {source} at {name.Position}: unknown attribute '{name.Text}'; valid attributes: {ValidAttributes} (or metrics.<name>, params.<key>, tags.<key>).");
        return new FieldRef(FieldKind.Attribute, attribute.Name, name.Text, name.Position) { Attribute = attribute };
    }

    private static void RequireKey(string key, FilterToken name, string source, string what, string example)
    {
        if (key.Length == 0)
            throw new QueryException(Codes.FilterUnknownName, $"The {source} at {name.Position}: '{name.Text}' names no key; expected {what} after the dot, e.g. {example}.");
    }
}
