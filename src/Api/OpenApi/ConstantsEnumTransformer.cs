using System.Reflection;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>
/// Documents a property marked <see cref="OneOfConstantsAttribute"/> as one enum schema named after the constants'
/// class, so a generated client has one type for those values wherever they appear. The property is marked here
/// and replaced by a reference once the document is whole (<see cref="TransformAsync(OpenApiDocument, OpenApiDocumentTransformerContext, CancellationToken)"/>).
/// </summary>
internal sealed class ConstantsEnumTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private const string MetadataKey = "backend-constants";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
            && provider.GetCustomAttributes(typeof(OneOfConstantsAttribute), inherit: true).FirstOrDefault() is OneOfConstantsAttribute constants)
        {
            schema.Metadata ??= new Dictionary<string, object>();
            schema.Metadata[MetadataKey] = constants;
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var owner in schemas.Values.OfType<OpenApiSchema>().ToList())
        {
            foreach (var (name, property) in (owner.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList())
            {
                if (property is OpenApiSchema { Metadata: { } metadata } inline && metadata.TryGetValue(MetadataKey, out var marked) && marked is OneOfConstantsAttribute constants)
                {
                    schemas.TryAdd(constants.Type.Name, new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. constants.Values.Select(value => (JsonNode)JsonValue.Create(value))],
                    });
                    IOpenApiSchema reference = new OpenApiSchemaReference(constants.Type.Name, document);
                    owner.Properties![name] = inline.Type?.HasFlag(JsonSchemaType.Null) == true
                        ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] }
                        : reference;
                }
            }
        }

        return Task.CompletedTask;
    }
}
