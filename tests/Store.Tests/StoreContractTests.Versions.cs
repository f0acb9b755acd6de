using Backend.Domain.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Upsert_creates_with_the_defaults_when_optional_fields_are_left_out()
    {
        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 12.50m), Cancellation)).ShouldBe(UpsertOutcome.Applied);

        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Mug", 12.50m, true, 0, 0, 0));
    }

    [Fact]
    public async Task Upsert_keeps_every_field_the_definition_leaves_out()
    {
        await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 12.50m, false, 5, 3), Cancellation);

        (await Products.UpsertAsync(new ProductDefinition("SKU-1", null, null), Cancellation)).ShouldBe(UpsertOutcome.Applied);
        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Mug", 12.50m, false, 0, 0, 5, Version: 3));

        await Products.UpsertAsync(new ProductDefinition("SKU-1", null, 14.00m, ReorderPoint: 2), Cancellation);
        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Mug", 14.00m, false, 0, 0, 2, Version: 3));
    }

    [Fact]
    public async Task Upsert_changes_nothing_when_the_version_is_not_newer_than_the_stored_one()
    {
        await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 12.50m, Version: 5), Cancellation);

        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Equal", 1m, false, Version: 5), Cancellation)).ShouldBe(UpsertOutcome.Stale);
        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Older", 1m, false, Version: 4), Cancellation)).ShouldBe(UpsertOutcome.Stale);
        (await Products.UpsertAsync(new ProductDefinition("SKU-1", null, null, false, Version: 2), Cancellation)).ShouldBe(UpsertOutcome.Stale);
        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Mug", 12.50m, true, 0, 0, 0, Version: 5));

        (await Products.UpsertAsync(new ProductDefinition("SKU-1", null, null, false, Version: 6), Cancellation)).ShouldBe(UpsertOutcome.Applied);
        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Mug", 12.50m, false, 0, 0, 0, Version: 6));
    }

    [Fact]
    public async Task Upsert_applies_any_version_when_the_product_has_none_stored()
    {
        await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 12.50m), Cancellation);

        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Cup", null, Version: 0), Cancellation)).ShouldBe(UpsertOutcome.Applied);

        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Cup", 12.50m, true, 0, 0, 0, Version: 0));
    }

    [Fact]
    public async Task Unversioned_upsert_always_applies_and_keeps_the_stored_version()
    {
        await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 12.50m, Version: 9), Cancellation);

        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Cup", null), Cancellation)).ShouldBe(UpsertOutcome.Applied);

        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Cup", 12.50m, true, 0, 0, 0, Version: 9));
        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Old", null, Version: 9), Cancellation)).ShouldBe(UpsertOutcome.Stale);
    }

    [Fact]
    public async Task Upsert_creates_nothing_when_a_new_product_lacks_name_or_price()
    {
        (await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", null, Version: 1), Cancellation)).ShouldBe(UpsertOutcome.Incomplete);
        (await Products.UpsertAsync(new ProductDefinition("SKU-1", null, 1m), Cancellation)).ShouldBe(UpsertOutcome.Incomplete);

        (await Products.FindAsync("SKU-1", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Upsert_keeps_the_newest_version_when_versions_race_from_two_processes()
    {
        var other = (await StartHostAsync()).Services.GetRequiredService<IProductStore>();
        var versions = Enumerable.Range(1, 12).OrderBy(_ => Random.Shared.Next()).ToList();

        await Task.WhenAll(versions.Select(version => (version % 2 == 0 ? Products : other)
            .UpsertAsync(new ProductDefinition("SKU-1", $"v{version}", version, Version: version), Cancellation)));

        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "v12", 12m, true, 0, 0, 0, Version: 12));
    }
}
