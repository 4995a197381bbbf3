// FlightDelay.Api: the FlightDelay model over HTTP, from its package, swapping in newer versions from the feed live.
// Endpoints: POST /predict, GET /model, GET /health, POST /model/reload, GET /metrics (README.md beside this file).
using FlightDelay.Api;
using FlightDelay.Model;
using MLOps.Runtime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

var builder = WebApplication.CreateBuilder(args);
if (LoopbackOnly.Check(builder.Configuration) is { } refused)
{
    Console.Error.WriteLine($"FlightDelay.Api: {refused}");
    return 2;
}

ServingSettings settings = builder.Configuration.GetSection("Model").Get<ServingSettings>() ?? new ServingSettings();
if (settings.MaxBatchRows < 1)
{
    Console.Error.WriteLine($"FlightDelay.Api: Model:MaxBatchRows is {settings.MaxBatchRows}. Give the most rows one request may hold, 1 or more.");
    return 2;
}
builder.Services.AddSingleton(new InputSchemas(settings.MaxBatchRows));
builder.Services.AddSingleton(sp => ModelServiceFactory.Start(settings, builder.Environment.ContentRootPath, sp));
builder.Services.AddSingleton(sp => new ServingMetrics(() => sp.GetRequiredService<ModelService<FlightDelayInput, FlightDelayPrediction>>().Current));
builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("FlightDelay.Api")).WithMetrics(metrics => metrics.AddMeter(ServingMetrics.MeterName).AddPrometheusExporter());

WebApplication app = builder.Build();
try
{
    // Loaded before the first request, so a model that fails verification stops the service at start, not at a call.
    app.Services.GetRequiredService<ModelService<FlightDelayInput, FlightDelayPrediction>>();
    app.Services.GetRequiredService<ServingMetrics>();
}
catch (ModelLoadException e)
{
    // Exit codes as the mlops tool's: 1 a check failed (the model is not the one its lineage promises), 2 configuration.
    Console.Error.WriteLine($"FlightDelay.Api cannot serve: {e.Message}");
    return e.Code == RuntimeCodes.OptionsInvalid ? 2 : 1;
}

app.MapPost("/predict", PredictEndpoint.Handle);
app.MapGet("/model", ModelEndpoints.Model);
app.MapGet("/health", ModelEndpoints.Health);
app.MapPost("/model/reload", ModelEndpoints.Reload);
app.MapPrometheusScrapingEndpoint();
await app.RunAsync();
return 0;
