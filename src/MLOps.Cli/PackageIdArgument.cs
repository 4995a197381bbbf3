using System.CommandLine;

namespace MLOps.Cli;

/// <summary>The package id argument of the commands that read the feed.</summary>
internal static class PackageIdArgument
{
    public static Argument<string> Create() => new Argument<string>("packageId")
    {
        Description = "The package id of the model (or library) in the feed, e.g. FlightDelay.Model.",
    }.RejectingOptions();
}
