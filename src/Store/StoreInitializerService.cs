using Microsoft.Extensions.Hosting;

namespace Backend.Store;

/// <summary>
/// Creates the schema in <see cref="StartingAsync"/>, which the host runs before any hosted service's
/// StartAsync, so consumers and jobs never start against a store without its tables or indexes.
/// </summary>
internal sealed class StoreInitializerService(IStoreInitializer initializer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
