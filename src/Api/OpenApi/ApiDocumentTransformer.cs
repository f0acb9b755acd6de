using Backend.Api.Auth;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>
/// The document's title and description, no server (it would name whichever host served it), and the health
/// endpoints, which are mapped outside the API.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Title = "Backend API";

    // The paths Backend.Hosting maps; the conformance tests call them, so a move shows up there.
    private static readonly (string Path, string OperationId, string Summary, bool CanBeUnhealthy)[] HealthEndpoints =
    [
        ("/health/live", "GetLiveness", "The process answers.", false),
        ("/health/ready", "GetReadiness", "The broker and the store are reachable.", true),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            Description =
                "Order fulfilment over HTTP: submit an order (202 Accepted at once), poll it until it is final, cancel it; " +
                "read the catalog; operators also record shipments, write products and stock, and read reports.\n\n" +
                $"**Authentication**: send an API key in the `{ApiClaims.HeaderName}` header. A *Client* key belongs to one " +
                "customer and sees that customer's orders only; an *Operator* key sees everything and may use the " +
                "operator-only operations. Each operation states the role it needs (its security requirement lists it); " +
                "no key or an unknown one gets 401, a key of the wrong role 403.\n\n" +
                "Every error is RFC 9457 problem details. The messages other systems publish to RabbitMQ are documented " +
                "in `docs/messaging.md` of the repository.",
        };

        // The generator names the host that asked for the document; a client sets its own base address, and the API
        // page uses the one it was opened from.
        document.Servers = [];
        document.Paths ??= [];
        foreach (var (path, operationId, summary, canBeUnhealthy) in HealthEndpoints)
        {
            var responses = new OpenApiResponses { ["200"] = HealthResponse("Healthy") };
            if (canBeUnhealthy)
            {
                responses["503"] = HealthResponse("Unhealthy");
            }

            document.Paths[path] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Get] = new()
                    {
                        OperationId = operationId,
                        Summary = summary,
                        Description = "No API key needed.",
                        Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                        Responses = responses,
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse HealthResponse(string status) => new()
    {
        Description = status,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create(status)] } },
        },
    };
}
