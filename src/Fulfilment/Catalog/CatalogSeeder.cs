using Backend.Domain.Catalog;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Catalog;

/// <summary>
/// Creates the configured products on first start, and never changes them afterwards. Opening stock is booked
/// as a receipt with a fixed id, so a restart, or a second process seeding the same file, never counts it twice.
/// </summary>
public sealed class CatalogSeeder(IProductStore products, IOptions<CatalogSeedOptions> options, ILogger<CatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in options.Value.Seed)
        {
            if (await products.FindAsync(seed.Sku, cancellationToken) is null)
            {
                await products.UpsertAsync(new ProductDefinition(seed.Sku, seed.Name, seed.UnitPrice, true, seed.ReorderPoint), cancellationToken);
                Log.ProductSeeded(logger, seed.Sku, seed.OnHand);
            }

            // Booked on every start, not only the first: a start that crashed between the two calls still gets
            // its opening stock, and the fixed receipt id keeps it from counting twice.
            if (seed.OnHand > 0)
            {
                await products.ReceiveAsync(seed.Sku, seed.OnHand, $"seed-{seed.Sku}", cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
