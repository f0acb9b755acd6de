using Backend.Contracts.Shipping;
using Backend.Domain.Orders;
using Backend.Validation;
using Backend.Validation.Shipping;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Orders;

/// <summary>The warehouse's shipment notice for systems that speak HTTP rather than AMQP.</summary>
public sealed record RecordShipmentRequest(string? Carrier, string? TrackingNumber);

public static partial class OrdersApi
{
    public static async Task<Results<Accepted, NotFound, ValidationProblem, ProblemHttpResult, ServiceUnavailable>> RecordShipmentAsync(
        Guid id, RecordShipmentRequest request, [AsParameters] OrderServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var message = new ShipmentDispatched(id, request.Carrier ?? "", request.TrackingNumber ?? "");
        if (!ShipmentDispatchedValidator.Validate(message, errors))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var shipment = new Shipment(message.Carrier, message.TrackingNumber);
        var now = services.Clock.GetUtcNow();
        var outcome = await RecordRequestAsync(
            id, _ => true, OrderStatus.Shipped, order => order.RequestShipment(shipment, now), services, cancellationToken);
        if (outcome.Order is not { } order)
        {
            return outcome.NotFound ? TypedResults.NotFound() : outcome.Conflict is { } conflict ? conflict : outcome.Unavailable();
        }

        // Only the first parcel is recorded: another one could not be re-driven if its publish failed, so it is
        // refused rather than answered 202 and perhaps lost. The warehouse can still report it over AMQP, where it
        // becomes a conflict.
        if (order.ShipmentRequest?.Shipment is { } recorded && recorded != shipment)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Another shipment is recorded for this order",
                detail: $"The order's shipment is {recorded.Carrier} {recorded.TrackingNumber}.");
        }

        // Recorded on the order first, as a cancel is: a failed publish still answers 202 and is re-driven.
        await services.Publisher.TryPublishAsync(
            message, services.Options.Value.PublishTimeoutSeconds,
            exception => Log.RequestPublishFailed(services.Logger, order.Id, nameof(ShipmentDispatched), exception), cancellationToken);
        Log.ShipmentRecorded(services.Logger, order.Id);
        return TypedResults.Accepted(LocationOf(order.Id));
    }
}
