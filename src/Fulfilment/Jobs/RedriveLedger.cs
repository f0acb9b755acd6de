using System.Collections.Concurrent;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Remembers when this process last re-sent each order, so an order still queued behind a backlog is re-sent
/// once per <see cref="JobsOptions.RedriveAfter"/> rather than on every run, which would only deepen the backlog.
/// </summary>
public sealed class RedriveLedger
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastSent = new();

    /// <summary>Picks the stale orders due for a re-send and records them as sent now; forgets orders no longer stale.</summary>
    public IReadOnlySet<Guid> TakeDue(IReadOnlyCollection<Guid> stale, DateTimeOffset now, TimeSpan interval)
    {
        foreach (var id in _lastSent.Keys.Where(id => !stale.Contains(id)))
        {
            _lastSent.TryRemove(id, out _);
        }

        var due = stale.Where(id => !_lastSent.TryGetValue(id, out var sent) || now - sent >= interval).ToHashSet();
        foreach (var id in due)
        {
            _lastSent[id] = now;
        }

        return due;
    }
}
