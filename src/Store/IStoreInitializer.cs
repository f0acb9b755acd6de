namespace Backend.Store;

/// <summary>Creates the schema or indexes of the selected adapter; safe to call any number of times.</summary>
internal interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
