using MongoDB.Bson.Serialization.Conventions;

namespace Backend.Store.Mongo;

internal static class MongoConventions
{
    private static int registered;

    /// <summary>camelCase fields, nulls left out (the partial unique index relies on a missing key), unknown fields ignored.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        var pack = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new IgnoreIfNullConvention(true),
            new IgnoreExtraElementsConvention(true),
        };
        // Scoped to this namespace: the convention registry is global to the process.
        ConventionRegistry.Register(typeof(MongoConventions).FullName, pack, type => type.Namespace == typeof(MongoConventions).Namespace);
    }
}
