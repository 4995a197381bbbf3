using Xunit;

namespace MLOps.Targets.Tests;

/// <summary>Every target test runs real builds: one at a time, so a 2-core machine is not oversubscribed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TargetsCollection
{
    public const string Name = "Targets";
}
