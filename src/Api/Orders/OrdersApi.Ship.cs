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
    public static async Task<Results<Accepted, NotFound, ValidationProblem, ProblemHttpResult>> RecordShipmentAsync(
        Guid id, RecordShipmentRequest request, [AsParameters] OrderServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var message = new ShipmentDispatched(id, request.Carrier ?? "", request.TrackingNumber ?? "");
        if (!ShipmentDispatchedValidator.Validate(message, errors))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var order = await services.Store.FindAsync(id, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }

        if (order.Status != OrderStatus.Confirmed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Only a confirmed order can ship",
                detail: $"The order is {order.Status}.");
        }

        await services.Publisher.Publish(message, cancellationToken);
        Log.ShipmentRecorded(services.Logger, order.Id);
        return TypedResults.Accepted(LocationOf(order.Id));
    }
}
