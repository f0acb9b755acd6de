using System.Diagnostics.Metrics;

using Backend.Domain.Orders;

namespace Backend.Fulfilment.Orders;

/// <summary>Order outcomes by status and reason, for dashboards and alerts.</summary>
public sealed class OrderMetrics
{
    public const string MeterName = "Backend.Fulfilment";

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _shipmentConflicts;
    private readonly Histogram<double> _timeToOutcome;
    private readonly Counter<long> _reservations;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("backend.orders.outcomes", description: "Orders that reached a new outcome state.");
        _shipmentConflicts = meter.CreateCounter<long>(
            "backend.orders.shipment_conflicts", description: "Shipments recorded against orders that could not take them.");
        _timeToOutcome = meter.CreateHistogram<double>(
            "backend.orders.time_to_outcome", unit: "s", description: "Time from an order's acceptance to the outcome it reached.");
        _reservations = meter.CreateCounter<long>(
            "backend.stock.reservations", description: "Stock reservations for whole orders, by outcome (reserved or rejected).");
    }

    public void Completed(Order order)
    {
        KeyValuePair<string, object?>[] tags = [new("status", order.Status.ToString()), new("reason", order.Reason)];
        _outcomes.Add(1, tags);
        _timeToOutcome.Record(Math.Max(0, (order.UpdatedAt - order.AcceptedAt).TotalSeconds), tags);
    }

    public void Reservation(bool reserved) =>
        _reservations.Add(1, new KeyValuePair<string, object?>("outcome", reserved ? "reserved" : "rejected"));

    public void ShipmentConflict(ShipmentConflict conflict) =>
        _shipmentConflicts.Add(1, new KeyValuePair<string, object?>("status", conflict.Status.ToString()));
}
