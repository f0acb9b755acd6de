using System.Reflection;

using MassTransit;

namespace Backend.Api.Tests.Orders;

/// <summary>An <see cref="IPublishEndpoint"/> whose every call fails, as during a broker outage.</summary>
public class FailingPublisher : DispatchProxy
{
    public static IPublishEndpoint Create() => Create<IPublishEndpoint, FailingPublisher>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.ReturnType == typeof(Task)
            ? Task.FromException(new InvalidOperationException("The broker is unreachable."))
            : throw new InvalidOperationException("The broker is unreachable.");
}
