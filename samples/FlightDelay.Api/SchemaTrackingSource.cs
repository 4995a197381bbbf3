using System.Text.Json;
using MLOps.Runtime;

namespace FlightDelay.Api;

/// <summary>A model source that reads each candidate's schema into <see cref="InputSchemas"/> on the way.</summary>
public sealed class SchemaTrackingSource(IModelSource inner, InputSchemas schemas, ILogger logger) : IModelSource
{
    public async Task<ModelCandidate?> FindNewerAsync(ModelInfo current, CancellationToken ct)
    {
        ModelCandidate? candidate = await inner.FindNewerAsync(current, ct).ConfigureAwait(false);
        if (candidate is not null)
        {
            try
            {
                schemas.Add(candidate.Directory);
            }
            catch (Exception e) when (e is IOException or JsonException or ModelLoadException)
            {
                // The runtime decides whether the candidate serves; without its schema it is checked by the first one's.
                ServiceLog.SchemaUnreadable(logger, candidate.Directory, e.Message);
            }
        }
        return candidate;
    }
}
