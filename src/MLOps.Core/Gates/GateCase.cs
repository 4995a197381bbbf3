namespace MLOps.Core.Gates;

public enum GateStatus { Passed, Failed, Overridden, NotRun }

/// <summary>
/// One gate of the spec as CI shows it (a JUnit test case): <see cref="Group"/> is <c>gates</c> (absolute thresholds) or
/// <c>champion</c>; <see cref="Message"/> says what was measured against what, and why it failed when it did.
/// </summary>
public sealed record GateCase(string Group, string Name, GateStatus Status, string Message, string? Code = null);
