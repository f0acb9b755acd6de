using Backend.Client.Models;

using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Backend.Client.Tests;

/// <summary>
/// The README's session through a client Kiota generated from <c>docs/openapi.json</c>, against the standalone host:
/// what a client team gets from the document alone.
/// </summary>
public sealed class GeneratedClientTests(StandaloneHost host) : IClassFixture<StandaloneHost>, IDisposable
{
    private const string ClientKey = "demo-client-key";

    // Confirmed within a second on an idle machine; CI machines are shared and busy.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<HttpClientRequestAdapter> _adapters = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readme_session_completes_when_run_through_the_generated_client()
    {
        var client = Connect(ClientKey);

        var products = await client.Api.Products.GetAsync(cancellationToken: Cancellation);
        products!.ShouldContain(product => product.Sku == "GADGET-2" && product.Available > 0);

        // The README's first order, with nothing but a country to ship to.
        var firstOrder = new SubmitOrderRequest
        {
            Lines = [new OrderLineRequest { Sku = "GADGET-2", Quantity = 3 }],
            PaymentToken = "tok_visa",
            ShipTo = new ShipToRequest { Country = "US" },
        };
        var submitted = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var accepted = await client.Api.Orders.PostAsync(firstOrder, request =>
        {
            request.Headers.Add("Idempotency-Key", "first-order");
            request.Options.Add(submitted);
        }, Cancellation);
        accepted!.Status.ShouldBe(OrderStatus.Accepted);
        submitted.ResponseHeaders["Location"].ShouldBe([$"/api/orders/{accepted.Id}"]);
        submitted.ResponseHeaders["Retry-After"].ShouldHaveSingleItem();

        var replayed = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var again = await client.Api.Orders.PostAsync(firstOrder, request =>
        {
            request.Headers.Add("Idempotency-Key", "first-order");
            request.Options.Add(replayed);
        }, Cancellation);
        again!.Id.ShouldBe(accepted.Id);
        replayed.ResponseHeaders["Idempotent-Replayed"].ShouldBe(["true"]);

        var confirmed = await PollUntilAsync(client, accepted.Id!.Value, OrderStatus.Confirmed);
        confirmed.Totals!.Total.ShouldBe(711.07);
        confirmed.Timeline!.Select(entry => entry.Status).ShouldBe([OrderStatus.Accepted, OrderStatus.Reserved, OrderStatus.Confirmed]);

        // Another order, cancelled; cancelling it again is refused with typed problem details.
        var other = await client.Api.Orders.PostAsync(
            new SubmitOrderRequest
            {
                Lines = [new OrderLineRequest { Sku = "WIDGET-1", Quantity = 1 }],
                PaymentToken = "tok_visa",
                ShipTo = new ShipToRequest { Country = "US" },
            },
            cancellationToken: Cancellation);
        await client.Api.Orders[other!.Id!.Value].Cancel.PostAsync(cancellationToken: Cancellation);
        await PollUntilAsync(client, other.Id.Value, OrderStatus.Cancelled);
        var conflict = await Should.ThrowAsync<ProblemDetails>(
            () => client.Api.Orders[other.Id.Value].Cancel.PostAsync(cancellationToken: Cancellation));
        conflict.ResponseStatusCode.ShouldBe(409);
        conflict.Status.ShouldBe(409);
        conflict.Detail.ShouldBe("The order is Cancelled.");

        var invalid = await Should.ThrowAsync<HttpValidationProblemDetails>(() => client.Api.Orders.PostAsync(
            new SubmitOrderRequest { Lines = [], PaymentToken = "tok_visa", ShipTo = new ShipToRequest { Country = "US" } },
            cancellationToken: Cancellation));
        invalid.ResponseStatusCode.ShouldBe(400);
        invalid.Errors!.AdditionalData.ShouldContainKey("lines");
    }

    [Fact]
    public async Task Typed_problem_details_when_a_client_key_asks_for_an_operator_operation()
    {
        var client = Connect(ClientKey);

        var forbidden = await Should.ThrowAsync<ProblemDetails>(
            () => client.Api.Reports.Daily[new Date(2031, 3, 5)].GetAsync(cancellationToken: Cancellation));

        forbidden.ResponseStatusCode.ShouldBe(403);
    }

    /// <summary>Polls as the README does: with If-None-Match, so an unchanged order answers 304 (null here).</summary>
    private static async Task<OrderView> PollUntilAsync(BackendClient client, Guid id, OrderStatus status)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        string? etag = null;
        OrderView? latest = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
            var view = await client.Api.Orders[id].GetAsync(request =>
            {
                request.Options.Add(headers);
                if (etag is not null)
                {
                    request.Headers.Add("If-None-Match", etag);
                }
            }, Cancellation);
            etag = headers.ResponseHeaders["ETag"].Single();
            latest = view ?? latest;
            if (latest?.Status == status)
            {
                return latest;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), Cancellation);
        }

        throw new TimeoutException($"Order {id} did not reach {status} within {Patience}; last seen {latest?.Status}.");
    }

    private BackendClient Connect(string apiKey)
    {
        var adapter = new HttpClientRequestAdapter(new ApiKeyHeader(apiKey)) { BaseUrl = host.Address.ToString().TrimEnd('/') };
        _adapters.Add(adapter);
        return new BackendClient(adapter);
    }

    public void Dispose()
    {
        foreach (var adapter in _adapters)
        {
            adapter.Dispose();
        }
    }

    /// <summary>
    /// Sends the key in X-Api-Key, as the document's scheme says. Kiota's own ApiKeyAuthenticationProvider sends a key
    /// over https only, and the test host has no certificate.
    /// </summary>
    private sealed class ApiKeyHeader(string apiKey) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(
            RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("X-Api-Key", apiKey);
            return Task.CompletedTask;
        }
    }
}
