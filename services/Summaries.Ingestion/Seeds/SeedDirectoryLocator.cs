namespace Summaries.Ingestion.Seeds;

/// <summary>Finds the seeds folder: the configured one, or the nearest <c>seeds</c> folder with <c>*.json</c> files above the content root or the current directory.</summary>
public static class SeedDirectoryLocator
{
    public const string FolderName = "seeds";

    /// <summary>Full path of the folder, or null when there is none.</summary>
    public static string? Find(string? configured, string contentRoot, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(path) ? path : null;
        }

        foreach (var start in new[] { contentRoot, currentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, FolderName);
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
