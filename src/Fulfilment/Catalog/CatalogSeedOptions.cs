using System.ComponentModel.DataAnnotations;

using Backend.Domain.Catalog;

namespace Backend.Fulfilment.Catalog;

/// <summary>Products to create on start when they do not exist yet, with their opening stock.</summary>
public sealed class CatalogSeedOptions
{
    public const string SectionName = "Catalog";

    public List<SeedProduct> Seed { get; set; } = [];
}

public sealed class SeedProduct
{
    [Required]
    [RegularExpression(Domain.Catalog.Sku.Pattern)]
    public string Sku { get; set; } = "";

    [Required]
    [MaxLength(ProductLimits.MaxNameLength)]
    public string Name { get; set; } = "";

    [Range(typeof(decimal), "0", "1000000")]
    public decimal UnitPrice { get; set; }

    [Range(0, ProductLimits.MaxReceiptQuantity)]
    public int OnHand { get; set; }

    [Range(0, ProductLimits.MaxReorderPoint)]
    public int ReorderPoint { get; set; }
}
