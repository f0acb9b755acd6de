using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.Limits;

/// <summary>
/// Declares the rate limiter's 429 (problem details with <c>Retry-After</c>) on every operation of the document, the
/// health endpoints included, since the limiter answers for every endpoint, present and future, rather than any one
/// handler. A document transformer, run last, so operations other transformers add are covered too.
/// </summary>
internal sealed class TooManyRequestsResponseTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            Declare(operation, schema);
        }
    }

    private static void Declare(OpenApiOperation operation, OpenApiSchema schema)
    {
        operation.Responses ??= [];
        operation.Responses[StatusCodes.Status429TooManyRequests.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = "Too many requests from this API key (or, without a valid key, from this address).",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the limit's window resets.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = schema },
            },
        };
    }
}
