namespace MLOps.Core.Tests.Architecture;

/// <summary>Cycles in a graph of namespaces, and the graph seen at a coarser level.</summary>
internal static class NamespaceCycles
{
    /// <summary>The graph with each namespace cut to its first <paramref name="segments"/> segments after the prefix.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Coarsen(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string prefix, int segments)
    {
        string Cut(string ns) => prefix + string.Join('.', ns[prefix.Length..].Split('.').Take(segments));
        return graph
            .GroupBy(p => Cut(p.Key))
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlySet<string>)g.SelectMany(p => p.Value).Select(Cut).Where(n => n != g.Key).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>The strongly connected components with more than one namespace (Tarjan): each is a cycle.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in graph.TryGetValue(v, out var next) ? next : new HashSet<string>())
            {
                if (!index.TryGetValue(w, out _))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (string v in graph.Keys.Order(StringComparer.Ordinal).Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return cycles;
    }
}
