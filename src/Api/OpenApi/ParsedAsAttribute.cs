namespace Backend.Api.OpenApi;

/// <summary>
/// Documents a parameter bound as text, so that the handler can answer a bad value per field, as the type it is
/// parsed to: <c>int</c> (with <see cref="Minimum"/> and <see cref="Maximum"/>), an enum, <c>DateTimeOffset</c>
/// (<c>date-time</c>) or <c>DateOnly</c> (<c>date</c>). Applied by <see cref="ParsedParametersTransformer"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ParsedAsAttribute(Type type) : Attribute
{
    public Type Type => type;

    public long Minimum { get; init; } = long.MinValue;

    public long Maximum { get; init; } = long.MaxValue;
}
