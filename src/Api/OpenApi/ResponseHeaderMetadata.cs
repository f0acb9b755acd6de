namespace Backend.Api.OpenApi;

/// <summary>
/// A header a response with <see cref="StatusCode"/> carries, as endpoint metadata, so the document declares it
/// (<see cref="ResponseHeadersTransformer"/>). <see cref="Type"/> is <c>string</c> or <c>int</c>.
/// </summary>
public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description, bool Required = true, Type? Type = null);
