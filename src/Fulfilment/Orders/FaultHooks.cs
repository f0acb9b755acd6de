using System.Diagnostics;

using Backend.Domain.Orders;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Orders;

/// <summary>Section <c>Faults</c>: crashes on purpose, for the fault tests. Honoured only outside Production.</summary>
public sealed class FaultOptions
{
    public const string SectionName = "Faults";

    /// <summary>The process kills itself (SIGKILL, no cleanup) right after it stores an order's final state.</summary>
    public bool KillAfterFinalStateSaved { get; set; }

    /// <summary>Every job run this process claims waits this long before it works, so a test can kill it mid-run.</summary>
    public TimeSpan JobRunDelay { get; set; }
    /// <summary>The process kills itself right after it stores a failed message, before the error queue has its acknowledgement.</summary>
    public bool KillAfterFailedMessageStored { get; set; }
}

/// <summary>
/// The points where the fault tests crash a worker: between storing a final state and settling it is where the
/// settlement mark must carry the order over a crash. Inert unless configured, and always inert in Production.
/// </summary>
public sealed class FaultHooks(IOptions<FaultOptions> options, IHostEnvironment environment, ILogger<FaultHooks> logger)
{
    private readonly bool _killAfterFinalStateSaved = options.Value.KillAfterFinalStateSaved && !environment.IsProduction();
    private readonly TimeSpan _jobRunDelay = environment.IsProduction() ? TimeSpan.Zero : options.Value.JobRunDelay;
    private readonly bool _killAfterFailedMessageStored = options.Value.KillAfterFailedMessageStored && !environment.IsProduction();

    public void AfterFinalStateSaved(Order order)
    {
        if (_killAfterFinalStateSaved && order.Status.IsFinal())
        {
            Log.FaultInjected(logger, order.Id, order.Status);
            Process.GetCurrentProcess().Kill();
        }
    }

    public Task BeforeJobRunAsync(string job, CancellationToken cancellationToken)
    {
        if (_jobRunDelay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        Log.JobRunDelayed(logger, job, _jobRunDelay);
        return Task.Delay(_jobRunDelay, cancellationToken);
    }

    public void AfterFailedMessageStored(Guid id)
    {
        if (_killAfterFailedMessageStored)
        {
            Log.FailedMessageFaultInjected(logger, id);
            Process.GetCurrentProcess().Kill();
        }
    }
}
