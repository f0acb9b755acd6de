using System.Globalization;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>Declares the headers each response carries, from the endpoint's <see cref="ResponseHeaderMetadata"/>.</summary>
internal sealed class ResponseHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var header in context.Description.ActionDescriptor.EndpointMetadata.OfType<ResponseHeaderMetadata>())
        {
            var code = header.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.GetValueOrDefault(code) is not OpenApiResponse response)
            {
                throw new InvalidOperationException(
                    $"{context.Description.RelativePath} declares the header {header.Name} on {code}, a response it does not declare.");
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[header.Name] = new OpenApiHeader
            {
                Description = header.Description,
                Required = header.Required,
                Schema = new OpenApiSchema
                {
                    Type = header.Type == typeof(int) ? JsonSchemaType.Integer : JsonSchemaType.String,
                    Minimum = header.Type == typeof(int) ? "0" : null,
                },
            };
        }

        return Task.CompletedTask;
    }
}
