using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

internal static class ProblemResponse
{
    public const string MediaType = "application/problem+json";

    /// <summary>A response whose body is RFC 9457 problem details, as every error this API sends.</summary>
    public static OpenApiResponse Create(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaType] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
        },
    };
}
