using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Orders;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Orders;

public sealed class OrderMetricsTests
{
    [Fact]
    public async Task Each_outcome_and_reservation_counted_once_with_its_status_and_reason()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == OrderMetrics.MeterName && instrument.Meter.Scope == fixture.Meters)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Describe(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Describe(tags))));
        listener.Start();
        await fixture.SeedProductAsync("LAMP", onHand: 2);
        var confirmed = Messages.Submit("LAMP", 2);
        var outOfStock = Messages.Submit("LAMP", 1);

        // One after the other, so the first takes the stock; each counted by the time its consume has finished.
        await fixture.Harness.Bus.Publish(confirmed);
        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == confirmed.OrderId);
        await fixture.Harness.Bus.Publish(outOfStock);
        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == outOfStock.OrderId);

        measurements.Where(entry => entry.Instrument == "backend.orders.outcomes").Select(entry => (entry.Value, entry.Tags))
            .ShouldBe([(1, "reason=,status=Confirmed"), (1, $"reason={RejectionReason.OutOfStock},status={OrderStatus.Rejected}")], ignoreOrder: true);
        measurements.Where(entry => entry.Instrument == "backend.stock.reservations").Select(entry => (entry.Value, entry.Tags))
            .ShouldBe([(1, "outcome=reserved"), (1, "outcome=rejected")], ignoreOrder: true);
        measurements.Count(entry => entry.Instrument == "backend.orders.time_to_outcome").ShouldBe(2);
    }

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>();
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{key}={value}");
        }

        return string.Join(",", pairs.Order(StringComparer.Ordinal));
    }
}
