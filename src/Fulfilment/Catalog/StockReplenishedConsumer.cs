using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Messaging;

using MassTransit;

namespace Backend.Fulfilment.Catalog;

/// <summary>Counts a warehouse receipt once, however often it is delivered.</summary>
public sealed class StockReplenishedConsumer(IProductStore products, StockLevels stockLevels) : IConsumer<StockReplenished>
{
    public async Task Consume(ConsumeContext<StockReplenished> context)
    {
        var message = context.Message;
        MessageValidation.Require(Sku.IsValid(message.Sku), $"'Sku' must match {Sku.Pattern}.");
        MessageValidation.Require(ProductLimits.IsReceiptQuantity(message.Quantity),
            $"'Quantity' must be 1 to {ProductLimits.MaxReceiptQuantity}.");
        MessageValidation.Require(ProductLimits.IsReceiptId(message.ReceiptId),
            $"'ReceiptId' must have 1 to {ProductLimits.MaxReceiptIdLength} characters.");

        var outcome = await products.ReceiveAsync(message.Sku, message.Quantity, message.ReceiptId, context.CancellationToken);
        if (outcome == ReceiptOutcome.UnknownSku)
        {
            throw new MissingReferenceException($"Product '{message.Sku}' does not exist.");
        }

        await stockLevels.CheckAsync([message.Sku], context.CancellationToken);
    }
}

public sealed class StockReplenishedConsumerDefinition : ConsumerDefinition<StockReplenishedConsumer>
{
    public StockReplenishedConsumerDefinition() => EndpointName = QueueNames.StockReplenished;
}
