namespace Backend.Store.Sqlite;

/// <summary>
/// Where a relative <c>Store:Sqlite:Path</c> points: the folder holding <c>Backend.sln</c>, found by walking up
/// from the host's content root, else the content root itself. Each host's content root is its own project folder
/// under <c>dotnet run</c>, so resolving against it gave Ingress and Workers two files in mixed mode; the solution
/// folder is one place every host run from the repository shares. A published host (a container image) ships no
/// solution file, so it keeps its data beside itself as before.
/// </summary>
internal static class SqlitePath
{
    public const string SolutionFile = "Backend.sln";

    public static string Resolve(string path, string contentRoot) =>
        Path.GetFullPath(path, FindSolutionFolder(contentRoot) ?? contentRoot);

    private static string? FindSolutionFolder(string contentRoot)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(contentRoot)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
