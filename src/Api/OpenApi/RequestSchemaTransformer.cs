using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>
/// A request record declares every field nullable in C#, so that a missing one becomes a per-field validation error
/// rather than a JSON failure; the document tells what the validator accepts instead. A field the record leaves
/// without a default (so the schema lists it as required) may not be null either; one with a default may be left
/// out or sent as null. Applies to every schema named <c>…Request</c>; <c>RequestSchemaTests</c> holds each one to
/// the validator's answers.
/// </summary>
internal sealed class RequestSchemaTransformer : IOpenApiDocumentTransformer
{
    public const string Suffix = "Request";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var requests = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .Where(pair => pair.Key.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(pair => pair.Value)
            .OfType<OpenApiSchema>();
        foreach (var schema in requests)
        {
            foreach (var name in schema.Required ?? new HashSet<string>())
            {
                if (schema.Properties is { } properties && properties.TryGetValue(name, out var property) && property is OpenApiSchema inline)
                {
                    properties[name] = NotNull(inline);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static IOpenApiSchema NotNull(OpenApiSchema property)
    {
        if (property.OneOf is { Count: 2 } oneOf && oneOf.SingleOrDefault(member => member.Type != JsonSchemaType.Null) is { } other)
        {
            return other;
        }

        property.Type &= ~JsonSchemaType.Null;
        return property;
    }
}
