using System.Diagnostics.Metrics;

using Backend.Domain.Orders;

namespace Backend.Fulfilment.Orders;

/// <summary>Order outcomes by status and reason, for dashboards and alerts.</summary>
public sealed class OrderMetrics
{
    public const string MeterName = "Backend.Fulfilment";

    private readonly Counter<long> _outcomes;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("backend.orders.outcomes", description: "Orders that reached a new outcome state.");
    }

    public void Completed(Order order) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("status", order.Status.ToString()), new KeyValuePair<string, object?>("reason", order.Reason));
}
