using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Messaging;

using MassTransit;

namespace Backend.Fulfilment.Catalog;

public sealed class UpsertProductConsumer(IProductStore products, StockLevels stockLevels) : IConsumer<UpsertProduct>
{
    public async Task Consume(ConsumeContext<UpsertProduct> context)
    {
        var message = context.Message;
        MessageValidation.Require(Sku.IsValid(message.Sku), $"'Sku' must match {Sku.Pattern}.");
        var name = message.Name?.Trim();
        MessageValidation.Require(ProductLimits.IsName(name), $"'Name' must have 1 to {ProductLimits.MaxNameLength} characters.");
        MessageValidation.Require(ProductLimits.IsUnitPrice(message.UnitPrice),
            $"'UnitPrice' must be 0 to {ProductLimits.MaxUnitPrice}, with at most two decimals.");
        MessageValidation.Require(message.ReorderPoint >= 0, "'ReorderPoint' must be zero or more.");

        await products.UpsertAsync(
            new ProductDefinition(message.Sku, name!, message.UnitPrice, message.Active, message.ReorderPoint), context.CancellationToken);
        await stockLevels.CheckAsync([message.Sku], context.CancellationToken);
    }
}

public sealed class UpsertProductConsumerDefinition : ConsumerDefinition<UpsertProductConsumer>
{
    public UpsertProductConsumerDefinition() => EndpointName = QueueNames.UpsertProduct;
}
