using Backend.Domain.Catalog;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Store.Mongo;

using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Backend.Store.Tests;

/// <summary>The Mongo storage shape, checked without a server so it is covered where the Mongo contract tests skip.</summary>
public sealed class MongoDocumentTests
{
    static MongoDocumentTests() => MongoConventions.Register();

    [Fact]
    public void Order_round_trips_through_bson_with_amounts_as_decimal128()
    {
        var order = TestOrders.Confirmed(TestOrders.T0, TestOrders.T0.AddMinutes(1)) with
        {
            Idempotency = new IdempotencyRecord("key-1", "fingerprint"),
            Shipment = new Shipment("UPS", "1Z"),
        };

        var bson = MongoMapping.ToDocument(order).ToBsonDocument();
        var back = MongoMapping.ToDomain(BsonSerializer.Deserialize<OrderDocument>(bson));

        bson["totals"]["total"].ShouldBe(new BsonDecimal128(64.77m));
        bson["lines"][0]["unitPrice"].BsonType.ShouldBe(BsonType.Decimal128);
        bson["status"].ShouldBe(new BsonString("Confirmed"));
        bson["acceptedAt"].BsonType.ShouldBe(BsonType.DateTime);
        back.Totals.ShouldBe(order.Totals);
        back.Lines.ShouldBe(order.Lines);
        back.Timeline.ShouldBe(order.Timeline);
        back.ShipTo.ShouldBe(order.ShipTo);
        back.Idempotency.ShouldBe(order.Idempotency);
        back.Shipment.ShouldBe(order.Shipment);
        (back.Id, back.Status, back.Version, back.AcceptedAt, back.UpdatedAt, back.ConfirmedAt, back.AuthorizationId, back.TraceId)
            .ShouldBe((order.Id, order.Status, order.Version, order.AcceptedAt, order.UpdatedAt, order.ConfirmedAt, order.AuthorizationId, order.TraceId));
    }

    [Fact]
    public void Idempotency_is_left_out_when_the_order_has_no_key()
    {
        // The unique index on (customerId, idempotency.key) is partial on the key existing; a null would collide.
        var bson = MongoMapping.ToDocument(TestOrders.Accepted()).ToBsonDocument();

        bson.Contains("idempotency").ShouldBeFalse();
        bson.Contains("totals").ShouldBeFalse();
    }

    [Fact]
    public void Order_id_is_a_standard_uuid_when_stored()
    {
        var order = TestOrders.Accepted(id: Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"));

        var id = MongoMapping.ToDocument(order).ToBsonDocument()["_id"].AsBsonBinaryData;

        // Subtype 4 keeps the bytes in text order, so ties in listings sort by id the same way in both stores.
        id.SubType.ShouldBe(BsonBinarySubType.UuidStandard);
        Convert.ToHexString(id.Bytes).ShouldBe("00112233445566778899AABBCCDDEEFF");
    }

    [Fact]
    public void Product_keeps_its_price_exactly_when_stored()
    {
        var document = new ProductDocument { Sku = "SKU-1", Name = "Mug", UnitPrice = 19.99m, OnHand = 3, Reserved = 1 };

        var bson = document.ToBsonDocument();

        bson["_id"].ShouldBe(new BsonString("SKU-1"));
        bson["unitPrice"].ShouldBe(new BsonDecimal128(19.99m));
        MongoMapping.ToDomain(BsonSerializer.Deserialize<ProductDocument>(bson))
            .ShouldBe(new Product("SKU-1", "Mug", 19.99m, false, 3, 1, 0, false));
    }

    [Fact]
    public void Reservation_entry_keeps_its_state_as_text_and_the_attempts_counting_on_it()
    {
        var attempt = ObjectId.GenerateNewId();
        var entry = new ReservationDocument { OrderId = Guid.NewGuid(), Quantity = 2, State = ReservationState.Committed, Attempts = [attempt] };

        var bson = entry.ToBsonDocument();

        bson["orderId"].AsBsonBinaryData.SubType.ShouldBe(BsonBinarySubType.UuidStandard);
        bson["state"].ShouldBe(new BsonString("Committed"));
        bson["attempts"].ShouldBe(new BsonArray { attempt });
        BsonSerializer.Deserialize<ReservationDocument>(bson).ShouldSatisfyAllConditions(
            back => back.OrderId.ShouldBe(entry.OrderId), back => back.State.ShouldBe(ReservationState.Committed));
    }

    [Fact]
    public void Settled_entries_and_receipts_carry_the_field_names_retention_pulls_on()
    {
        // The retention's pull conditions are written as raw BSON (see MongoStock.Retention): these names must hold.
        var settled = new ReservationDocument { OrderId = Guid.NewGuid(), Quantity = 1, State = ReservationState.Released, SettledAt = TestOrders.T0.UtcDateTime };
        var receipt = new ReceiptDocument { ReceiptId = "GRN-1", At = TestOrders.T0.UtcDateTime };

        settled.ToBsonDocument().ShouldSatisfyAllConditions(
            bson => bson["state"].ShouldBe(new BsonString("Released")), bson => bson["settledAt"].BsonType.ShouldBe(BsonType.DateTime));
        new ReservationDocument { State = ReservationState.Held }.ToBsonDocument().Contains("settledAt").ShouldBeFalse();
        receipt.ToBsonDocument().ShouldBe(new BsonDocument { ["receiptId"] = "GRN-1", ["at"] = TestOrders.T0.UtcDateTime });
    }

    [Fact]
    public void Job_run_keeps_its_id_as_a_standard_uuid_and_its_status_and_trigger_as_text()
    {
        var run = new JobRun(Guid.NewGuid(), "daily", TestOrders.T0, JobRunTrigger.CatchUp, JobRunStatus.Interrupted, "worker-1",
            TestOrders.T0, TestOrders.T0.AddMinutes(1), "summary", "trace", "error");

        var bson = JobRunDocument.From(run).ToBsonDocument();

        bson["_id"].AsBsonBinaryData.SubType.ShouldBe(BsonBinarySubType.UuidStandard);
        (bson["status"], bson["trigger"]).ShouldBe((new BsonString("Interrupted"), new BsonString("CatchUp")));
        BsonSerializer.Deserialize<JobRunDocument>(bson).ToDomain().ShouldBe(run);
    }
}
