using System.ComponentModel.DataAnnotations;

namespace Backend.Store.Mongo;

/// <summary>Section <c>Store:Mongo</c>.</summary>
public sealed class MongoStoreOptions
{
    public const string SectionName = "Store:Mongo";

    [Required]
    public string ConnectionString { get; set; } = "mongodb://localhost:27017";

    [Required]
    public string Database { get; set; } = "backend";
}
