using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Messaging;
using Backend.Validation;
using Backend.Validation.Catalog;

using MassTransit;

namespace Backend.Fulfilment.Catalog;

/// <summary>Counts a warehouse receipt once, however often it is delivered.</summary>
public sealed class StockReplenishedConsumer(IProductStore products, StockLevels stockLevels) : IConsumer<StockReplenished>
{
    public async Task Consume(ConsumeContext<StockReplenished> context)
    {
        var message = context.Message;
        var errors = new ValidationErrors();
        if (!StockReplenishedValidator.Validate(message, errors))
        {
            throw InvalidMessages.From(errors);
        }

        var outcome = await products.ReceiveAsync(message.Sku, message.Quantity, message.ReceiptId, context.CancellationToken);
        switch (outcome)
        {
            case ReceiptOutcome.UnknownSku:
                throw new MissingReferenceException($"Product '{message.Sku}' does not exist.");
            case ReceiptOutcome.OverLimit:
                throw new InvalidMessageException(
                    $"'quantity': counting it would take the on-hand count of '{message.Sku}' past {ProductLimits.MaxOnHand}.");
        }

        await stockLevels.CheckAsync([message.Sku], context.CancellationToken);
    }
}

public sealed class StockReplenishedConsumerDefinition : ConsumerDefinition<StockReplenishedConsumer>
{
    public StockReplenishedConsumerDefinition() => EndpointName = QueueNames.StockReplenished;
}
