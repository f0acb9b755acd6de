namespace Backend.Integration.Tests.Deployment;

internal static class RepositoryFiles
{
    /// <summary>The folder holding Backend.sln, found by walking up from the test's build output.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Backend.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Backend.sln above {AppContext.BaseDirectory}.");
    }
}
