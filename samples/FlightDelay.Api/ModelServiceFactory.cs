using FlightDelay.Model;
using MLOps.Runtime;

namespace FlightDelay.Api;

/// <summary>Starts the one <see cref="ModelService{TInput, TOutput}"/> the service keeps, from the "Model" settings.</summary>
public static class ModelServiceFactory
{
    public const string PackageId = "FlightDelay.Model";

    /// <summary>
    /// Loads the packaged model (mlops/FlightDelay/ beside the app, verified against its lineage: a tampered file throws
    /// MLOPS6002 and the service does not start), reads its schema, and polls the feed when one is configured.
    /// </summary>
    public static ModelService<FlightDelayInput, FlightDelayPrediction> Start(ServingSettings settings, string contentRoot, IServiceProvider services)
    {
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FlightDelay.Api.Model");
        InputSchemas schemas = services.GetRequiredService<InputSchemas>();
        string directory = settings.Directory.Length > 0
            ? Path.GetFullPath(settings.Directory, contentRoot)
            : ModelDirectory.Default(FlightDelayModel.Name);
        IModelSource? source = settings.Feed.Length > 0
            ? new SchemaTrackingSource(ModelSources.Feed(Resolve(settings.Feed, contentRoot), PackageId, settings.IncludePrerelease,
                settings.CacheDirectory.Length > 0 ? Path.GetFullPath(settings.CacheDirectory, contentRoot) : null), schemas, logger)
            : null;
        var service = ModelService<FlightDelayInput, FlightDelayPrediction>.Start(new ModelServiceOptions
        {
            ModelName = FlightDelayModel.Name,
            Directory = directory,
            Source = source,
            PollInterval = source is not null && settings.PollSeconds > 0 ? TimeSpan.FromSeconds(settings.PollSeconds) : null,
            Log = settings.Log.Directory.Length > 0
                ? new PredictionLogOptions
                {
                    Directory = Path.GetFullPath(settings.Log.Directory, contentRoot),
                    SampleRate = settings.Log.SampleRate,
                    MaxFileBytes = settings.Log.MaxFileBytes,
                    MaxFiles = settings.Log.MaxFiles,
                }
                : null,
        });
        try
        {
            schemas.Add(directory);
        }
        catch
        {
            service.Dispose();
            throw;
        }

        service.Swapped += (old, now) => ServiceLog.Swapped(logger, now.Name, now.Version, now.ModelSha256, now.Source, old.Version);
        service.ReloadFailed += result => ServiceLog.Refused(logger, result.Current.Version, result.Message);
        ModelInfo info = service.Current;
        ServiceLog.Serving(logger, info.Name, info.Version, info.ModelSha256, info.Source, source is null ? "none" : settings.Feed);
        return service;
    }

    // A folder feed is relative to the content root; an HTTP feed is a URL.
    private static string Resolve(string feed, string contentRoot) =>
        Uri.TryCreate(feed, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" ? feed : Path.GetFullPath(feed, contentRoot);
}
