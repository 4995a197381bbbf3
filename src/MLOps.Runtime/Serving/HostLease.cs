namespace MLOps.Runtime;

/// <summary>
/// A host with a count of its users: the service holds one reference while the host is current, each call one more
/// while it runs. A swap drops the service's reference; whoever drops the last one disposes the host. So a host is
/// disposed only after every call that captured it has finished, and a call never sees a disposed host: it can only
/// take a reference while the count is above zero, and retries on the new host otherwise.
/// </summary>
internal sealed class HostLease<TInput, TOutput>(ModelHost<TInput, TOutput> host)
    where TInput : class
    where TOutput : class, new()
{
    private int _references = 1;

    public ModelHost<TInput, TOutput> Host { get; } = host;

    public bool TryAcquire()
    {
        while (true)
        {
            int seen = Volatile.Read(ref _references);
            if (seen == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, seen + 1, seen) == seen)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Host.Dispose();
        }
    }
}
