using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>Gives each parameter marked <see cref="ParsedAsAttribute"/> the schema of the type it is parsed to.</summary>
internal sealed class ParsedParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var parsedAs = (description.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<ParsedAsAttribute>();
            if (parsedAs is not null && operation.Parameters?.FirstOrDefault(p => p.Name == description.Name) is OpenApiParameter parameter)
            {
                parameter.Schema = SchemaOf(parsedAs);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaOf(ParsedAsAttribute parsedAs) => parsedAs.Type switch
    {
        { IsEnum: true } type => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name))],
        },
        var type when type == typeof(int) => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = parsedAs.Minimum == long.MinValue ? null : parsedAs.Minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = parsedAs.Maximum == long.MaxValue ? null : parsedAs.Maximum.ToString(CultureInfo.InvariantCulture),
        },
        var type when type == typeof(DateTimeOffset) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        var type when type == typeof(DateOnly) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        var type => throw new NotSupportedException($"[ParsedAs] does not document {type.Name} yet."),
    };
}
