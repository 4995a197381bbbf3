namespace MLOps.Core.Diagnostics;

public static partial class Codes
{
    /// <summary>mlops report found no runs at all in the run store: nothing has been built with run tracking on.</summary>
    public const string ReportNoRuns = "MLOPS8060";

    /// <summary>mlops report --model names a model the run store has no runs of.</summary>
    public const string ReportUnknownModel = "MLOPS8061";

    /// <summary>A run document (evaluation, profile) the report reads is not the JSON expected: its section is left out.</summary>
    public const string ReportDocumentUnreadable = "MLOPS8062";

    /// <summary>The report's output folder cannot be created or written.</summary>
    public const string ReportNotWritten = "MLOPS8063";
}
