using System.Globalization;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>
/// What the pipeline, not the handler, answers: every error response carries problem details (the status code
/// pages write them where a handler returns a bare 404), and an operation that reads a body can also get 413
/// (<see cref="Limits.RequestBodyLimit"/>) and 415 (a content type other than JSON).
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().Any())
        {
            operation.Responses.TryAdd(
                Code(StatusCodes.Status413PayloadTooLarge),
                ProblemResponse.Create("The body is over the size limit; nothing was read.", context.Document));
            operation.Responses.TryAdd(
                Code(StatusCodes.Status415UnsupportedMediaType),
                ProblemResponse.Create("The body is not sent as application/json.", context.Document));
        }

        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (int.TryParse(code, CultureInfo.InvariantCulture, out var status) && status >= 400 && response.Content is not { Count: > 0 })
            {
                operation.Responses[code] = ProblemResponse.Create(
                    string.IsNullOrEmpty(response.Description) ? ReasonPhrases.GetReasonPhrase(status) : response.Description, context.Document);
            }
        }

        return Task.CompletedTask;
    }

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
