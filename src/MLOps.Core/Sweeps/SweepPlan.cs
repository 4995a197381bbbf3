using MLOps.Core.Spec;

namespace MLOps.Core.Sweeps;

/// <summary>
/// The trials a sweep runs, a pure function of the spec: a grid is the cartesian product of the listed values
/// (parameters in ordinal name order, the last one varying fastest); a random sweep draws <see cref="SweepSpec.Trials"/>
/// trials from <see cref="SweepRandom"/> seeded with the spec's seed (trial by trial, parameter by parameter in that
/// order). The same spec gives the same trials on every machine and runtime.
/// </summary>
public static class SweepPlan
{
    /// <summary>
    /// The threads each trial's trainer uses unless the spec sets NumberOfThreads: one, the same on every agent, so a
    /// trial's model (and the winner retrained from its parameters) does not depend on the machine's core count, and
    /// parallel trials do not oversubscribe the cores (the parallelism is the trials').
    /// </summary>
    public const double DefaultThreads = 1;

    public static IReadOnlyList<SweepTrial> For(ModelSpec spec)
    {
        SweepSpec sweep = spec.Sweep ?? throw new ArgumentException($"The spec of {spec.Name} has no sweep section.", nameof(spec));
        IEnumerable<IReadOnlyDictionary<string, double>> points = sweep.Strategy == SweepStrategy.Grid ? Grid(sweep.Parameters) : Random(sweep);
        return [.. points.Select((point, i) => new SweepTrial(i + 1, WithBase(spec, point)))];
    }

    private static SortedDictionary<string, double> WithBase(ModelSpec spec, IReadOnlyDictionary<string, double> point)
    {
        var parameters = new SortedDictionary<string, double>(spec.Trainer.Parameters.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, value) in point)
        {
            parameters[name] = value;
        }

        bool threaded = TrainerNames.Find(spec.Task, spec.Trainer.Name)?.ParameterNames.Contains("NumberOfThreads") == true;
        if (threaded)
        {
            parameters.TryAdd("NumberOfThreads", DefaultThreads);
        }

        return parameters;
    }

    private static IEnumerable<IReadOnlyDictionary<string, double>> Grid(IReadOnlyList<SweepParameter> parameters)
    {
        IEnumerable<IReadOnlyDictionary<string, double>> points = [new Dictionary<string, double>(StringComparer.Ordinal)];
        foreach (SweepChoice choice in parameters.Cast<SweepChoice>())
        {
            points = points.SelectMany(p => choice.Values.Select(v => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(p.ToDictionary(), StringComparer.Ordinal) { [choice.Name] = v }));
        }

        return points;
    }

    private static IEnumerable<IReadOnlyDictionary<string, double>> Random(SweepSpec sweep)
    {
        var random = new SweepRandom(sweep.Seed);
        for (int trial = 0; trial < (sweep.Trials ?? 0); trial++)
        {
            var point = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (SweepParameter parameter in sweep.Parameters)
            {
                point[parameter.Name] = SweepDraw.From(parameter, random.NextDouble());
            }

            yield return point;
        }
    }
}
