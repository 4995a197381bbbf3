namespace MLOps.Runtime;

/// <summary>Reloads: ask the source for a newer model, load and verify it beside the current one, swap, or keep serving.</summary>
public sealed partial class ModelService<TInput, TOutput>
{
    /// <summary>
    /// Asks the source for a newer model now and swaps to it when it loads and verifies. A candidate refused before is
    /// tried again. Never throws for a bad candidate or source: the result says Failed with the MLOPS6xxx code, and the
    /// current model keeps serving.
    /// </summary>
    public Task<ReloadResult> ReloadAsync(CancellationToken ct = default) => ReloadAsync(retryRefused: true, ct);

    private async Task<ReloadResult> ReloadAsync(bool retryRefused, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _reloadGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Disposed while waiting: the service's host is released, nothing may be swapped in any more.
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return await ReloadCoreAsync(retryRefused, ct).ConfigureAwait(false);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private async Task<ReloadResult> ReloadCoreAsync(bool retryRefused, CancellationToken ct)
    {
        ModelInfo current = Current;
        ModelCandidate? candidate;
        try
        {
            candidate = await _source.FindNewerAsync(current, ct).ConfigureAwait(false);
        }
        catch (ModelLoadException e)
        {
            return Fail(current, e.Code, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return Fail(current, RuntimeCodes.SourceUnreachable, $"{RuntimeCodes.SourceUnreachable}: the model source could not be read: {e.Message}");
        }

        if (candidate is null)
        {
            return ReloadResult.Unchanged(current);
        }

        if (candidate.Key == _sameKey)
        {
            return ReloadResult.Unchanged(current);
        }

        if (!retryRefused && candidate.Key == _refusedKey && _lastFailure is { } refused)
        {
            return refused;
        }

        ModelHost<TInput, TOutput> host;
        try
        {
            ModelOrigin origin = candidate.Origin with { Name = _options.ModelName };
            host = await Task.Run(() => ModelHost<TInput, TOutput>.Create(LoadedModel.Load(candidate.Directory, origin)), ct).ConfigureAwait(false);
        }
        catch (ModelLoadException e)
        {
            _refusedKey = candidate.Key;
            return Fail(current, e.Code, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The candidate's files went away or are locked while being read: try again at the next reload.
            return Fail(current, RuntimeCodes.SourceUnreachable, $"{RuntimeCodes.SourceUnreachable}: '{candidate.Directory}' could not be read: {e.Message}");
        }

        if (current.PackageId is { } served && host.Info.PackageId is { } offered && !string.Equals(served, offered, StringComparison.OrdinalIgnoreCase))
        {
            host.Dispose();
            _refusedKey = candidate.Key;
            return Fail(current, RuntimeCodes.ModelNameMismatch, $"{RuntimeCodes.ModelNameMismatch}: '{candidate.Directory}' holds {offered}, but this service serves {served}. Point the source at {served}'s folder or package.");
        }

        if (string.Equals(host.Info.ModelSha256, current.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            // The same model under another name (a version repacked): remembered, so polling does not load it again.
            _sameKey = candidate.Key;
            host.Dispose();
            return ReloadResult.Unchanged(current);
        }

        return Swap(host);
    }

    private ReloadResult Swap(ModelHost<TInput, TOutput> host)
    {
        var next = new HostLease<TInput, TOutput>(host);
        HostLease<TInput, TOutput> old = Interlocked.Exchange(ref _current, next);
        ModelInfo previous = old.Host.Info;
        old.Release();
        _refusedKey = null;
        _sameKey = null;
        Volatile.Write(ref _lastFailure, null);
        Swapped?.Invoke(previous, host.Info);
        return ReloadResult.Swapped(previous, host.Info);
    }

    private ReloadResult Fail(ModelInfo current, string code, string message)
    {
        var result = ReloadResult.Failed(current, code, message);
        Volatile.Write(ref _lastFailure, result);
        ReloadFailed?.Invoke(result);
        return result;
    }

    private async Task PollAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                await ReloadAsync(retryRefused: false, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopped by Dispose
        }
    }
}
