namespace MLOps.Core.Tracking.Query;

/// <summary>A value the compiled SQL refers to by name (@q0, @q1, ...): a string, a double or an int.</summary>
public sealed record QueryParameter(string Name, object Value);

/// <summary>Collects the parameters of one compiled query; no value written in a filter ever becomes SQL text.</summary>
internal sealed class QueryParameters
{
    private readonly List<QueryParameter> _items = [];

    public IReadOnlyList<QueryParameter> Items => _items;

    public string Add(object value)
    {
        string name = $"@q{_items.Count}";
        _items.Add(new QueryParameter(name, value));
        return name;
    }
}
