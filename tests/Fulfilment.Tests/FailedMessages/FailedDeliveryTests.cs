using System.Text;

using Backend.Domain.FailedMessages;
using Backend.Fulfilment.FailedMessages;
using Backend.Messaging;

namespace Backend.Fulfilment.Tests.FailedMessages;

public sealed class FailedDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Fault = new()
    {
        ["MT-Reason"] = "fault",
        ["MT-Fault-ExceptionType"] = "Backend.Messaging.MissingReferenceException",
        ["MT-Fault-Message"] = "Product 'GHOST-1' does not exist.",
        ["MT-Fault-Timestamp"] = "2026-11-27T09:59:58.1234567Z",
        ["MT-Fault-RetryCount"] = "8",
        ["MT-Fault-StackTrace"] = "   at A()\n   at B()\n   at C()\n   at D()\n   at E()\n   at F()",
        ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    [Fact]
    public void Plain_json_from_an_error_queue_reads_into_a_record_of_its_queue_type_fault_and_sku()
    {
        var body = Encoding.UTF8.GetBytes("""{"Sku":"GHOST-1","quantity":5,"receiptId":"GRN-1"}""");

        var delivery = FailedDelivery.Read("stock-replenished_error", body, "application/json", Fault, Now);

        var record = delivery.Record;
        delivery.Refailure.ShouldBeNull();
        record.Kind.ShouldBe(FailedMessageKind.Error);
        record.Queue.ShouldBe("stock-replenished");
        record.MessageType.ShouldBe("StockReplenished");
        record.Sku.ShouldBe("GHOST-1");
        record.ReasonPattern.ShouldBe("Product '{id}' does not exist.");
        record.Attempts.ShouldBe(9);
        record.FirstFailedAt.ShouldBe(new DateTimeOffset(2026, 11, 27, 9, 59, 58, 123, TimeSpan.Zero).AddTicks(4567));
        record.StackTrace!.Split('\n').Length.ShouldBe(5);
        record.TraceId.ShouldBe("0af7651916cd43dd8448eb211c80319c");
        FailedDelivery.Read("stock-replenished_error", body, "application/json", Fault, Now).Record.Id.ShouldBe(record.Id);
    }

    [Fact]
    public void Malformed_body_is_still_recorded_and_a_skipped_message_is_kept_apart()
    {
        var body = Encoding.UTF8.GetBytes("{not json");

        var error = FailedDelivery.Read("submit-order_error", body, null, Fault, Now).Record;
        var skipped = FailedDelivery.Read("submit-order_skipped", body, null, new Dictionary<string, string>(), Now).Record;

        error.MessageType.ShouldBe("SubmitOrder");
        error.OrderId.ShouldBeNull();
        skipped.Kind.ShouldBe(FailedMessageKind.Skipped);
        skipped.Queue.ShouldBe("submit-order");
        skipped.ExceptionType.ShouldBe("Skipped");
        skipped.FirstFailedAt.ShouldBe(Now);
    }

    [Fact]
    public void Redriven_message_links_to_its_record_from_transport_or_envelope_headers()
    {
        var recordId = Guid.NewGuid();
        var link = new Dictionary<string, string> { [FailedMessageHeaders.RecordId] = recordId.ToString(), [FailedMessageHeaders.ReplayCount] = "2" };
        var envelope = EnvelopeHeaders.With(
            Encoding.UTF8.GetBytes("""{"messageId":"m","messageType":["urn:message:Backend.Contracts.Orders:CancelOrder"],"message":{"orderId":"o-1"}}"""), link);

        var fromTransport = FailedDelivery.Read("cancel-order_error", Encoding.UTF8.GetBytes("{}"), null, new Dictionary<string, string>(Fault).Concat(link).ToDictionary(), Now);
        var fromEnvelope = FailedDelivery.Read("cancel-order_error", envelope, "application/vnd.masstransit+json", Fault, Now);

        fromTransport.Refailure.ShouldNotBeNull().Id.ShouldBe(recordId);
        fromEnvelope.Refailure.ShouldNotBeNull().ReplayCount.ShouldBe(2);
        fromEnvelope.Record.MessageType.ShouldBe("CancelOrder");
        fromEnvelope.Record.OrderId.ShouldBe("o-1");
        fromEnvelope.Record.MessageId.ShouldBe("m");
    }
}
