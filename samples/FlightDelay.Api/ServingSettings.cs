namespace FlightDelay.Api;

/// <summary>The "Model" section of the configuration (appsettings.json, environment variables Model__Feed, or --Model:Feed=...).</summary>
public sealed class ServingSettings
{
    /// <summary>Where newer versions come from: a folder feed (relative to the content root) or an HTTP NuGet v3 URL; empty: no polling.</summary>
    public string Feed { get; set; } = "";

    /// <summary>How often to look for a newer version, in seconds; 0: only on POST /model/reload.</summary>
    public double PollSeconds { get; set; } = 30;

    /// <summary>Whether pre-release versions (1.1.0-beta) count as newer.</summary>
    public bool IncludePrerelease { get; set; }

    /// <summary>The most rows one POST /predict may hold (MLOPS6021 above it).</summary>
    public int MaxBatchRows { get; set; } = 10_000;

    /// <summary>The folder the model is loaded from at start; empty: mlops/FlightDelay/ beside the app, where the package puts it.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Where downloaded versions are extracted; empty: the runtime's default (a folder under the system temp folder).</summary>
    public string CacheDirectory { get; set; } = "";

    public LogSettings Log { get; set; } = new();

    /// <summary>The prediction log (JSON Lines, for drift checks and live metrics); off when Directory is empty.</summary>
    public sealed class LogSettings
    {
        public string Directory { get; set; } = "";

        public double SampleRate { get; set; } = 1.0;

        public long MaxFileBytes { get; set; } = 16L * 1024 * 1024;

        public int MaxFiles { get; set; } = 10;
    }
}
