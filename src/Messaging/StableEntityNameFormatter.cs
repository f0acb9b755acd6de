using MassTransit;

namespace Backend.Messaging;

/// <summary>
/// Names each message type's exchange after the type alone ("backend.order-confirmed"), so renaming a .NET
/// namespace never moves an exchange that other systems publish to or bind on.
/// </summary>
public sealed class StableEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public const string Prefix = "backend.";

    public string FormatEntityName<T>() =>
        typeof(T).IsGenericType ? fallback.FormatEntityName<T>() : For(typeof(T));

    public static string For(Type messageType) =>
        Prefix + KebabCaseEndpointNameFormatter.Instance.SanitizeName(messageType.Name);
}
