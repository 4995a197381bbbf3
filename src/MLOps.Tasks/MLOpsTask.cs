using Microsoft.Build.Utilities;
using MLOps.Core.Diagnostics;

namespace MLOps.Tasks;

/// <summary>
/// Base of every MLOps task: runs the step, renders the core's diagnostics in MSBuild's format
/// (code, file, line, column) and fails the task when any was an error. Steps report problems; they do
/// not throw them.
/// </summary>
public abstract class MLOpsTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        var bag = new DiagnosticBag();
        Run(bag);
        foreach (Diagnostic d in bag)
        {
            if (d.Severity == Severity.Error)
            {
                Log.LogError(null, d.Code, d.Code, d.File, d.Line, d.Column, 0, 0, d.Message);
            }
            else
            {
                Log.LogWarning(null, d.Code, d.Code, d.File, d.Line, d.Column, 0, 0, d.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void Run(DiagnosticBag bag);

    protected void Progress(string message) => Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, message);
}
