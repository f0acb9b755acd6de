using Backend.Domain.Orders;

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Backend.Store;

internal sealed class StoreHealthCheck(IOrderStore store) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The store does not answer.");
}
