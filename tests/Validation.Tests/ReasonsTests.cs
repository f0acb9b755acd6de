using Backend.Contracts.Catalog;
using Backend.Contracts.Orders;
using Backend.Contracts.Shipping;
using Backend.Validation.Catalog;
using Backend.Validation.Orders;
using Backend.Validation.Shipping;

namespace Backend.Validation.Tests;

/// <summary>
/// What a caller reads when every field is wrong: the field paths HTTP clients key their forms on, and the reasons
/// that land in problem details and in the error queue's headers. Both are part of the contract.
/// </summary>
public sealed class ReasonsTests
{
    private static readonly string TooLong = new('x', 201);

    private static IEnumerable<string> Reasons(ValidationErrors errors) =>
        errors.ToDictionary().SelectMany(field => field.Value.Select(reason => $"{field.Key}: {reason}"));

    [Fact]
    public void SubmitOrder_names_every_wrong_field_with_its_limit()
    {
        var errors = new ValidationErrors();

        var content = SubmitOrderValidator.Validate(
            new SubmitOrder(Guid.Empty, "", [new OrderLineItem("sku\n", 0)], "", new ShippingAddress("USA", TooLong, TooLong, TooLong, TooLong)),
            errors);

        content.ShouldBeNull();
        Reasons(errors).ShouldBe(
        [
            "orderId: A non-empty GUID is required.",
            "customerId: A customer id of 1 to 100 characters is required.",
            "lines[0].sku: A SKU must match [A-Z0-9-]{1,32}.",
            "lines[0].quantity: The quantity must be 1 to 1000.",
            "paymentToken: A payment token of 1 to 100 characters is required.",
            "shipTo.country: The country must be a two-letter ISO 3166 code.",
            "shipTo.name: At most 200 characters.",
            "shipTo.line1: At most 200 characters.",
            "shipTo.city: At most 200 characters.",
            "shipTo.postalCode: At most 200 characters.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void SubmitOrder_without_lines_or_address_says_what_is_missing_and_yields_nothing()
    {
        var errors = new ValidationErrors();

        SubmitOrderValidator.ValidateContent([], "tok", null, errors).ShouldBeNull();

        Reasons(errors).ShouldBe(
        [
            "lines: An order needs 1 to 100 lines.",
            "shipTo: A ship-to address with at least a country is required.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void SubmitOrder_with_a_good_body_but_no_order_id_yields_nothing()
    {
        var errors = new ValidationErrors();

        SubmitOrderValidator.Validate(
            new SubmitOrder(Guid.Empty, "customer-1", [new OrderLineItem("SKU-1", 1)], "tok", new ShippingAddress("us")), errors).ShouldBeNull();

        errors.ToDictionary().Keys.ShouldBe(["orderId"]);
    }

    [Fact]
    public void Catalog_and_shipping_messages_name_every_wrong_field_with_its_limit()
    {
        var upsert = new ValidationErrors();
        UpsertProductValidator.Validate(new UpsertProduct("bad sku", " ", -1m, ReorderPoint: -1, Version: -1), upsert).ShouldBeNull();
        Reasons(upsert).ShouldBe(
        [
            "sku: A SKU must match [A-Z0-9-]{1,32}.",
            "name: A name, when sent, must have 1 to 200 characters.",
            "unitPrice: A unit price, when sent, must be 0 to 1000000 with at most 2 decimal places.",
            "reorderPoint: A reorder point, when sent, must be 0 to 1000000.",
            "version: A version, when sent, must be 0 or more.",
        ], ignoreOrder: true);

        var receipt = new ValidationErrors();
        StockReplenishedValidator.Validate(new StockReplenished("SKU-1", 0, ""), receipt).ShouldBeFalse();
        Reasons(receipt).ShouldBe(
        [
            "quantity: The quantity must be 1 to 1000000.",
            "receiptId: A receipt id of 1 to 100 characters is required.",
        ], ignoreOrder: true);

        var cancel = new ValidationErrors();
        CancelOrderValidator.Validate(new CancelOrder(Guid.Empty, ""), cancel).ShouldBeFalse();
        Reasons(cancel).ShouldBe(
        [
            "orderId: A non-empty GUID is required.",
            "requestedBy: Who asked for it, 1 to 100 characters, is required.",
        ], ignoreOrder: true);

        var shipment = new ValidationErrors();
        ShipmentDispatchedValidator.Validate(new ShipmentDispatched(Guid.Empty, "", ""), shipment).ShouldBeFalse();
        Reasons(shipment).ShouldBe(
        [
            "orderId: A non-empty GUID is required.",
            "carrier: A carrier of 1 to 100 characters is required.",
            "trackingNumber: A tracking number of 1 to 100 characters is required.",
        ], ignoreOrder: true);
    }
}
