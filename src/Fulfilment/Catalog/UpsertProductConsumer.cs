using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Messaging;
using Backend.Validation;
using Backend.Validation.Catalog;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Catalog;

/// <summary>
/// Applies a product definition in the source system's order: the store keeps what the message leaves out and
/// ignores a version it has already seen, so a redelivered or overtaken message never undoes a newer one.
/// </summary>
public sealed class UpsertProductConsumer(IProductStore products, StockLevels stockLevels, ILogger<UpsertProductConsumer> logger)
    : IConsumer<UpsertProduct>
{
    public async Task Consume(ConsumeContext<UpsertProduct> context)
    {
        var message = context.Message;
        var errors = new ValidationErrors();
        var definition = UpsertProductValidator.Validate(message, errors) ?? throw InvalidMessages.From(errors);

        switch (await products.UpsertAsync(definition, context.CancellationToken))
        {
            case UpsertOutcome.Stale:
                Log.StaleUpsertIgnored(logger, message.Sku, message.Version);
                return;

            case UpsertOutcome.Incomplete:
                // Refused at once rather than retried in case a create is queued behind it: the documented rule is
                // that a product's first message carries its name and price, and an operator can redeliver it.
                UpsertProductValidator.RequireCreatable(message, errors);
                throw InvalidMessages.From(errors);

            default:
                await stockLevels.CheckAsync([message.Sku], context.CancellationToken);
                return;
        }
    }
}

public sealed class UpsertProductConsumerDefinition : ConsumerDefinition<UpsertProductConsumer>
{
    public UpsertProductConsumerDefinition() => EndpointName = QueueNames.UpsertProduct;
}
