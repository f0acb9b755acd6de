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
        MessageValidation.RequirePositive(message.Quantity, nameof(message.Quantity));
        var receiptId = MessageValidation.RequireText(message.ReceiptId, nameof(message.ReceiptId));

        var outcome = await products.ReceiveAsync(message.Sku, message.Quantity, receiptId, context.CancellationToken);
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
