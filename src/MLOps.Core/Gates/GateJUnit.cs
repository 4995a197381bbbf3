using System.Globalization;
using System.Xml.Linq;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Gates;

/// <summary>
/// The gate results as JUnit XML (gates.junit.xml), the test-result format CI systems read: one testsuite per model,
/// one testcase per gate (classname <c>&lt;Model&gt;.gates</c> or <c>&lt;Model&gt;.champion</c>, name the metric).
/// A failed gate has a <c>failure</c> (type: its MLOPS code). An overridden failure is <c>skipped</c> with the reason:
/// the build passed, so CI must not count it as a failed test, yet it must not look passed either; every CI test view
/// shows skipped tests apart with their message. The failure text stays in its <c>system-out</c>, and the suite's
/// properties record the override and the champion. No timestamps: the same results give the same bytes.
/// </summary>
public static class GateJUnit
{
    public static string Render(string model, IReadOnlyList<GateCase> cases, ChampionComparison? champion, GateOverride? applied)
    {
        ArgumentNullException.ThrowIfNull(cases);
        int failures = cases.Count(c => c.Status == GateStatus.Failed);
        int skipped = cases.Count(c => c.Status is GateStatus.Overridden or GateStatus.NotRun);
        var suite = new XElement("testsuite",
            new XAttribute("name", model),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            Properties(champion, applied),
            cases.Select(c => Case(model, c, applied)));
        var root = new XElement("testsuites",
            new XAttribute("name", "MLOps quality gates"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            suite);
        return new XDeclaration("1.0", "utf-8", null) + "\n" + root.ToString() + "\n";
    }

    public static bool Write(string path, string model, IReadOnlyList<GateCase> cases, ChampionComparison? champion, GateOverride? applied)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return TextFile.WriteIfChanged(path, Render(model, cases, champion, applied));
    }

    private static XElement? Properties(ChampionComparison? champion, GateOverride? applied)
    {
        var properties = new List<XElement>();
        if (champion is not null)
        {
            properties.Add(Property("champion.stage", champion.Stage));
            properties.Add(Property("champion.version", champion.Version));
            properties.Add(Property("champion.passed", champion.Passed ? "true" : "false"));
        }

        if (applied is not null)
        {
            properties.Add(Property("gate_override.reason", applied.Reason));
            properties.Add(Property("gate_override.by", applied.By));
        }

        return properties.Count == 0 ? null : new XElement("properties", properties);
    }

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static XElement Case(string model, GateCase c, GateOverride? applied)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"{model}.{c.Group}"),
            new XAttribute("name", c.Name),
            new XAttribute("time", 0.ToString(CultureInfo.InvariantCulture)));
        switch (c.Status)
        {
            case GateStatus.Failed:
                element.Add(new XElement("failure", new XAttribute("message", c.Message), new XAttribute("type", c.Code ?? "MLOPS"), c.Message));
                break;
            case GateStatus.Overridden:
                element.Add(new XElement("skipped", new XAttribute("message", $"{c.Code} overridden: {applied?.Reason}")));
                element.Add(new XElement("system-out", c.Message));
                break;
            case GateStatus.NotRun:
                element.Add(new XElement("skipped", new XAttribute("message", c.Message)));
                break;
            default:
                element.Add(new XElement("system-out", c.Message));
                break;
        }

        return element;
    }
}
