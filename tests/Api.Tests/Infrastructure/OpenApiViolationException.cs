namespace Backend.Api.Tests.Infrastructure;

/// <summary>A response that departs from <c>docs/openapi.json</c>.</summary>
public sealed class OpenApiViolationException(string message) : Exception(message);
