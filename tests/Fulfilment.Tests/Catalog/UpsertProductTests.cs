using System.Globalization;

using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Catalog;

public sealed class UpsertProductTests
{
    [Fact]
    public async Task Created_without_stock_when_sku_is_new()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();

        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP-7", "Desk lamp", 39.90m, Active: true, ReorderPoint: 0));

        await fixture.Harness.ConsumedSuccessfullyAsync<UpsertProduct>(message => message.Sku == "LAMP-7");
        (await fixture.ProductAsync("LAMP-7")).ShouldBe(new Product("LAMP-7", "Desk lamp", 39.90m, true, 0, 0, 0));
    }

    [Fact]
    public async Task Definition_changed_and_stock_kept_when_product_exists()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", unitPrice: 10.00m, onHand: 10);
        await fixture.SubmitConfirmedAsync("LAMP", 3);

        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", "Brass lamp", 12.50m, Active: false, ReorderPoint: 2));

        await fixture.Harness.ConsumedSuccessfullyAsync<UpsertProduct>(message => message.Sku == "LAMP");
        (await fixture.ProductAsync("LAMP")).ShouldBe(new Product("LAMP", "Brass lamp", 12.50m, false, 10, 3, 2));
    }

    [Theory]
    [InlineData("-1.00")]
    [InlineData("1.005")]
    [InlineData("1000000.01")]
    public async Task Faults_as_invalid_and_changes_nothing_when_price_is_invalid(string price)
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", unitPrice: 10.00m, onHand: 10);
        var before = await fixture.ProductAsync("LAMP");

        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", "Renamed", decimal.Parse(price, CultureInfo.InvariantCulture)));

        await fixture.Harness.RejectedAsInvalidAsync<UpsertProduct>(message => message.Sku == "LAMP");
        (await fixture.ProductAsync("LAMP")).ShouldBe(before);
    }

    [Fact]
    public async Task Fields_left_out_keep_their_stored_values_when_product_exists()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", unitPrice: 10.00m, onHand: 10, active: false, reorderPoint: 4);

        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", UnitPrice: 11.00m));

        await fixture.Harness.ConsumedSuccessfullyAsync<UpsertProduct>(message => message.Sku == "LAMP");
        (await fixture.ProductAsync("LAMP")).ShouldBe(new Product("LAMP", "Product LAMP", 11.00m, false, 10, 0, 4));
    }

    [Fact]
    public async Task Older_version_changes_nothing_when_a_newer_one_was_applied()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();

        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", "Brass lamp", 12.50m, Version: 7));
        await fixture.Harness.ConsumedSuccessfullyAsync<UpsertProduct>(message => message.Version == 7);
        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", "Old lamp", 9.00m, Active: false, Version: 6));
        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", "Same lamp", 9.00m, Version: 7));

        await fixture.Harness.ConsumedSuccessfullyAsync<UpsertProduct>(message => message.Version == 6);
        await fixture.Harness.ConsumedSuccessfullyAsync<UpsertProduct>(message => message.Name == "Same lamp");
        (await fixture.ProductAsync("LAMP")).ShouldBe(new Product("LAMP", "Brass lamp", 12.50m, true, 0, 0, 0, Version: 7));
    }

    [Fact]
    public async Task Faults_as_invalid_and_creates_nothing_when_a_new_product_has_no_name()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();

        await fixture.Harness.Bus.Publish(new UpsertProduct("LAMP", UnitPrice: 10.00m, Version: 1));

        var fault = await fixture.Harness.RejectedAsInvalidAsync<UpsertProduct>(message => message.Sku == "LAMP");
        fault.Exceptions.ShouldHaveSingleItem().Message.ShouldContain("'name'");
        (await fixture.Products.FindAsync("LAMP", TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
