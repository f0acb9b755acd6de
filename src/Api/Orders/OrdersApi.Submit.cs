using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;

using Backend.Api.Auth;
using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Validation;
using Backend.Validation.Orders;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    public static async Task<Results<WithHeaders<Accepted<OrderAcceptedResponse>>, ValidationProblem, ProblemHttpResult>> SubmitOrderAsync(
        SubmitOrderRequest request,
        // The length is checked with the body (SubmitOrderValidation); the attribute only documents it.
        [FromHeader(Name = ApiHeaders.IdempotencyKey), StringLength(SubmitOrderValidation.MaxIdempotencyKeyLength, MinimumLength = 1)]
        string? idempotencyKey,
        ClaimsPrincipal user,
        [AsParameters] OrderServices services,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (SubmitOrderValidation.Validate(request, idempotencyKey, errors) is not { } valid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var customerId = ApiCaller.From(user).CustomerId
            ?? throw new InvalidOperationException("The Client policy admits only keys that carry a customer id.");
        var now = services.Clock.GetUtcNow();
        var order = Order.Accept(
            Guid.CreateVersion7(now),
            customerId,
            valid.Lines,
            valid.PaymentToken,
            valid.ShipTo,
            now,
            idempotencyKey is null ? null : new IdempotencyRecord(idempotencyKey, OrderFingerprint.Of(valid)),
            Activity.Current?.TraceId.ToString());

        switch (await services.Store.TryAddAsync(order, cancellationToken))
        {
            case AddOrderOutcome.Added:
                await PublishSubmitOrderAsync(order, services, cancellationToken);
                Log.OrderAccepted(services.Logger, order.Id, customerId);
                return AcceptedOrder(order, services, replayed: false);

            case AddOrderOutcome.DuplicateIdempotencyKey:
                return await ReplayAsync(order, services, cancellationToken);

            default:
                throw new InvalidOperationException($"A fresh version 7 id {order.Id} collided with a stored order.");
        }
    }

    // The order insert is the one atomic record of an Idempotency-Key: once the store reports the key taken, the
    // first order is stored whole, so the spec's 409 "same key while the first is still being recorded" cannot
    // arise. A first order gone by now (retention removed it) is the one case left, and sending again succeeds.
    private static async Task<Results<WithHeaders<Accepted<OrderAcceptedResponse>>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        Order attempted, OrderServices services, CancellationToken cancellationToken)
    {
        var key = attempted.Idempotency!;
        var first = await services.Store.FindByIdempotencyKeyAsync(attempted.CustomerId, key.Key, cancellationToken);
        if (first is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                detail: $"The order first sent with this {ApiHeaders.IdempotencyKey} is no longer held; send the request again.");
        }

        if (first.Idempotency?.RequestFingerprint != key.RequestFingerprint)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: $"This {ApiHeaders.IdempotencyKey} was already used for a different order request.");
        }

        Log.IdempotentReplay(services.Logger, first.Id);
        return AcceptedOrder(first, services, replayed: true);
    }

    // A failed publish still answers 202: the stored order is the outbox, and the re-drive job re-sends
    // SubmitOrder for orders that stay Accepted. OrderAccepted is a notice only, so it is not re-sent.
    private static async Task PublishSubmitOrderAsync(Order order, OrderServices services, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(services.Options.Value.PublishTimeoutSeconds));
        try
        {
            await services.Publisher.Publish(SubmitOrderMapping.ToSubmitOrder(order), timeout.Token);
            await services.Publisher.Publish(new OrderAccepted(order.Id, order.CustomerId, order.AcceptedAt), timeout.Token);
        }
        catch (Exception exception)
        {
            Log.SubmitPublishFailed(services.Logger, order.Id, exception);
        }
    }

    private static WithHeaders<Accepted<OrderAcceptedResponse>> AcceptedOrder(Order order, OrderServices services, bool replayed)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = services.Options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (replayed)
        {
            headers[ApiHeaders.IdempotentReplayed] = "true";
        }

        return new(TypedResults.Accepted(LocationOf(order.Id), new OrderAcceptedResponse(order.Id, order.Status)), headers);
    }
}
