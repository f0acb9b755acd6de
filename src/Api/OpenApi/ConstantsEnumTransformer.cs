using System.Reflection;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>Documents a property marked <see cref="OneOfConstantsAttribute"/> as an enum of those constants.</summary>
internal sealed class ConstantsEnumTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
            && provider.GetCustomAttributes(typeof(OneOfConstantsAttribute), inherit: true).FirstOrDefault() is OneOfConstantsAttribute constants)
        {
            List<JsonNode?> values = [.. constants.Values.Select(value => (JsonNode)JsonValue.Create(value))];
            if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
            {
                values.Add(null);
            }

            schema.Enum = values!;
        }

        return Task.CompletedTask;
    }
}
