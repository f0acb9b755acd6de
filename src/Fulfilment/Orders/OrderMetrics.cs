using System.Diagnostics.Metrics;

using Backend.Domain.Orders;

namespace Backend.Fulfilment.Orders;

/// <summary>Order outcomes by status and reason, for dashboards and alerts.</summary>
public sealed class OrderMetrics
{
    public const string MeterName = "Backend.Fulfilment";

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _shipmentConflicts;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("backend.orders.outcomes", description: "Orders that reached a new outcome state.");
        _shipmentConflicts = meter.CreateCounter<long>(
            "backend.orders.shipment_conflicts", description: "Shipments recorded against orders that could not take them.");
    }

    public void Completed(Order order) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("status", order.Status.ToString()), new KeyValuePair<string, object?>("reason", order.Reason));

    public void ShipmentConflict(ShipmentConflict conflict) =>
        _shipmentConflicts.Add(1, new KeyValuePair<string, object?>("status", conflict.Status.ToString()));
}
