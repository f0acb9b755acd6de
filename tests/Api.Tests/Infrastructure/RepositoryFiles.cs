namespace Backend.Api.Tests.Infrastructure;

public static class RepositoryFiles
{
    /// <summary>The repository's root: the first folder above the test binaries that holds Backend.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string OpenApiDocument => Path.Combine(Root, "docs", "openapi.json");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Backend.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Backend.sln above {AppContext.BaseDirectory}.");
    }
}
